import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { openState } from '../../src/state/open.js';
import { openPostgres } from '../../src/state/postgres.js';
import { postgresUnavailable, throwawayDatabase } from './stores.js';
import pg from 'pg';
import { MIGRATIONS } from '../../src/state/migrations.js';

const noPostgres = await postgresUnavailable();

describe('PostgreSQL store (DATABASE_URL)', { timeout: 60_000 }, () => {
  it.skipIf(noPostgres !== undefined)(
    `sets up the tables once when several processes of the bot start at the same moment${noPostgres ? ` (skipped: ${noPostgres})` : ''}`,
    async () => {
      const db = await throwawayDatabase();
      try {
        const states = await Promise.all(Array.from({ length: 4 }, () => openState({ dir: 'unused', databaseUrl: db.url })));
        // Each sees the others' writes: one database.
        await states[0]!.setBlocked(1, true, new Date());
        for (const s of states) expect(await s.isBlocked(1)).toBe(true);
        const keys = await Promise.all(states.map((s) => s.key('ids')));
        for (const k of keys) expect(k).toEqual(keys[0]);
        await Promise.all(states.map((s) => s.close()));
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        const applied = await c.query('select version from schema_migrations order by version');
        await c.end();
        expect(applied.rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
      } finally {
        await db.drop();
      }
    },
  );

  it.skipIf(noPostgres !== undefined)("runs a named (prepared) statement with each call's parameters, on every connection of the pool", async () => {
    const db = await throwawayDatabase();
    const sql = await openPostgres(db.url);
    try {
      const ask = (n: number) => sql.query<{ n: number }>('select $1::int * 2 as n', [n], { name: 'double' });
      // Several at once: the pool spreads them over its connections, each preparing the statement once.
      const results = await Promise.all([1, 2, 3, 4, 5, 6].map(ask));
      expect(results.map((r) => r.rows[0]!.n)).toEqual([2, 4, 6, 8, 10, 12]);
      expect((await ask(21)).rows[0]!.n).toBe(42);
    } finally {
      await sql.close();
      await db.drop();
    }
  });

  it('says in one line, without the password, that DATABASE_URL cannot be reached', async () => {
    const err = await openState({ dir: 'unused', databaseUrl: 'postgres://bot:s3cret-pass@127.0.0.1:1/news' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserFacingError);
    expect((err as Error).message).toMatch(/^DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1: .*ECONNREFUSED/);
    expect((err as Error).message).not.toContain('s3cret-pass');
  });
});
