import path from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { Queryable, Rows, SqlDb } from './sql.js';

/**
 * PGlite's default shared_buffers (128 MB) is memory the bot would hold for a few small tables:
 * 2 MB brings an open store from about 300 MB to about 150 MB of RSS (docs/state.md).
 */
const SMALL = ['shared_buffers=2MB'];

function queryable(c: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<Rows<T>> {
      const r = await c.query<T>(sql, params);
      return { rows: r.rows, count: r.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await c.exec(sql);
    },
  };
}

/** PGlite (PostgreSQL in WebAssembly) with its data in `dir`/pgdata; imported only when used. */
export async function openPglite(dir: string): Promise<SqlDb> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(path.join(dir, 'pgdata'), { postgresqlconf: SMALL, initDbStartParams: ['--set', ...SMALL] });
  const self: SqlDb = {
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    // One process owns the folder (dir-lock.ts), so nothing else can run at the same time.
    exclusive: (fn) => fn(self),
    close: () => db.close(),
  };
  return self;
}
