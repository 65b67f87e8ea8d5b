import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';

/** The last CONNECT each proxy agent had refused (status and text), until one succeeds. */
const refusals = new WeakMap<object, string>();

/**
 * The agent that sends every Bot API request through TELEGRAM_PROXY: one CONNECT tunnel per
 * connection (https-proxy-agent), kept alive like telegraf's own agent, TLS to Telegram inside it.
 * Credentials in the URL become a Proxy-Authorization header (Basic) and appear nowhere else.
 */
export function proxyAgent(url: string): Agent {
  // The agent is given the URL without credentials (it prints its URL under DEBUG=*), and the header instead.
  const proxy = new URL(url);
  const credentials = proxy.username || proxy.password ? `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}` : undefined;
  proxy.username = '';
  proxy.password = '';
  const headers = credentials ? { 'Proxy-Authorization': `Basic ${Buffer.from(credentials).toString('base64')}` } : {};
  const agent = new HttpsProxyAgent(proxy, { keepAlive: true, keepAliveMsecs: 10_000, headers });
  // A refused CONNECT reaches telegraf as an unreadable reply; this keeps what the proxy said.
  agent.on('proxyConnect', (connect: { statusCode: number; statusText: string }) => {
    if (connect.statusCode === 200) refusals.delete(agent);
    else refusals.set(agent, `${connect.statusCode} ${connect.statusText}`.trim());
  });
  return agent;
}

/** What the proxy answered when it last refused a tunnel through `agent` (e.g. "407 Proxy Authentication Required"). */
export function proxyRefusal(agent: unknown): string | undefined {
  return typeof agent === 'object' && agent !== null ? refusals.get(agent) : undefined;
}

/** The proxy as logs and errors may name it: scheme, host and port, never the credentials. */
export function proxyLabel(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}
