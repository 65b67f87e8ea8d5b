import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../bench/fake-telegram.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import type { Config } from '../../src/config.js';
import type { Coordination } from '../../src/state/coordination.js';
import { openCoordination } from '../../src/state/open.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';
import { FAST_SEND, captureLog, deps, testConfig } from './harness.js';

/**
 * Several bot processes sharing DATABASE_URL behave as one bot (issue 17): the real bot, started
 * twice in this process, each with its own connections to one throwaway PostgreSQL database, both
 * talking to one fake Bot API. Skipped with the reason when no server answers, unless REQUIRE_POSTGRES=1.
 */
const noPostgres = await postgresUnavailable();
const SECRET = 'webhook-secret-for-tests-0123';
const LIMITS = { perChatIntervalMs: 20, groupPerMinute: 1000, globalPerSecond: 1000, timeScale: 1 };

let fake: FakeTelegram | undefined;
let db: Awaited<ReturnType<typeof throwawayDatabase>> | undefined;
const bots: RunningBot[] = [];
const shared: Coordination[] = [];
afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.stop()));
  for (const c of shared.splice(0)) await c.close();
  await fake?.stop();
  await db?.drop();
  fake = undefined;
  db = undefined;
});

async function replica(settings: Partial<Config>, coordination?: Coordination): Promise<RunningBot> {
  fake ??= new FakeTelegram(LIMITS);
  const apiRoot = (fake as unknown as { server?: unknown }).server ? apiRootOf : (apiRootOf = await fake.start());
  if (coordination === undefined) {
    db ??= await throwawayDatabase();
    coordination = await openCoordination(db.url, { retryMs: 50, heartbeatMs: 200 });
    shared.push(coordination);
  }
  const config = testConfig({ telegramApiRoot: apiRoot, ...settings });
  const bot = await startBot(deps(config, captureLog().log, { coordination }), { host: '127.0.0.1', send: { ...FAST_SEND, rates: LIMITS } });
  bots.push(bot);
  return bot;
}
let apiRootOf = '';

