import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';
import { migrateSearch } from '../../src/search/postgres/schema.js';
import { ingestFolder } from '../../src/search/postgres/store.js';
import { openPostgres } from '../../src/state/postgres.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';

const ARTICLES = 'test/fixtures/news';
const unavailable = await postgresUnavailable();

let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'ask-postgres-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** The compiled `ask`, as a script runs it, with only the settings given. */
function ask(args: string[], stdin: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCli('dist/cli/ask.js', args, { stdin, cacheDir, env });
}

describe('npm run ask -- --backend postgres', () => {
  it('without DATABASE_URL: one "error:" line, exit 2', async () => {
    const r = await ask(['--backend', 'postgres', 'who won?'], '');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('error: --backend postgres needs DATABASE_URL (where npm run index -- --to-postgres stored the articles)\n');
  });

  it('a server that cannot be reached: one "error:" line without the password, exit 2', async () => {
    // Port 9 (discard) on loopback: nothing listens there.
    const r = await ask(['--backend', 'postgres', 'who won?'], '', { DATABASE_URL: 'postgres://bot:s3cret@127.0.0.1:9/news' });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^error: cannot use the database at DATABASE_URL: .*ECONNREFUSED.*\n$/);
    expect(r.stderr).not.toContain('s3cret');
  });

  it.skipIf(unavailable !== undefined)('asks DATABASE_READ_URL when it is set, not DATABASE_URL', async () => {
    const primary = await throwawayDatabase();
    const replica = await throwawayDatabase();
    try {
      // Two databases stand for a primary and its replica: only the "replica" holds the articles.
      for (const target of [primary, replica]) {
        const db = await openPostgres(target.url);
        await migrateSearch(db);
        if (target === replica) await ingestFolder(db, path.join(ROOT, ARTICLES));
        await db.close();
      }
      const question = ['How many homes lost electricity in the storm?'];
      const both = await ask(['--backend', 'postgres', ...question], '', {
        WORD_VECTORS: 'off',
        DATABASE_URL: primary.url,
        DATABASE_READ_URL: replica.url,
      });
      expect(both).toMatchObject({ code: 0, stderr: '' });
      expect(both.stdout).toContain('electricity');
      const primaryOnly = await ask(['--backend', 'postgres', ...question], '', { WORD_VECTORS: 'off', DATABASE_URL: primary.url });
      expect(primaryOnly.stdout).not.toContain('electricity');
    } finally {
      await Promise.all([primary.drop(), replica.drop()]);
    }
  });

  it.skipIf(unavailable !== undefined)('prints the same --json lines as the embedded index over the same folder', async () => {
    const { url, drop } = await throwawayDatabase();
    try {
      const db = await openPostgres(url);
      await migrateSearch(db);
      await ingestFolder(db, path.join(ROOT, ARTICLES));
      await db.close();
      const questions = [
        'Who won the election?',
        'what is the weather like on the moon?',
        'thanks',
        'How much did the tram line cost?',
        'electon results',
      ];
      const stdin = `${questions.join('\n')}\n`;
      const embedded = await ask(['--articles', ARTICLES, '--json'], stdin, { WORD_VECTORS: 'off' });
      const postgres = await ask(['--backend', 'postgres', '--json'], stdin, { WORD_VECTORS: 'off', DATABASE_URL: url });
      expect(postgres.code).toBe(0);
      expect(embedded.code).toBe(0);
      expect(postgres.stdout.split('\n')).toHaveLength(questions.length + 1);
      expect(postgres.stdout).toBe(embedded.stdout);
      expect(postgres.stdout).toContain('"answers":[{');
    } finally {
      await drop();
    }
  });
});
