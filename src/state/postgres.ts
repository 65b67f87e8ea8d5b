import pg from 'pg';
import type { Queryable, Rows, SqlDb } from './sql.js';

/** Any number; the same in every process of the bot, so their migrations take turns. */
const MIGRATION_LOCK = 7_318_042_018;

type Client = pg.Pool | pg.PoolClient;

function queryable(c: Client): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = [], options: { name?: string } = {}): Promise<Rows<T>> {
      const r = options.name ? await c.query({ name: options.name, text: sql, values: params }) : await c.query(sql, params);
      return { rows: r.rows as T[], count: r.rowCount ?? 0 };
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  };
}

async function inTransaction<T>(client: pg.PoolClient, fn: (q: Queryable) => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const out = await fn(queryable(client));
    await client.query('commit');
    return out;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}

/** A session-bound SqlDb on one pooled client (for `exclusive`). */
function onClient(client: pg.PoolClient): SqlDb {
  return {
    ...queryable(client),
    transaction: (fn) => inTransaction(client, fn),
    exclusive: (fn) => fn(onClient(client)),
    close: async () => undefined,
  };
}

/**
 * A client out of the pool. Its connection ending between two of our queries (a database restart)
 * is an 'error' event with no query to reject, which would crash the process: the next query fails instead.
 */
async function checkOut(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  if (client.listenerCount('error') === 0) client.on('error', () => undefined);
  return client;
}

/** PostgreSQL through a small `pg` pool. Connects once before returning, so a bad DATABASE_URL fails at start. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<SqlDb & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, connectionTimeoutMillis: 10_000 });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // Nor one checked out between two queries (a transaction's work, an ingest under its lock): the pool
  // listens only to idle clients. The next query on it fails, and the pool drops it when released.
  pool.on('connect', (client) => client.on('error', () => undefined));
  try {
    (await pool.connect()).release();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return {
    pool,
    ...queryable(pool),
    async transaction(fn) {
      const client = await checkOut(pool);
      try {
        return await inTransaction(client, fn);
      } finally {
        client.release();
      }
    },
    async exclusive(fn) {
      const client = await checkOut(pool);
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          return await fn(onClient(client));
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
