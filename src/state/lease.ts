import pg from 'pg';

/**
 * A lease only one process holds at a time: a PostgreSQL session-level advisory lock on a connection
 * of its own. Used so that exactly one replica long-polls Telegram (two would get 409 Conflict).
 *
 * Written here rather than taken from pg-boss or graphile-worker: those are job queues, and what is
 * needed is one lock whose life is a connection's; a queue would add a schema and a worker loop for it.
 *
 * The server frees the lock the moment the holder's connection ends: a killed process (the kernel
 * closes its socket), a crash, a database restart. Two session settings bound the cases where the
 * socket stays open: `idle_session_timeout` ends a session whose holder stopped its heartbeat (a
 * frozen process), and TCP keepalives a vanished host. A holder that loses its connection is told
 * (`lost`) and must stop acting as the holder; it may then try again like any other.
 */
export interface LeaseOptions {
  /** Between tries while another process holds the lease (default 2 s). */
  retryMs?: number;
  /** Between checks that the holder's connection is alive (default 3 s). */
  heartbeatMs?: number;
  /** The server ends a holder's session silent this long (default 10 s; must exceed `heartbeatMs`). */
  idleTimeoutMs?: number;
  /** Told of connection problems while trying (they are retried). */
  onError?: (err: Error) => void;
}

export class AdvisoryLease {
  private client: pg.Client | undefined;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private lostListeners: Array<() => void> = [];
  private held = false;
  private readonly retryMs: number;
  private readonly heartbeatMs: number;
  private readonly idleTimeoutMs: number;

  constructor(
    private readonly url: string,
    /** The lock's key: the same number in every process that competes for this lease. */
    private readonly key: number,
    private readonly options: LeaseOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 2000;
    this.heartbeatMs = options.heartbeatMs ?? 3000;
    this.idleTimeoutMs = options.idleTimeoutMs ?? 10_000;
  }

  get isHeld(): boolean {
    return this.held;
  }

  /** Resolves once this process holds the lease; false when `signal` aborted first. */
  async acquire(signal?: AbortSignal): Promise<boolean> {
    while (!signal?.aborted) {
      try {
        if (await this.tryOnce()) return true;
      } catch (err) {
        this.options.onError?.(err as Error);
        await this.drop();
      }
      await sleep(this.retryMs, signal);
    }
    return false;
  }

  /** Runs `fn` once when the lease, now held, is lost (its connection ended or stopped answering). */
  onLost(fn: () => void): void {
    this.lostListeners.push(fn);
  }

  /** Gives the lease up (and closes its connection); nothing happens when it is not held. */
  async release(): Promise<void> {
    const client = this.client;
    const held = this.held;
    this.held = false;
    this.lostListeners = [];
    if (held && client) await client.query('select pg_advisory_unlock($1)', [this.key]).catch(() => undefined);
    await this.drop();
  }

  private async tryOnce(): Promise<boolean> {
    if (!this.client) {
      const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000, keepAlive: true, keepAliveInitialDelayMillis: 5000 });
      // Errors on an idle connection are not thrown anywhere: they mean the lease is gone.
      client.on('error', () => this.lose(client));
      client.on('end', () => this.lose(client));
      this.client = client;
      await client.connect();
      await client.query(
        `select set_config('idle_session_timeout', $1, false), set_config('tcp_keepalives_idle', '5', false),
                set_config('tcp_keepalives_interval', '2', false), set_config('tcp_keepalives_count', '3', false)`,
        [`${this.idleTimeoutMs}ms`],
      );
    }
    const r = await this.client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [this.key]);
    if (!r.rows[0]?.ok) return false;
    this.held = true;
    this.heartbeat = setInterval(() => {
      const client = this.client;
      client?.query('select 1').catch(() => this.lose(client));
    }, this.heartbeatMs);
    this.heartbeat.unref();
    return true;
  }

  /** `client`'s connection failed: when it is the current one, the lease (if held) is gone. */
  private lose(client: pg.Client | undefined): void {
    if (client === undefined || client !== this.client) return;
    const wasHeld = this.held;
    this.held = false;
    void this.drop();
    if (!wasHeld) return;
    const listeners = this.lostListeners.splice(0);
    for (const fn of listeners) fn();
  }

  private async drop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    const client = this.client;
    this.client = undefined;
    client?.removeAllListeners('end');
    await client?.end().catch(() => undefined);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
