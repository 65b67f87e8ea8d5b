/**
 * A replica killed mid-run (issue 17): two compiled bots (`node dist/main.js`) with one DATABASE_URL
 * long-poll the fake Bot API; the one polling is killed with SIGKILL, and the other takes over and
 * answers what comes next. Every question is answered exactly once and no two replicas ever poll at
 * once. Skipped with the reason when no PostgreSQL answers, unless REQUIRE_POSTGRES=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../bench/fake-telegram.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';
import { BOUND_MS, spawnBot, until, type BotProcess } from './processes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const noPostgres = await postgresUnavailable();

describe.skipIf(noPostgres !== undefined)(
  `a replica killed mid-run${noPostgres ? ` (skipped: ${noPostgres})` : ''}`,
  { timeout: 3 * BOUND_MS },
  () => {
    it('is replaced by another replica, which answers every later question once', async () => {
      const fake = new FakeTelegram({ perChatIntervalMs: 50, groupPerMinute: 1000, globalPerSecond: 1000, timeScale: 1 });
      const apiRoot = await fake.start();
      const db = await throwawayDatabase();
      const procs: Array<BotProcess & { dir: string }> = [];
      const logs = () => procs.map((p, i) => `--- replica ${i}\n${p.log}`).join('\n');
      const startReplica = () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'replica-kill-'));
        const bot = spawnBot(dir, {
          TELEGRAM_API_ROOT: apiRoot,
          DATABASE_URL: db.url,
          ARTICLES_DIR: path.join(ROOT, 'test/fixtures/news'),
          INDEX_CACHE_DIR: path.join(dir, 'cache'),
        });
        procs.push(Object.assign(bot, { dir }));
        return bot;
      };
      const answered = (ids: number[]) => () => ids.every((id) => fake.delivered.some((d) => d.replyTo === id));
      try {
        const first = startReplica();
        await until('the first replica to poll', () => first.log.includes('took the polling lease'), logs);
        const second = startReplica();
        await until('the second replica to start', () => second.log.includes('"bot running"'), logs);
        const before = [1, 2, 3].map((i) => fake.userMessage(700 + i, 700 + i, 'How many homes lost electricity in the storm?'));
        await until('the answers before the kill', answered(before), logs);
        expect(second.log).not.toContain('took the polling lease');

        await first.kill();
        const after = [1, 2, 3].map((i) => fake.userMessage(710 + i, 710 + i, 'What happened to the tram?'));
        await until('the answers after the kill', answered(after), logs);
        expect(second.log).toContain('took the polling lease');

        const replies = fake.delivered.map((d) => d.replyTo);
        for (const id of [...before, ...after]) expect(replies.filter((r) => r === id)).toHaveLength(1);
        expect(fake.overlappingPolls).toBe(0);
      } finally {
        for (const p of procs) {
          await p.kill();
          rmSync(p.dir, { recursive: true, force: true });
        }
        await fake.stop();
        await db.drop();
      }
    });
  },
);
