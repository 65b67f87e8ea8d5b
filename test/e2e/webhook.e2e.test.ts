import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startBot, secretMatches, webhookTarget, type RunningBot, type StartOptions } from '../../src/bot/run.js';
import type { Config } from '../../src/config.js';
import { UserFacingError } from '../../src/errors.js';
import { FakeTelegram } from '../../bench/fake-telegram.js';
import { TOKEN, captureLog, deps, testConfig } from './harness.js';

const SECRET = 'webhook-secret-for-tests-0123';
const LIMITS = { perChatIntervalMs: 150, groupPerMinute: 20, globalPerSecond: 30, timeScale: 1 };

let fake: FakeTelegram | undefined;
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.stop();
  await fake?.stop();
  bot = undefined;
  fake = undefined;
});

let updateId = 1;
function update(chatId: number, text: string, messageId: number) {
  return {
    update_id: updateId++,
    message: {
      message_id: messageId,
      date: 0,
      chat: { id: chatId, type: 'private', first_name: 'A' },
      from: { id: chatId, is_bot: false, first_name: 'A' },
      text,
    },
  };
}

async function startWebhookBot(logs = captureLog(), articles?: () => [], settings: Partial<Config> = {}, options: StartOptions = {}) {
  fake = new FakeTelegram(LIMITS);
  const apiRoot = await fake.start();
  const config = testConfig({
    telegramApiRoot: apiRoot,
    webhook: { url: 'https://bot.example.org', port: 0 as number, path: '/tg-hook', secret: SECRET },
    ...settings,
  });
  bot = await startBot(deps(config, logs.log, articles ? { articles } : {}), { host: '127.0.0.1', send: { rates: LIMITS }, ...options });
  return { base: `http://127.0.0.1:${bot.port}`, logs };
}

const post = (url: string, body: unknown, secret?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }) },
    body: JSON.stringify(body),
  });

describe('webhook mode', () => {
  it('answers updates that carry the secret, and refuses others with 403 before any handler runs', async () => {
    const { base } = await startWebhookBot();
    expect((await post(`${base}/tg-hook`, update(1, 'who approved the budget?', 11))).status).toBe(403);
    expect((await post(`${base}/tg-hook`, update(1, 'who approved the budget?', 12), 'wrong')).status).toBe(403);
    expect((await post(`${base}/tg-hook`, update(1, 'who approved the budget?', 13), SECRET.replace(/.$/, 'x'))).status).toBe(403);
    expect((await post(`${base}/tg-hook`, update(1, 'who approved the budget?', 14), SECRET)).status).toBe(200);
    await bot!.stop();
    expect(fake!.delivered.map((d) => d.replyTo)).toEqual([14]);
    expect(fake!.delivered[0]!.text).toContain('city council <b>approved</b>');
  });

  it('reports on GET /healthz whether the index is loaded and the bot is running', async () => {
    const { base } = await startWebhookBot();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, indexLoaded: true, articles: 3, botRunning: true });
    await bot!.stop();
  });

  it('reports an empty index as not healthy', async () => {
    const { base } = await startWebhookBot(undefined, () => []);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, indexLoaded: false });
  });

  it('on stop, finishes the replies already queued before resolving', async () => {
    const { base } = await startWebhookBot();
    for (let i = 0; i < 5; i++)
      expect((await post(`${base}/tg-hook`, update(2, 'when did the harbour bridge reopen?', 100 + i), SECRET)).status).toBe(200);
    // Five replies to one chat are paced 150 ms apart, so most are still queued here.
    expect(fake!.delivered.length).toBeLessThan(5);
    // `done` (which main races against signals) must not resolve before the replies are out.
    const deliveredWhenDone = bot!.done.then(() => fake!.delivered.length);
    await bot!.stop('SIGTERM');
    expect(await deliveredWhenDone).toBe(5);
    expect(fake!.delivered.map((d) => d.replyTo)).toEqual([100, 101, 102, 103, 104]);
    // After stop the server takes no more updates.
    await expect(post(`${base}/tg-hook`, update(2, 'more?', 200), SECRET)).rejects.toThrow();
  });
});

describe('incoming rate limit', () => {
  it('answers a user RATE_LIMIT_PER_USER questions per window, then one notice, then nothing', async () => {
    // A clock that stands still: every question falls in the same window however slow the machine.
    const { base } = await startWebhookBot(undefined, undefined, { rateLimit: { perUser: 3, perChat: 1000, windowSeconds: 60 } }, { now: () => 0 });
    for (let i = 0; i < 5; i++) expect((await post(`${base}/tg-hook`, update(7, 'who approved the budget?', 70 + i), SECRET)).status).toBe(200);
    await bot!.stop();
    expect(fake!.delivered.map((d) => d.replyTo)).toEqual([70, 71, 72, 73]);
    for (const d of fake!.delivered.slice(0, 3)) expect(d.text).toContain('<b>approved</b>');
    expect(fake!.delivered[3]!.text).toBe('You are asking faster than I can keep up. Please wait about 60 seconds, then ask again.');
  });
});

