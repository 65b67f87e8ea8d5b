/**
 * DATABASE_READ_URL (issue 17, point 7): with a streaming replica of the primary (`pg_basebackup -R`,
 * on a throwaway cluster of the test's own, never the shared one), the articles are written to the
 * primary and questions are answered from the replica: they still are once the primary is stopped.
 * Skipped with the reason when initdb, pg_ctl or pg_basebackup are missing, unless REQUIRE_POSTGRES=1.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { clusterUnavailable, throwawayCluster } from '../../bench/throwaway-cluster.js';
import { LiveIndex } from '../../src/app/live-index.js';
import { PostgresLiveSearch } from '../../src/app/postgres-search.js';
import { captureLog, testConfig } from '../e2e/harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const noCluster = clusterUnavailable();
if (noCluster && process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${noCluster}`);
/** Safety bound only. */
const BOUND_MS = 30_000;

async function one<T>(url: string, sql: string): Promise<T | undefined> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows[0] as T | undefined;
  } finally {
    await c.end();
  }
}

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.skipIf(noCluster !== undefined)(`DATABASE_READ_URL${noCluster ? ` (skipped: ${noCluster})` : ''}`, { timeout: 3 * BOUND_MS }, () => {
  it('answers questions from the streaming replica, even with the primary stopped', async () => {
    const primary = await throwawayCluster();
    cleanups.push(() => primary.remove());
    const replica = await primary.replica();
    expect(await one<{ standby: boolean }>(replica.url, 'select pg_is_in_recovery() as standby')).toEqual({ standby: true });
    const articlesDir = mkdtempSync(path.join(os.tmpdir(), 'read-replica-articles-'));
    cleanups.push(() => rmSync(articlesDir, { recursive: true, force: true }));
    cpSync(path.join(ROOT, 'test/fixtures/news'), articlesDir, { recursive: true });

    const config = testConfig({
      articlesDir,
      searchBackend: 'postgres',
      state: { dir: '.state', databaseUrl: primary.url },
      databaseReadUrl: replica.url,
    });
    const search = await PostgresLiveSearch.open(config, captureLog().log, {});
    cleanups.push(() => search.close());
    // The replica has replayed the ingest once it reports the primary's article count.
    const articles = (url: string) => one<{ articles: string }>(url, 'select articles from search_stats').then((r) => Number(r?.articles));
    const stored = await articles(primary.url);
    expect(stored).toBeGreaterThan(0);
    const end = Date.now() + BOUND_MS;
    while ((await articles(replica.url).catch(() => -1)) !== stored) {
      if (Date.now() > end) throw new Error('the replica did not catch up');
      await new Promise((r) => setTimeout(r, 50));
    }
    await primary.stop();

    const question = 'How many homes lost electricity in the storm?';
    const embedded = await LiveIndex.open({ articlesDir, log: captureLog().log });
    const expected = embedded.ask(question);
    await embedded.close();
    const answer = await search.ask(question);
    expect(answer.passages.map((p) => p.text)).toEqual(expected.passages.map((p) => p.text));
    expect(answer.passages[0]!.text).toContain('electricity');
  });
});