const webhook = { webhook: { url: 'https://bot.example.org', port: 0 as number, path: '/tg-hook', secret: SECRET } };
const post = (bot: RunningBot, body: unknown) =>
  fetch(`http://127.0.0.1:${bot.port}/tg-hook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(body),
  });

let nextUpdate = 1;
const message = (chatId: number, messageId: number, text: string) => ({
  update_id: nextUpdate++,
  message: {
    message_id: messageId,
    date: 0,
    chat: { id: chatId, type: 'private', first_name: 'A' },
    from: { id: chatId, is_bot: false, first_name: 'A' },
    text,
  },
});

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(noPostgres !== undefined)(
  `replicas sharing DATABASE_URL${noPostgres ? ` (skipped: ${noPostgres})` : ''}`,
  { timeout: 60_000 },
  () => {
    it('answers an update once when a load balancer hands it to two replicas, or Telegram retries it on another', async () => {
      const a = await replica(webhook);
      const b = await replica(webhook);
      const same = message(501, 11, 'who approved the budget?');
      const statuses = await Promise.all([post(a, same), post(b, same)].map((p) => p.then((r) => r.status)));
      expect(statuses).toEqual([200, 200]); // both accept it: Telegram must not send it again
      const retried = message(502, 12, 'when did the harbour bridge reopen?');
      expect((await post(a, retried)).status).toBe(200);
      expect((await post(b, retried)).status).toBe(200);
      await Promise.all(bots.map((bot) => bot.stop()));
      expect(fake!.delivered.map((d) => [d.chatId, d.replyTo])).toEqual(
        expect.arrayContaining([
          [501, 11],
          [502, 12],
        ]),
      );
      expect(fake!.delivered).toHaveLength(2);
    });

    it('answers 503 when the database cannot take the update, so Telegram delivers it again, and answers it then', async () => {
      let down = true;
      const flaky: Coordination = {
        replica: 'flaky',
        claimUpdate: async () => {
          if (down) throw new Error('connection refused');
          return true;
        },
        finishUpdate: async () => undefined,
        earlierOpen: async () => false,
        updateFinished: async () => false,
        recordSend: async () => undefined,
        recentSends: async () => [],
        sendSlot: async () => 0,
        savePage: async () => undefined,
        page: async () => undefined,
        reportCounters: async () => undefined,
        totalCounters: async () => ({ replicas: 0, totals: {} }),
        lease: () => {
          throw new Error('no lease in webhook mode');
        },
        counter: () => ({ hit: async () => true }),
        prune: async () => ({ claims: 0, pages: 0, replicas: 0, limits: 0 }),
        close: async () => undefined,
      };
      const a = await replica(webhook, flaky);
      const update = message(503, 21, 'who approved the budget?');
      expect((await post(a, update)).status).toBe(503);
      down = false;
      expect((await post(a, update)).status).toBe(200);
      await a.stop();
      expect(fake!.delivered.map((d) => d.replyTo)).toEqual([21]);
    });

    it('long-polls from one replica at a time; when it stops, another takes over and answers', async () => {
      const health = async (bot: RunningBot) =>
        ((await (await fetch(`http://127.0.0.1:${bot.port}/healthz`)).json()) as { polling: boolean }).polling;
      const a = await replica({ healthPort: 0 });
      const b = await replica({ healthPort: 0 });
      await until('one replica to poll', () => fake!.counts.calls > 4);
      const ids = [1, 2, 3].map((i) => fake!.userMessage(600 + i, 600 + i, 'who approved the budget?'));
      await until('three answers', () => fake!.delivered.length >= 3);
      expect(fake!.overlappingPolls).toBe(0); // Telegram would answer a second poller 409 Conflict
      const holders = [await health(a), await health(b)];
      expect(holders.filter(Boolean)).toHaveLength(1);
      const [holder, other] = holders[0] ? [a, b] : [b, a];
      await holder.stop();
      const later = fake!.userMessage(610, 610, 'when did the harbour bridge reopen?');
      await until('the answer after the handover', () => fake!.delivered.some((d) => d.replyTo === later));
      expect(await health(other)).toBe(true);
      expect(fake!.delivered.map((d) => d.replyTo).sort((x, y) => x! - y!)).toEqual([...ids, later]);
      expect(fake!.overlappingPolls).toBe(0);
    });

    it('turns the pages of an answer on whichever replica gets the button press', async () => {
      const a = await replica(webhook);
      const b = await replica(webhook);
      expect((await post(a, message(504, 31, 'When did the harbour bridge reopen?'))).status).toBe(200);
      await until('the answer', () => fake!.delivered.length === 1);
      const answer = fake!.delivered[0]!;
      expect(answer.text).toContain('reopened');
      await a.stop(); // the page is in the database before a's work is done
      // The press reaches b, and the answer message no longer quotes the question (it was deleted).
      const press = {
        update_id: nextUpdate++,
        callback_query: {
          id: 'press-1',
          from: { id: 504, is_bot: false, first_name: 'A' },
          chat_instance: '1',
          data: 'ans:1',
          message: { message_id: answer.messageId, date: 0, chat: { id: 504, type: 'private', first_name: 'A' }, from: fake!.bot, text: answer.text },
        },
      };
      expect((await post(b, press)).status).toBe(200);
      await until('the edit', () => fake!.edits.length === 1);
      expect(fake!.edits[0]).toMatchObject({ chatId: 504, messageId: answer.messageId });
      expect(fake!.edits[0]!.text).toContain('2/');
    });

    it("holds a reader's rate limit across replicas, and tells them to slow down once", async () => {
      const limited = { ...webhook, rateLimit: { perUser: 2, perChat: 100, windowSeconds: 60 } };
      const a = await replica(limited);
      const b = await replica(limited);
      for (const [i, bot] of [a, b, a, b].entries()) expect((await post(bot, message(505, 40 + i, 'who approved the budget?'))).status).toBe(200);
      await Promise.all(bots.map((bot) => bot.stop()));
      const replies = fake!.delivered.filter((d) => d.chatId === 505);
      expect(replies.filter((d) => /approved/.test(d.text))).toHaveLength(2);
      expect(replies.filter((d) => /faster than I can keep up/.test(d.text))).toHaveLength(1);
      expect(replies).toHaveLength(3);
    });

    it('shows the whole bot in /stats: the counts of every replica, summed', async () => {
      const a = await replica(webhook);
      const b = await replica(webhook);
      for (const [i, bot] of [a, a, b].entries()) expect((await post(bot, message(506, 50 + i, 'who approved the budget?'))).status).toBe(200);
      await a.stop(); // its counts stay in /stats for a minute after its last report
      expect((await post(b, message(1001, 60, '/stats'))).status).toBe(200);
      await until('the stats', () => fake!.delivered.some((d) => d.replyTo === 60));
      const stats = fake!.delivered.find((d) => d.replyTo === 60)!.text;
      expect(stats).toMatch(/^replicas: 2$/m);
      expect(stats).toMatch(/^questions: 3$/m);
      expect(stats).toMatch(/^answered: 3$/m);
    });
  },
);

describe("a chat's order with a ledger in the database", () => {
  it("keeps a chat's replies in the order of its messages when the first one's claim answers last", async () => {
    // The first claim is held until the second has been answered (or a moment passes): a database
    // answering out of order. Without one update at a time per chat, the second reply would be queued first.
    let releaseFirst: () => void = () => undefined;
    let firstAsked: () => void = () => undefined;
    const asked = new Promise<void>((resolve) => (firstAsked = resolve));
    const ledger = {
      claim: (id: number) =>
        new Promise<boolean>((resolve) => {
          if (id === 101) {
            releaseFirst = () => resolve(true);
            setTimeout(releaseFirst, 300);
            firstAsked();
          } else {
            resolve(true);
            setImmediate(releaseFirst); // after everything the second answer sets off
          }
        }),
    };
    fake = new FakeTelegram(LIMITS);
    const apiRoot = await fake.start();
    const config = testConfig({ telegramApiRoot: apiRoot, ...webhook });
    const bot = await startBot(deps(config, captureLog().log), { host: '127.0.0.1', send: { ...FAST_SEND, rates: LIMITS }, ledger });
    bots.push(bot);
    nextUpdate = 101;
    const first = post(bot, message(507, 71, 'who approved the budget?'));
    await asked;
    const second = post(bot, message(507, 72, 'when did the harbour bridge reopen?'));
    expect((await Promise.all([first, second])).map((r) => r.status)).toEqual([200, 200]);
    await bot.stop();
    expect(fake.delivered.map((d) => d.replyTo)).toEqual([71, 72]);
  });
});