/**
 * A raw client: sends `head`, then up to `bodyBytes` of body as fast as the server takes it, and
 * collects whatever comes back until the connection closes. `written` counts the body bytes the
 * kernel accepted, so an upload the server stopped taking ends well short of `bodyBytes`.
 */
async function upload(port: number, head: string, bodyBytes: number, chunked = false) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  let written = 0;
  let queued = 0;
  let error: string | undefined;
  socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
  socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code));
  const closed = new Promise<void>((r) => socket.once('close', () => r()));
  await new Promise<void>((r, reject) => socket.once('connect', r).once('error', reject));
  socket.write(head);
  const piece = Buffer.alloc(64 * 1024, 'a');
  const frame = chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
  while (queued < bodyBytes && !socket.destroyed) {
    queued += piece.length;
    const more = socket.write(frame, (e) => (e ? undefined : (written += piece.length)));
    if (!more) await new Promise<void>((r) => (socket.once('drain', r), void closed.then(r)));
  }
  if (!socket.destroyed) socket.end(chunked ? '0\r\n\r\n' : '');
  await closed;
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]), received, written, error };
}

const BIG = 64 * 1024 * 1024;
const MAX_BODY = 1024 * 1024;

describe('webhook transport', () => {
  /** The bot's own http.Server, to count what it read off each connection. */
  async function startCounted() {
    const created = vi.spyOn(http, 'createServer');
    const started = await startWebhookBot();
    const server = created.mock.results.map((r) => r.value as http.Server).find((s) => (s.address() as AddressInfo | null)?.port === bot!.port)!;
    created.mockRestore();
    const sockets: net.Socket[] = [];
    server.on('connection', (s: net.Socket) => sockets.push(s));
    return { ...started, port: bot!.port!, bytesRead: () => sockets.reduce((n, s) => n + s.bytesRead, 0) };
  }

  it.each([
    ['403', 'POST /tg-hook', 'x-telegram-bot-api-secret-token: wrong-secret-of-right-size\r\n'],
    ['403', 'POST /tg-hook', ''],
    ['404', 'POST /elsewhere', `x-telegram-bot-api-secret-token: ${SECRET}\r\n`],
    ['405', 'PUT /tg-hook', `x-telegram-bot-api-secret-token: ${SECRET}\r\n`],
  ])('answers %s to "%s" and closes the connection without reading the 64 MiB upload', async (status, line, secretHeader) => {
    const { port, bytesRead } = await startCounted();
    const res = await upload(port, `${line} HTTP/1.1\r\nHost: 127.0.0.1\r\n${secretHeader}Content-Length: ${BIG}\r\n\r\n`, BIG);
    expect(res.status).toBe(Number(status));
    expect(res.written).toBeLessThan(BIG); // the server stopped taking it
    expect(bytesRead()).toBeLessThan(MAX_BODY); // and read almost none of it
    expect(res.received).toMatch(/\r\nconnection: close\r\n/i);
    expect(fake!.delivered).toEqual([]);
  });

  it('refuses a client that asks "Expect: 100-continue" before it sends any body', async () => {
    const { port } = await startCounted();
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (d: Buffer) => (received += d.toString('latin1')));
    await new Promise<void>((r) => socket.once('connect', r));
    socket.write(`POST /tg-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: ${BIG}\r\n\r\n`);
    await new Promise<void>((r) => socket.once('close', () => r()));
    expect(received).toMatch(/^HTTP\/1\.1 403 /);
    expect(received).not.toContain('100 Continue');
  });

  it('still takes an update sent with "Expect: 100-continue" and the secret', async () => {
    const { base } = await startWebhookBot();
    const body = JSON.stringify(update(6, 'who approved the budget?', 61));
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${base}/tg-hook`, {
        method: 'POST',
        headers: {
          expect: '100-continue',
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-telegram-bot-api-secret-token': SECRET,
        },
      });
      req.on('continue', () => req.end(body));
      req.on('response', (res) => (res.resume(), resolve(res.statusCode!)));
      req.on('error', reject);
    });
    expect(status).toBe(200);
    await bot!.stop();
    expect(fake!.delivered.map((d) => d.replyTo)).toEqual([61]);
  });

  it('answers 413 to an update whose Content-Length is over 1 MiB, before reading it', async () => {
    const { port, bytesRead } = await startCounted();
    const res = await upload(
      port,
      `POST /tg-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nx-telegram-bot-api-secret-token: ${SECRET}\r\nContent-Length: ${BIG}\r\n\r\n`,
      BIG,
    );
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(BIG);
    expect(bytesRead()).toBeLessThan(MAX_BODY);
  });

  it('answers 413 (not a reset) once a body without a length passes 1 MiB, and reads no further', async () => {
    const { port, bytesRead } = await startCounted();
    const res = await upload(
      port,
      `POST /tg-hook HTTP/1.1\r\nHost: 127.0.0.1\r\nx-telegram-bot-api-secret-token: ${SECRET}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      BIG,
      true,
    );
    expect(res.status).toBe(413);
    expect(res.written).toBeLessThan(BIG);
    expect(bytesRead()).toBeLessThan(2 * MAX_BODY);
  });

  it('a port already in use is one clear error naming the setting', async () => {
    const taken = http.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as AddressInfo).port;
    try {
      fake = new FakeTelegram(LIMITS);
      const apiRoot = await fake.start();
      const webhook = { url: 'https://bot.example.org', port, path: '/tg-hook', secret: SECRET };
      const failure = await startBot(deps(testConfig({ telegramApiRoot: apiRoot, webhook }), captureLog().log)).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(UserFacingError);
      expect((failure as Error).message).toBe(`WEBHOOK_PORT: port ${port} on 127.0.0.1 is already in use (another bot or server is listening there)`);
      const polling = await startBot(deps(testConfig({ telegramApiRoot: apiRoot, healthPort: port }), captureLog().log)).catch((e: unknown) => e);
      expect(polling).toBeInstanceOf(UserFacingError);
      expect((polling as Error).message).toMatch(new RegExp(`^HEALTH_PORT: port ${port} on 127.0.0.1 is already in use`));
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });

  it('listens on the configured host (config.listenHost) when the caller gives none', async () => {
    fake = new FakeTelegram(LIMITS);
    const apiRoot = await fake.start();
    bot = await startBot(deps(testConfig({ telegramApiRoot: apiRoot, healthPort: 0, listenHost: '127.0.0.2' }), captureLog().log));
    const res = await fetch(`http://127.0.0.2:${bot.port}/healthz`);
    expect(res.status).toBe(200);
    await expect(fetch(`http://127.0.0.1:${bot.port}/healthz`)).rejects.toThrow();
  });
});

