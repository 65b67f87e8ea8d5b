import pg from 'pg';

/** What /healthz says of a database: whether a trivial query came back, and how long it took. */
export interface DatabaseHealth {
  reachable: boolean;
  latencyMs: number;
}

/** A health check waits this long for an answer: a load balancer's probe must not hang on a dead server. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Asks a database `select 1` for /healthz. Its own one-connection pool, apart from the bot's pools:
 * a burst of questions never delays the probe, and a probe after an outage makes a new connection, so
 * it tells whether the server takes connections now, not whether an old socket survived.
 */
export class DatabaseProbe {
  private readonly pool: pg.Pool;
  private running: Promise<DatabaseHealth> | undefined;

  constructor(url: string, timeoutMs = PROBE_TIMEOUT_MS) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: 1,
      connectionTimeoutMillis: timeoutMs,
      query_timeout: timeoutMs,
      idleTimeoutMillis: 30_000,
    });
    // The server going away under an idle probe connection is what the next check reports, not a crash.
    this.pool.on('error', () => undefined);
  }

  /** One check at a time: health requests arriving meanwhile share it. */
  check(): Promise<DatabaseHealth> {
    return (this.running ??= this.probe().finally(() => (this.running = undefined)));
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async probe(): Promise<DatabaseHealth> {
    const started = performance.now();
    const latency = () => Math.round((performance.now() - started) * 10) / 10;
    try {
      await this.pool.query('select 1');
      return { reachable: true, latencyMs: latency() };
    } catch {
      return { reachable: false, latencyMs: latency() };
    }
  }
}

/** What /healthz adds for the databases; `healthy: false` makes it answer 503. */
export interface HealthExtra {
  healthy: boolean;
  report: Record<string, unknown>;
}

/**
 * The databases /healthz reports, from the settings: DATABASE_URL as `database` (and
 * DATABASE_READ_URL as `readDatabase`). Either unreachable makes the bot unhealthy: without the
 * primary no update can be claimed (a webhook answers 503) and the polling lease is gone; without the
 * read replica no question can be answered.
 */
export function databaseHealth(settings: {
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
}): { check(): Promise<HealthExtra>; close(): Promise<void> } | undefined {
  if (settings.databaseUrl === undefined) return undefined;
  const primary = new DatabaseProbe(settings.databaseUrl);
  const reads = settings.databaseReadUrl === undefined ? undefined : new DatabaseProbe(settings.databaseReadUrl);
  return {
    async check() {
      const [database, readDatabase] = await Promise.all([primary.check(), reads?.check()]);
      return {
        healthy: database.reachable && (readDatabase?.reachable ?? true),
        report: { database, ...(readDatabase ? { readDatabase } : {}) },
      };
    },
    async close() {
      await Promise.all([primary.close(), reads?.close()]);
    },
  };
}
