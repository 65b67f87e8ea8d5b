import { randomUUID } from 'node:crypto';
import { migrate } from './migrations.js';
import type { SqlDb } from './sql.js';

/** A lease one process holds at a time (lease.ts): the one that long-polls. */
export interface Lease {
  readonly isHeld: boolean;
  /** Resolves true once held; false when `signal` aborted first. */
  acquire(signal?: AbortSignal): Promise<boolean>;
  /** Runs `fn` once when the held lease is lost. */
  onLost(fn: () => void): void;
  release(): Promise<void>;
}

/** Counts hits per key in fixed windows, shared by every replica (shared-limits.ts). */
export interface SharedCounter {
  /** Counts one hit for `key`; true while `key` is within its limit this window. */
  hit(key: string): Promise<boolean>;
}

/** What only a PostgreSQL connection can make: leases (advisory locks) and counters (rate-limiter-flexible). */
export interface Makers {
  lease(key: number): Lease;
  counter(name: string, limit: number, windowSeconds: number): SharedCounter;
}

/** Advisory lock keys: any numbers, the same in every process of the bot (migrations use another). */
export const LEASE_KEYS = { polling: 7_318_042_017, feeds: 7_318_042_031 } as const;

/**
 * What several bot processes sharing DATABASE_URL (replicas, issue 17) agree on through PostgreSQL:
 * which updates are taken, the answers behind the Next/Prev buttons, and the counters /stats sums.
 * The polling lease is lease.ts. Without DATABASE_URL there is none of this: one process keeps it all
 * in memory, as before.
 */
export interface Coordination {
  /** This process's id among the replicas (random per start). */
  readonly replica: string;
  /** True the first time any replica claims `updateId`; false for a repeat. Rejects when the database cannot be reached. */
  claimUpdate(updateId: number): Promise<boolean>;
  /** Keeps what a message's pager buttons need (overwriting an older one for the same message). */
  savePage(chatId: number, messageId: number, page: unknown): Promise<void>;
  /** What `savePage` kept for the message, or undefined (never kept, or past retention). */
  page(chatId: number, messageId: number): Promise<unknown>;
  /** Publishes this replica's counters (its totals since start). */
  reportCounters(counters: Readonly<Record<string, number>>): Promise<void>;
  /** The counters of every replica that reported within `liveMs`, summed, and how many replicas that is. */
  totalCounters(liveMs: number): Promise<{ replicas: number; totals: Record<string, number> }>;
  /** The lease named `name` (a new handle each call; only one process holds a name at a time). */
  lease(name: keyof typeof LEASE_KEYS): Lease;
  /** A limit of `limit` hits per key per window, counted across replicas (`name` keeps limits apart). */
  counter(name: string, limit: number, windowSeconds: number): SharedCounter;
  /** Deletes claims, pages and replica counters past their retention; returns how many rows of each. */
  prune(now?: Date): Promise<{ claims: number; pages: number; replicas: number; limits: number }>;
  close(): Promise<void>;
}

export interface Retention {
  /** Telegram keeps an undelivered update for 24 hours, so a claim must outlive that (default 2 days). */
  claimsMs: number;
  /** How long a message's Next/Prev buttons work on any replica (default 7 days). */
  pagesMs: number;
  /** Counters of a replica silent this long are dropped (default 1 day). */
  replicasMs: number;
}

export const DEFAULT_RETENTION: Retention = { claimsMs: 2 * 86_400_000, pagesMs: 7 * 86_400_000, replicasMs: 86_400_000 };

export class SqlCoordination implements Coordination {
  readonly replica = randomUUID();

  private constructor(
    private readonly db: SqlDb,
    private readonly retention: Retention,
    private readonly makers: Makers,
  ) {}

  /** Brings the schema up to date (safe beside other replicas doing the same), then serves from `db`. */
  static async open(db: SqlDb, makers: Makers, retention: Partial<Retention> = {}): Promise<SqlCoordination> {
    await migrate(db);
    return new SqlCoordination(db, { ...DEFAULT_RETENTION, ...retention }, makers);
  }

  lease(name: keyof typeof LEASE_KEYS): Lease {
    return this.makers.lease(LEASE_KEYS[name]);
  }

  counter(name: string, limit: number, windowSeconds: number): SharedCounter {
    return this.makers.counter(name, limit, windowSeconds);
  }

  async claimUpdate(updateId: number): Promise<boolean> {
    return (await this.db.query('insert into update_claims (update_id) values ($1) on conflict do nothing', [updateId])).count === 1;
  }

  async savePage(chatId: number, messageId: number, page: unknown): Promise<void> {
    await this.db.query(
      `insert into answer_pages (chat_id, message_id, answer) values ($1, $2, $3)
       on conflict (chat_id, message_id) do update set answer = excluded.answer, at = now()`,
      [chatId, messageId, JSON.stringify(page)],
    );
  }

  async page(chatId: number, messageId: number): Promise<unknown> {
    const r = await this.db.query<{ answer: unknown }>('select answer from answer_pages where chat_id = $1 and message_id = $2 and at > $3', [
      chatId,
      messageId,
      new Date(Date.now() - this.retention.pagesMs).toISOString(),
    ]);
    return r.rows[0]?.answer;
  }

  async reportCounters(counters: Readonly<Record<string, number>>): Promise<void> {
    await this.db.query(
      `insert into replica_counters (replica, counters) values ($1, $2)
       on conflict (replica) do update set counters = excluded.counters, at = now()`,
      [this.replica, JSON.stringify(counters)],
    );
  }

  async totalCounters(liveMs: number): Promise<{ replicas: number; totals: Record<string, number> }> {
    const r = await this.db.query<{ counters: Record<string, number> }>(
      "select counters from replica_counters where at > now() - $1 * interval '1 millisecond'",
      [liveMs],
    );
    const totals: Record<string, number> = {};
    for (const { counters } of r.rows) for (const [k, v] of Object.entries(counters)) if (typeof v === 'number') totals[k] = (totals[k] ?? 0) + v;
    return { replicas: r.rows.length, totals };
  }

  async prune(now = new Date()): Promise<{ claims: number; pages: number; replicas: number; limits: number }> {
    const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
    return {
      claims: (await this.db.query('delete from update_claims where at < $1', [before(this.retention.claimsMs)])).count,
      pages: (await this.db.query('delete from answer_pages where at < $1', [before(this.retention.pagesMs)])).count,
      replicas: (await this.db.query('delete from replica_counters where at < $1', [before(this.retention.replicasMs)])).count,
      // Finished windows of the readers' limits (rate-limiter-flexible keeps them until deleted).
      limits: (await this.db.query('delete from rate_limits where expire < $1', [now.getTime()])).count,
    };
  }

  private closing: Promise<void> | undefined;

  close(): Promise<void> {
    return (this.closing ??= this.db.close());
  }
}
