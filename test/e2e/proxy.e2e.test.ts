import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { UserFacingError } from '../../src/errors.js';
import { FAST_SEND, captureLog, deps, startEmulator, testConfig } from './harness.js';

/**
 * Issue 18, point 4: TELEGRAM_PROXY. A small CONNECT proxy on 127.0.0.1 stands between the bot and
 * the Bot API emulator; it checks the credentials, forwards each tunnel, and reads the Bot API
 * method of every request that passes through it.
 */
async function startProxy(user: string, password: string) {
  const methods: string[] = [];
  const tunnels: string[] = [];
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    if (req.headers['proxy-authorization'] !== expected) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      client.pipe(upstream).pipe(client);
    });
    // The tunnel carries plain HTTP to the emulator: its request lines name the methods.
    let pending = '';
    client.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      let last = 0;
      for (const m of pending.matchAll(/(?:GET|POST) \/bot[^/\s]+\/(\w+) HTTP\/1\.1\r\n/g)) {
        methods.push(m[1]!);
        last = m.index + m[0].length;
      }
      pending = pending.slice(last).slice(-512);
    });
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    methods,
    tunnels,
    async stop() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}

const PASSWORD = 'pr0xy-s3cret';
/** A password with characters a URL must escape: written %-encoded, sent decoded. */
const ODD_PASSWORD = 'p@ss:w0rd';
let emu: Awaited<ReturnType<typeof startEmulator>> | undefined;
let proxy: Awaited<ReturnType<typeof startProxy>> | undefined;
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.stop('test over');
  await proxy?.stop();
  await emu?.stop();
  bot = proxy = emu = undefined;
});

const counts = (list: string[]) => list.reduce<Record<string, number>>((n, m) => ({ ...n, [m]: (n[m] ?? 0) + 1 }), {});

describe('TELEGRAM_PROXY', () => {
  it('carries every Bot API request of a polling bot, and the password is never logged', async () => {
    emu = await startEmulator();
    proxy = await startProxy('bob', ODD_PASSWORD);
    const logs = captureLog('trace');
    const written = encodeURIComponent(ODD_PASSWORD);
    const config = testConfig({ telegramApiRoot: emu.apiRoot, telegramProxy: `http://bob:${written}@127.0.0.1:${proxy.port}/` });
    bot = await startBot(deps(config, logs.log), { send: FAST_SEND });
    const m = await emu.say(601, 'when did the harbour bridge reopen?');
    const reply = await emu.waitFor(() => emu!.sent().find((s) => s.message.reply_parameters?.message_id === m.message_id), 'the answer');
    expect(reply.message.text).toContain('reopened');
    await bot.stop('test over');
    bot = undefined;

    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(new Set(proxy.tunnels)).toEqual(new Set([new URL(emu.apiRoot).host]));
    expect(proxy.methods).toEqual(expect.arrayContaining(['getMe', 'getUpdates', 'sendMessage']));
    // Every request the Bot API saw came through the proxy.
    expect(counts(proxy.methods)).toEqual(counts(emu.calls));
    expect(logs.text()).toContain(`"proxy":"http://127.0.0.1:${proxy.port}"`);
    expect(logs.text()).not.toContain(ODD_PASSWORD);
    expect(logs.text()).not.toContain(written);
  });

  it('carries the webhook setup too', async () => {
    emu = await startEmulator();
    proxy = await startProxy('bob', PASSWORD);
    const config = testConfig({
      telegramApiRoot: emu.apiRoot,
      telegramProxy: `http://bob:${PASSWORD}@127.0.0.1:${proxy.port}/`,
      webhook: { url: 'https://bot.example.org', port: 0, path: '/tg-hook', secret: 'webhook-secret-for-tests-0123' },
    });
    bot = await startBot(deps(config, captureLog().log), { host: '127.0.0.1', send: FAST_SEND });
    expect(proxy.methods).toContain('setWebhook');
    expect(counts(proxy.methods)).toEqual(counts(emu.calls));
  });

  it('stops start-up with one line naming the setting and what the proxy said, without the password, when the proxy refuses', async () => {
    emu = await startEmulator();
    proxy = await startProxy('bob', 'another-password');
    const config = testConfig({ telegramApiRoot: emu.apiRoot, telegramProxy: `http://bob:${PASSWORD}@127.0.0.1:${proxy.port}/` });
    const started = startBot(deps(config, captureLog().log), { send: FAST_SEND });
    await expect(started).rejects.toThrow(UserFacingError);
    await expect(started).rejects.toThrow(
      `TELEGRAM_PROXY: the proxy http://127.0.0.1:${proxy.port} refused to connect to the Bot API: 407 Proxy Authentication Required (check the user and password in it)`,
    );
    await started.catch((err: Error) => expect(err.message).not.toContain(PASSWORD));
    expect(emu.calls).toEqual([]);
  });

  it('stops start-up with one line naming the setting when nothing listens at the proxy address', async () => {
    emu = await startEmulator();
    const closed = await startProxy('bob', PASSWORD);
    const port = closed.port;
    await closed.stop();
    const config = testConfig({ telegramApiRoot: emu.apiRoot, telegramProxy: `http://bob:${PASSWORD}@127.0.0.1:${port}/` });
    const started = startBot(deps(config, captureLog().log), { send: FAST_SEND });
    await expect(started).rejects.toThrow(
      new RegExp(`^Could not reach the Telegram Bot API through TELEGRAM_PROXY \\(http://127\\.0\\.0\\.1:${port}\\): .*ECONNREFUSED`),
    );
    await started.catch((err: Error) => expect(err.message).not.toContain(PASSWORD));
  });
});
