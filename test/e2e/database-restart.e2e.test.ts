/**
 * The database going away and coming back (issue 17, point 8): the compiled bot (`node dist/main.js`)
 * with SEARCH_BACKEND=postgres on a throwaway cluster of the test's own (never the shared one), long
 * polling a fake Bot API. While the server is stopped the bot keeps running and /healthz says the
 * database is unreachable (503); once it is started again the bot reconnects by itself, /healthz is
 * 200 with the database reachable, and the question asked during the outage is answered. Skipped
 * with the reason when initdb, pg_ctl or pg_basebackup are missing, unless REQUIRE_POSTGRES=1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../bench/fake-telegram.js';
import { clusterUnavailable, throwawayCluster } from '../../bench/throwaway-cluster.js';
import { BOUND_MS, cleanupsAfterEach, freePort, spawnBot, until } from './processes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const noCluster = clusterUnavailable();
if (noCluster && process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${noCluster}`);

const cleanups = cleanupsAfterEach();

describe.skipIf(noCluster !== undefined)(
  `the database stopped and started again${noCluster ? ` (skipped: ${noCluster})` : ''}`,
  { timeout: 3 * BOUND_MS },
  () => {
    it('never stops the bot: /healthz tells the outage, and the bot reconnects and answers by itself', async () => {
      const cluster = await throwawayCluster();
      cleanups.push(() => cluster.remove());
      const fake = new FakeTelegram({ perChatIntervalMs: 20, groupPerMinute: 1000, globalPerSecond: 1000, timeScale: 1 });
      const apiRoot = await fake.start();
      cleanups.push(() => fake.stop());
      const home = mkdtempSync(path.join(os.tmpdir(), 'db-restart-'));
      cleanups.push(() => rmSync(home, { recursive: true, force: true }));
      const healthPort = await freePort();
      const bot = spawnBot(home, {
        TELEGRAM_API_ROOT: apiRoot,
        DATABASE_URL: cluster.url,
        SEARCH_BACKEND: 'postgres',
        ARTICLES_DIR: path.join(ROOT, 'test/fixtures/news'),
        INDEX_CACHE_DIR: path.join(home, 'cache'),
        HEALTH_PORT: String(healthPort),
      });
      cleanups.push(() => bot.kill());
      const logs = () => bot.log;
      let exitCode: number | null | undefined;
      void bot.exited.then((code) => (exitCode = code));
      const health = async () => {
        const r = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
        return {
          status: r.status,
          body: (await r.json()) as { ok: boolean; polling?: boolean; database?: { reachable: boolean; latencyMs: number } },
        };
      };
      const replyTo = (id: number) => fake.delivered.find((d) => d.replyTo === id)?.text;
      const question = 'How many homes lost electricity in the storm?';

      await until(
        'the bot to poll',
        async () => bot.log.includes('took the polling lease') && (await health().catch(() => undefined))?.body.polling === true,
        logs,
      );
      // Until, not at once: on a loaded machine a probe's first connection can take past its 2 s bound.
      let before: Awaited<ReturnType<typeof health>> | undefined;
      await until('/healthz to say the database answers', async () => (before = await health()).status === 200, logs);
      expect(before!.body.database).toEqual({ reachable: true, latencyMs: expect.any(Number) });
      const first = fake.userMessage(901, 901, question);
      await until('the first answer', () => replyTo(first) !== undefined, logs);
      expect(replyTo(first)).toContain('electricity');

      await cluster.stop();
      await until('/healthz to tell the outage', async () => (await health()).body.database?.reachable === false, logs);
      const during = await health();
      expect(during.status).toBe(503);
      expect(during.body.ok).toBe(false);
      const asked = fake.userMessage(901, 901, question);
      // Through the bot's retries (the lease, the folder checks every 2 s): still running a few seconds on.
      await new Promise((r) => setTimeout(r, 5_000));
      expect(exitCode).toBeUndefined();

      await cluster.start();
      await until('the question asked during the outage to be answered', () => replyTo(asked) !== undefined, logs);
      expect(replyTo(asked)).toContain('electricity');
      let after: Awaited<ReturnType<typeof health>> | undefined;
      await until('/healthz to say the database answers again', async () => (after = await health()).status === 200, logs);
      expect(after!.body).toMatchObject({ ok: true, database: { reachable: true } });
      expect(exitCode).toBeUndefined();
      expect(fake.delivered.filter((d) => d.replyTo === asked)).toHaveLength(1);
    });
  },
);
