import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';

/**
 * The agent that sends every Bot API request through TELEGRAM_PROXY: one CONNECT tunnel per
 * connection (https-proxy-agent), kept alive like telegraf's own agent, TLS to Telegram inside it.
 * Credentials in the URL become a Proxy-Authorization header and appear nowhere else.
 */
export function proxyAgent(url: string): Agent {
  return new HttpsProxyAgent(url, { keepAlive: true, keepAliveMsecs: 10_000 });
}

/** The proxy as logs and errors may name it: scheme, host and port, never the credentials. */
export function proxyLabel(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}`;
}
