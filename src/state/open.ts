import path from 'node:path';
import { UserFacingError } from '../errors.js';
import { redact } from '../log.js';
import { urlPassword } from './url.js';
import { lockDir } from './dir-lock.js';
import { lazyState } from './lazy.js';
import { openPglite, pgliteExists } from './pglite.js';
import { SqlState } from './sql-state.js';
import type { State } from './types.js';
import { SqlCoordination, type Coordination } from './coordination.js';
import type { LeaseOptions } from './lease.js';

export interface StateSettings {
  /** STATE_DIR: the embedded store's folder. */
  dir: string;
  /** DATABASE_URL: PostgreSQL instead of the embedded store, shared by every process of the bot. */
  databaseUrl?: string | undefined;
}

/**
 * The store chosen by the settings: PostgreSQL with DATABASE_URL (connected and migrated here, so a
 * wrong URL stops the start with one line), else PGlite in STATE_DIR (the folder is claimed here;
 * the database is made at the first write and opened at first use: see lazy.ts). `onOpen` runs once the database is open (the
 * retention clean-up); `warn` is told when a new store has to be made the slow way. Problems an
 * operator can fix are UserFacingErrors.
 */
export async function openState(
  settings: StateSettings,
  options: { onOpen?: (state: State) => Promise<unknown>; warn?: (message: string) => void } = {},
): Promise<State> {
  const onOpen = async (state: State) => {
    await options.onOpen?.(state);
    return state;
  };
  if (settings.databaseUrl !== undefined) return onOpen(await openShared(settings.databaseUrl));
  const dir = path.resolve(settings.dir);
  const release = lockDir(dir);
  // Closing stops a store still being made, which the next start makes again.
  const making = new AbortController();
  const state = lazyState(
    async () => {
      let state: State;
      try {
        state = await SqlState.open(await openPglite(dir, { signal: making.signal, warn: options.warn }));
      } catch (err) {
        throw new UserFacingError(`STATE_DIR: cannot open the store in ${dir}: ${(err as Error).message}`);
      }
      return onOpen(state);
    },
    { exists: () => pgliteExists(dir), release },
  );
  return {
    ...state,
    close: () => {
      making.abort();
      return state.close();
    },
  };
}

function describe(url: string): { host: string; safe: (err: unknown) => string } {
  let host = 'the server';
  try {
    host = new URL(url).host || host;
  } catch {
    // config.ts has checked the URL; the message then says "the server"
  }
  return { host, safe: (err) => redact(String((err as Error)?.message ?? err), [urlPassword(url) ?? '']) };
}

/**
 * What replicas sharing DATABASE_URL coordinate through (coordination.ts): its own small pool beside
 * the State's, so a burst of claims never waits behind a slow store query, and the polling lease.
 */
export async function openCoordination(url: string, options: LeaseOptions = {}): Promise<Coordination> {
  const { host, safe } = describe(url);
  const { openPostgres } = await import('./postgres.js');
  const { AdvisoryLease } = await import('./lease.js');
  let db;
  try {
    db = await openPostgres(url);
  } catch (err) {
    throw new UserFacingError(`DATABASE_URL: cannot connect to PostgreSQL at ${host}: ${safe(err) || (err as NodeJS.ErrnoException).code}`);
  }
  try {
    const { sharedCounter } = await import('./shared-limits.js');
    const pool = db.pool;
    return await SqlCoordination.open(db, {
      lease: (key) => new AdvisoryLease(url, key, options),
      counter: (name, limit, windowSeconds) => sharedCounter(pool, name, limit, windowSeconds),
    });
  } catch (err) {
    await db.close().catch(() => undefined);
    throw new UserFacingError(`DATABASE_URL: could not prepare the tables at ${host}: ${safe(err)}`);
  }
}

async function openShared(url: string): Promise<State> {
  const { host, safe } = describe(url);
  let db;
  try {
    // Imported only here: the embedded store never loads the PostgreSQL client.
    db = await (await import('./postgres.js')).openPostgres(url);
  } catch (err) {
    throw new UserFacingError(`DATABASE_URL: cannot connect to PostgreSQL at ${host}: ${safe(err) || (err as NodeJS.ErrnoException).code}`);
  }
  try {
    return await SqlState.open(db);
  } catch (err) {
    throw new UserFacingError(`DATABASE_URL: could not prepare the tables at ${host}: ${safe(err)}`);
  }
}
