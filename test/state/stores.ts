import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPglite } from '../../src/state/pglite.js';

/**
 * The two stores for the contract tests. PostgreSQL: the server at TEST_DATABASE_URL (default the
 * local one), a throwaway database per call, dropped afterwards; when it cannot be reached the tests
 * are skipped with the reason, unless REQUIRE_POSTGRES=1 (CI), where that is a failure. Embedded: a
 * copy of one freshly created PGlite folder, since creating one takes seconds and ~700 MB.
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
export async function throwawayDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `news_bot_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Its version names the template: a PGlite upgrade gets a template of its own. */
const PGLITE_VERSION = (
  JSON.parse(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** A STATE_DIR holding a new, empty PGlite database (no tables yet); `remove` deletes it. */
export async function freshStateDir(): Promise<{ dir: string; remove(): void }> {
  const template = path.join(os.tmpdir(), `news-bot-pglite-template-${PGLITE_VERSION}`);
  if (!existsSync(template)) {
    const building = mkdtempSync(`${template}.tmp-`);
    await createPglite(building);
    try {
      renameSync(building, template);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another worker made it first
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-bot-state-'));
  cpSync(template, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
