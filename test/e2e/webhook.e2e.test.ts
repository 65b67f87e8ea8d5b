import { afterEach, describe, expect, it } from 'vitest';
import { startBot, secretMatches, webhookTarget, type RunningBot } from '../../src/bot/run.js';
import { UserFacingError } from '../../src/errors.js';
import { FakeTelegram } from '../../src/cli/bench/fake-telegram.js';
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
    message: { message_id: messageId, date: 0, chat: { id: chatId, type: 'private', first_name: 'A' }, from: { id: chatId, is_bot: false, first_name: 'A' }, text },
  };
}

async function startWebhookBot(logs = captureLog(), articles?: () => []) {
  fake = new FakeTelegram(LIMITS);
  const apiRoot = await fake.start();
  const config = testConfig({ telegramApiRoot: apiRoot, webhook: { url: 'https://bot.example.org', port: 0 as number, path: '/tg-hook', secret: SECRET } });
  bot = await startBot(deps(config, logs.log, articles ? { articles } : {}), { host: '127.0.0.1', send: { rates: LIMITS } });
  return { base: `http://127.0.0.1:${bot.port}`, logs };
}

const post = (url: string, body: unknown, secret?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret }) }, body: JSON.stringify(body) });

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
    for (let i = 0; i < 5; i++) expect((await post(`${base}/tg-hook`, update(2, 'when did the harbour bridge reopen?', 100 + i), SECRET)).status).toBe(200);
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
