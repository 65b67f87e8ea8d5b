import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPglite } from '../../src/state/pglite.js';
import { throwawayDatabase as createDatabase } from '../../bench/throwaway-database.js';

/**
 * The two stores for the contract tests. PostgreSQL: the server at TEST_DATABASE_URL (default the
 * local one), a throwaway database per call, dropped afterwards; when it cannot be reached the tests
 * are skipped with the reason, unless REQUIRE_POSTGRES=1 (CI), where that is a failure. Embedded: a
 * new PGlite folder, made from the shipped template.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Why the PostgreSQL tests cannot run, or undefined when they can. Throws when REQUIRE_POSTGRES=1 and they cannot. */
export async function postgresUnavailable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return undefined;
  } catch (err) {
    const reason = `no PostgreSQL at TEST_DATABASE_URL (${new URL(TEST_DATABASE_URL).host}): ${(err as Error).message || (err as NodeJS.ErrnoException).code}`;
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error(`REQUIRE_POSTGRES=1 but ${reason}`);
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A new empty database on the test server; `drop` removes it (and ends its connections). */
export function throwawayDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  return createDatabase(TEST_DATABASE_URL, 'news_bot_test');
}

/** A STATE_DIR holding a new, empty PGlite database (no tables yet); `remove` deletes it. */
export async function freshStateDir(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-bot-state-'));
  await createPglite(dir);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
