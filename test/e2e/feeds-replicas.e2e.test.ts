/**
 * Feeds with replicas, end to end (issue 17, points 2 and 5): two compiled bots (`node dist/main.js`)
 * with SEARCH_BACKEND=postgres, one throwaway database, FEEDS on a local feed server and their own
 * copies of the articles folder. The feed is fetched once (by the replica holding the feeds lease),
 * nothing is written into either folder, and both replicas list the new item. Skipped with the
 * reason when no PostgreSQL answers, unless REQUIRE_POSTGRES=1.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../bench/fake-telegram.js';
import { startFeedServer } from '../feeds/server.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';
import { BOUND_MS, type BotProcess, cleanupsAfterEach, freePort, spawnBot, until } from './processes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const noPostgres = await postgresUnavailable();

const cleanups = cleanupsAfterEach();

describe.skipIf(noPostgres !== undefined)(
  `feeds with two replicas${noPostgres ? ` (skipped: ${noPostgres})` : ''}`,
  { timeout: 3 * BOUND_MS },
  () => {
    it('are fetched by one replica into the database, both list the new items and answer from them', async () => {
      const fake = new FakeTelegram({ perChatIntervalMs: 20, groupPerMinute: 1000, globalPerSecond: 1000, timeScale: 1 });
      const apiRoot = await fake.start();
      cleanups.push(() => fake.stop());
      const feeds = await startFeedServer();
      cleanups.push(() => feeds.close());
      const db = await throwawayDatabase();
      cleanups.push(() => db.drop());
      const replicas: Array<BotProcess & { articlesDir: string }> = [];
      const logs = () => replicas.map((r, i) => `--- replica ${i}\n${r.log}`).join('\n');
      const ports = [await freePort(), await freePort()];
      for (let i = 0; i < 2; i++) {
        const home = mkdtempSync(path.join(os.tmpdir(), 'feeds-replica-'));
        cleanups.push(() => rmSync(home, { recursive: true, force: true }));
        const articlesDir = path.join(home, 'articles');
        cpSync(path.join(ROOT, 'test/fixtures/news'), articlesDir, { recursive: true });
        const bot = spawnBot(home, {
          TELEGRAM_API_ROOT: apiRoot,
          DATABASE_URL: db.url,
          SEARCH_BACKEND: 'postgres',
          ARTICLES_DIR: articlesDir,
          INDEX_CACHE_DIR: path.join(home, 'cache'),
          FEEDS: `${feeds.base}/rss-full.xml`,
          FEED_INTERVAL: '60',
          FEEDS_ALLOW_PRIVATE_ADDRESSES: 'on',
          HEALTH_PORT: String(ports[i]),
        });
        cleanups.push(() => bot.kill());
        const entry = Object.assign(bot, { articlesDir });
        replicas.push(entry);
      }
      await until('both replicas to run', () => replicas.every((r) => r.log.includes('"bot running"')), logs);

      // Each replica's own list (for /latest, /sources and /healthz) has the two items within seconds.
      const articles = async (port: number) => ((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { articles: number }).articles;
      const counts = async () => Promise.all(ports.map((p) => articles(p).catch(() => -1)));
      const end = Date.now() + BOUND_MS;
      while ((await counts()).some((n) => n !== 6)) {
        if (Date.now() > end) throw new Error(`the replicas did not list the items: ${JSON.stringify(await counts())}\n${logs()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      // Answered from the database, whichever replica polls.
      const asked = fake.userMessage(701, 701, 'How long will the harbour bridge close for repairs?');
      await until('the answer', () => fake.delivered.some((d) => d.replyTo === asked), logs);
      expect(fake.delivered.find((d) => d.replyTo === asked)!.text).toContain('six weeks');

      expect(feeds.requests.filter((r) => r.path === '/rss-full.xml')).toHaveLength(1);
      expect(replicas.filter((r) => r.log.includes('took the feeds lease'))).toHaveLength(1);
      for (const r of replicas) expect(existsSync(path.join(r.articlesDir, 'feeds'))).toBe(false);
    });
  },
);
