import vm from 'node:vm';
import v8 from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { FakeTelegram, type FloodLimits } from '../../bench/fake-telegram.js';
import { TOKEN, captureLog, deps, testConfig } from './harness.js';
import { DEFAULT_SHAPE, planLoad, runLoad } from '../../bench/load-driver.js';

/**
 * Issue 4's proof under load and faults: the real bot (polling, real answer()) against a Bot API
 * emulator that enforces flood limits and injects faults. Telegram's limits are kept in shape but
 * run ten times faster (a "minute" lasts 6 s), on both sides, so the run stays short.
 */
const LIMITS: FloodLimits = { perChatIntervalMs: 100, groupPerMinute: 20, globalPerSecond: 30, timeScale: 0.1 };
const RATE_LIMIT = { perUser: 5, perChat: 30, windowSeconds: 3600 };
const QUESTIONS = [
  'When did the harbour bridge reopen?',
  'how much did the repairs cost',
  'who approved the budget?',
  'what flooded the old town',
  'what is the price of bitcoin?',
  'will cyclists get a lane on the bridge?',
  'hello',
  'what tax pays for the schools?',
];

let fake: FakeTelegram | undefined;
let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.stop('test over');
  await fake?.stop();
  bot = undefined;
  fake = undefined;
});

async function start(f: FakeTelegram) {
  fake = f;
  const apiRoot = await f.start();
  const logs = captureLog('info');
  const config = testConfig({ telegramApiRoot: apiRoot, rateLimit: RATE_LIMIT });
  bot = await startBot(deps(config, logs.log), { send: { rates: LIMITS, backoffMs: 50, maxRetries: 8, maxFloodRetries: 20 } });
  return logs;
}

describe('the emulator', () => {
  it('does answer an unpaced sender with flood errors (so "no flood error" below means something)', async () => {
    // Its clock stands still, so the messages arrive "at once" however busy the machine is.
    const f = new FakeTelegram(LIMITS, {}, () => 1_000_000);
    fake = f;
    const apiRoot = await f.start();
    const send = async (chat: number) =>
      (
        await fetch(`${apiRoot}/bot${TOKEN}/sendMessage`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ chat_id: chat, text: 'x' }),
        })
      ).status;
    const statuses = [await send(1), await send(1), await send(1)];
    statuses.push(...(await Promise.all(Array.from({ length: 100 }, (_, i) => send(i + 2)))));
    expect(statuses.filter((s) => s === 429).length).toBe(f.counts.floodErrors);
    // Chat 1 once, then 29 others, make the 30 a "second" allows; the rest are refused.
    expect(f.floodReasons).toEqual({ chat: 2, group: 0, global: 71 });
    expect(f.delivered).toHaveLength(30);
  });
});

describe('under load', () => {
  it('answers 1,000 questions from 200 chats in bursts: each once, in order per chat, with no flood error', async () => {
    const f = new FakeTelegram(LIMITS);
    await start(f);
    const plan = planLoad(DEFAULT_SHAPE, QUESTIONS, f.bot.username, RATE_LIMIT);
    expect(plan).toHaveLength(1000);
    expect(new Set(plan.map((m) => m.chatId)).size).toBe(200);
    expect(plan.filter((m) => m.expect !== 'answer').length).toBeGreaterThan(0); // the spammers
    const result = await runLoad(f, plan, { burst: 100, gapMs: 50, timeoutMs: 60_000 });
    expect(result.problems).toEqual([]);
    expect(f.floodReasons).toEqual({ chat: 0, group: 0, global: 0 });
    expect(result.latenciesMs).toHaveLength(plan.filter((m) => m.expect !== 'silent').length);
  }, 90_000);
});

describe('under faults', () => {
  it('delivers every answer exactly once despite 429s, 500s, dropped connections and slow replies, with flat memory', async () => {
    const f = new FakeTelegram(LIMITS, {
      tooManyRequests: 0.1,
      serverError: 0.1,
      dropConnection: 0.05,
      slow: 0.1,
      slowMs: 200,
      retryAfterSeconds: 1,
      seed: 7,
    });
    const logs = await start(f);
    // gc() between rounds, so heap sizes compare what is retained rather than garbage.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heap: number[] = [];
    const shape = { questions: 250, chats: 50, groups: 12, bigGroups: 0, spammers: 3 };
    for (let round = 0; round < 4; round++) {
      const plan = planLoad(shape, QUESTIONS, f.bot.username, RATE_LIMIT, (round + 1) * 10_000);
      const result = await runLoad(f, plan, { burst: 50, gapMs: 30, timeoutMs: 60_000 });
      expect(result.problems).toEqual([]);
      gc();
      heap.push(process.memoryUsage().heapUsed);
    }
    expect(f.counts.tooManyRequests + f.counts.serverError + f.counts.dropConnection + f.counts.slow).toBeGreaterThan(150);
    expect(f.counts.floodErrors).toBe(0);
    // Retained memory after the last round is within 5 MB of after the first.
    expect(heap[3]! - heap[0]!).toBeLessThan(5 * 1024 * 1024);
    // Network errors carry the request URL, with the token in it: the log must not.
    expect(logs.text()).toMatch(/will retry/);
    expect(logs.text()).not.toContain(TOKEN);
  }, 120_000);
});
