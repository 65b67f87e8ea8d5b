/**
 * Feeds in the scaled mode (issue 17, points 2 and 5): with SEARCH_BACKEND=postgres, two replicas
 * (two PostgresLiveSearch over one throwaway database, each with its own copy of the articles
 * folder) run the feed schedule under the feeds lease. One fetches; the items go into the database,
 * not into a folder; the other replica answers from them and lists them within seconds; when the
 * fetching one stops, the other takes over and carries on from the shared state (a conditional
 * request, not a fresh fetch). Skipped with the reason when no PostgreSQL answers, unless REQUIRE_POSTGRES=1.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PostgresLiveSearch } from '../../src/app/postgres-search.js';
import { feedsWhileHolding } from '../../src/feeds/leased.js';
import { startFeedSchedule } from '../../src/feeds/schedule.js';
import { openCoordination } from '../../src/state/open.js';
import { captureLog, testConfig } from '../e2e/harness.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';
import { startFeedServer } from './server.js';
import { cleanupsAfterEach, until } from '../e2e/processes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const noPostgres = await postgresUnavailable();
/** Safety bound only. */
const BOUND_MS = 30_000;

const cleanups = cleanupsAfterEach();

describe.skipIf(noPostgres !== undefined)(
  `feeds with several replicas${noPostgres ? ` (skipped: ${noPostgres})` : ''}`,
  { timeout: 3 * BOUND_MS },
  () => {
    it('are fetched by one replica into the database, answered by the others, and taken over when it stops', async () => {
      const db = await throwawayDatabase();
      cleanups.push(() => db.drop());
      const server = await startFeedServer();
      cleanups.push(() => server.close());
      const { log } = captureLog();

      const replica = async () => {
        const articlesDir = mkdtempSync(path.join(os.tmpdir(), 'scaled-feeds-'));
        cleanups.push(() => rmSync(articlesDir, { recursive: true, force: true }));
        cpSync(path.join(ROOT, 'test/fixtures/news'), articlesDir, { recursive: true });
        const coordination = await openCoordination(db.url, { retryMs: 200 });
        cleanups.push(() => coordination.close());
        const config = testConfig({ articlesDir, searchBackend: 'postgres', state: { dir: '.state', databaseUrl: db.url } });
        const search = await PostgresLiveSearch.open(config, log, {});
        cleanups.push(() => search.close());
        cleanups.push(search.watch());
        const lease = coordination.lease('feeds');
        const stop = feedsWhileHolding(
          lease,
          () =>
            startFeedSchedule({
              feeds: [`${server.base}/rss-full.xml`],
              articlesDir,
              stateFile: path.join(articlesDir, 'unused-feeds.json'),
              log,
              intervalMinutes: 60,
              fullTextMinWords: 40,
              allowPrivateAddresses: true,
              sink: search.feedSink(),
              onRun: async () => void (await search.reload()),
            }),
          log,
        );
        cleanups.push(stop);
        return { articlesDir, search, lease, stop };
      };
      const replicas = [await replica(), await replica()];
      const fetches = () => server.requests.filter((r) => r.path === '/rss-full.xml');
      const title = 'Harbour bridge to close for six weeks of repairs';

      await until('the feed item on both replicas', () => replicas.every((r) => r.search.articles().some((a) => a.title === title)));
      const [holder, other] = replicas[0]!.lease.isHeld ? [replicas[0]!, replicas[1]!] : [replicas[1]!, replicas[0]!];
      expect(holder.lease.isHeld).toBe(true);
      expect(other.lease.isHeld).toBe(false);
      expect(fetches()).toHaveLength(1);
      for (const r of replicas) expect(existsSync(path.join(r.articlesDir, 'feeds'))).toBe(false);
      const answer = await other.search.ask('How long will the harbour bridge close for repairs?');
      expect(answer.passages[0]?.text).toContain('six weeks');
      // A check of the other replica's own folder does not take the item for a deleted file.
      await other.search.reload();
      expect(other.search.articles().some((a) => a.title === title)).toBe(true);

      await holder.stop();
      await until('the other replica to fetch', () => fetches().length === 2);
      expect(other.lease.isHeld).toBe(true);
      // It carried on from the state the first one left in the database: a conditional request, answered 304.
      expect(fetches()[1]).toMatchObject({ status: 304, headers: { 'if-none-match': '"full-v1"' } });
    });
  },
);
