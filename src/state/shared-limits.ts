import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { SharedCounter } from './coordination.js';

/**
 * A fixed-window limit counted in PostgreSQL (rate-limiter-flexible's RateLimiterPostgres, in the
 * `rate_limits` table migration 3 makes), so every replica sees the same counts. While the database
 * does not answer, each replica counts in its own memory (the library's insurance limiter): readers
 * are then limited per replica, never refused for the outage alone.
 */
export function sharedCounter(pool: pg.Pool, name: string, limit: number, windowSeconds: number): SharedCounter {
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    // coordination.ts prunes finished windows with the rest.
    clearExpiredByTimeout: false,
    keyPrefix: name,
    points: limit,
    duration: windowSeconds,
    insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points: limit, duration: windowSeconds }),
  });
  return {
    hit: (key) =>
      limiter.consume(key).then(
        () => true,
        (rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return false;
          throw rejection;
        },
      ),
  };
}