describe('polling mode', () => {
  it('serves /healthz on HEALTH_PORT while long polling', async () => {
    fake = new FakeTelegram(LIMITS);
    const apiRoot = await fake.start();
    bot = await startBot(deps(testConfig({ telegramApiRoot: apiRoot, healthPort: 0 }), captureLog().log), { host: '127.0.0.1' });
    const res = await fetch(`http://127.0.0.1:${bot.port}/healthz`);
    expect(await res.json()).toMatchObject({ ok: true, indexLoaded: true, botRunning: true });
    fake.userMessage(3, 3, 'who approved the budget?');
    const until = Date.now() + 5000;
    while (fake.delivered.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(fake.delivered[0]?.text).toContain('<b>budget</b>');
    await bot.stop('SIGINT');
    expect(await bot.done).toBeUndefined();
  });
});

describe('webhook helpers', () => {
  it('compares secrets exactly, whatever their length', () => {
    expect(secretMatches(SECRET, SECRET)).toBe(true);
    expect(secretMatches(SECRET.slice(1), SECRET)).toBe(false);
    expect(secretMatches(`${SECRET}x`, SECRET)).toBe(false);
    // Same length, one character different (first, last): only the content can tell them apart.
    expect(secretMatches(`x${SECRET.slice(1)}`, SECRET)).toBe(false);
    expect(secretMatches(`${SECRET.slice(0, -1)}x`, SECRET)).toBe(false);
    expect(secretMatches(SECRET.toUpperCase(), SECRET)).toBe(false);
    expect(secretMatches(undefined, SECRET)).toBe(false);
    expect(secretMatches([SECRET], SECRET)).toBe(false);
  });

  it('appends the path to a bare WEBHOOK_URL and keeps a URL that has its own path', () => {
    expect(webhookTarget('https://bot.example.org', '/tg-hook')).toBe('https://bot.example.org/tg-hook');
    expect(webhookTarget('https://bot.example.org/custom/path', '/tg-hook')).toBe('https://bot.example.org/custom/path');
  });
});

describe('secrets', () => {
  it('keeps the token out of every log line and error across start-up, a failed request and shutdown', async () => {
    const logs = captureLog('trace');
    // Start-up against a Bot API that is not there: a clear error without the token.
    const dead = testConfig({ telegramApiRoot: 'http://127.0.0.1:9' });
    const failure = await startBot(deps(dead, logs.log)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserFacingError);
    expect(String((failure as Error).message)).not.toContain(TOKEN);
    // A running bot whose sends fail with dropped connections (errors that carry the request URL).
    fake = new FakeTelegram(LIMITS, { dropConnection: 1, seed: 3 });
    const apiRoot = await fake.start();
    bot = await startBot(deps(testConfig({ telegramApiRoot: apiRoot }), logs.log), { send: { rates: LIMITS, maxRetries: 1, backoffMs: 10 } });
    fake.userMessage(5, 5, 'who approved the budget?');
    const until = Date.now() + 8000;
    while (!/message dropped/.test(logs.text()) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await bot.stop('SIGINT');
    const text = logs.text();
    expect(text).toMatch(/socket hang up|ECONNRESET/);
    expect(text).toMatch(/bot stopped/);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(TOKEN.split(':')[1]);
  });
});
