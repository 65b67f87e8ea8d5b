/**
 * A connection that ends while the bot holds it between two queries (issue 17, point 8: the database
 * restarting, or an administrator ending sessions): the work in hand fails and is retried later, the
 * process does not crash, and the next query gets a new connection. Skipped with the reason when no
 * PostgreSQL answers, unless REQUIRE_POSTGRES=1.
 */
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/state/postgres.js';
import { postgresUnavailable, throwawayDatabase } from './stores.js';

const unavailable = await postgresUnavailable();
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe.skipIf(unavailable !== undefined)(`a pooled connection ended between two queries${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('fails the transaction it was in, and the pool answers the next query on a new connection', async () => {
    const { url, drop } = await throwawayDatabase();
    cleanups.push(drop);
    const db = await openPostgres(url);
    cleanups.push(() => db.close());
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    cleanups.push(() => admin.end());
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    cleanups.push(() => process.off('uncaughtException', onUncaught));

    const outcome = await db
      .transaction(async (q) => {
        const pid = (await q.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
        // The server ends this session while no query of it is running (as a fast shutdown does).
        await admin.query('select pg_terminate_backend($1)', [pid]);
        for (let i = 0; i < 100; i++) {
          const left = await admin.query('select 1 from pg_stat_activity where pid = $1', [pid]);
          if (left.rows.length === 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        // Let the server's last message reach the client before the next query.
        await new Promise((r) => setTimeout(r, 100));
        await q.query('select 1');
      })
      .then(
        () => 'committed',
        () => 'failed',
      );
    expect(outcome).toBe('failed');
    expect(uncaught).toEqual([]);
    expect((await db.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });
});
