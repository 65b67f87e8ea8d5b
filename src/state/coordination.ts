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
  /**
   * True the first time any replica claims `updateId`, or when the replica that claimed it died
   * before finishing it (`finishUpdate`); false for a repeat. Rejects when the database cannot be reached.
   */
  claimUpdate(updateId: number, chatId?: number): Promise<boolean>;
  /** Marks a claimed update finished (its replies are out, each recorded with `recordSend`). */
  finishUpdate(updateId: number): Promise<void>;
  /** Records a message to `chatId` for claimed update `updateId`, answered by Telegram `agoMs` ago: from now on it is never handled again. */
  recordSend(updateId: number, chatId: number, agoMs: number): Promise<void>;
  /** Whether the claimed update `updateId` is finished (`finishUpdate`), or replied to by a replica since gone. */
  updateFinished(updateId: number): Promise<boolean>;
  /** Whether an earlier update of `chatId` is claimed and not finished yet (claimed within `staleMs`). */
  earlierOpen(chatId: number, updateId: number, staleMs: number): Promise<boolean>;
  /** How long ago each message to `chatId` in the last minute was answered, by any replica. */
  recentSends(chatId: number): Promise<number[]>;
  /** Reserves the bot's next send slot, `spacingMs` after the one before; resolves with how long to wait for it. */
  sendSlot(spacingMs: number): Promise<number>;
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

/** Now in epoch milliseconds by the database's clock, so replicas on hosts whose clocks differ agree. */
const DB_MS = 'extract(epoch from clock_timestamp()) * 1000';

/**
 * The owner of claim row `c` is gone: its presence lock is not held. After a database restart every
 * lock is gone at once, so for 10 s after the server started nobody counts as gone: the live
 * replicas take their locks again by then.
 */
const OWNER_GONE = (c: string) => `(${c}.owner is not null and pg_postmaster_start_time() < now() - interval '10 seconds'
  and not exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted and l.objsubid = 1
                  and ((l.classid::bigint << 32) | l.objid::bigint) = ${c}.owner))`;

export class SqlCoordination implements Coordination {
  readonly replica = randomUUID();
  /** This process's presence key: held as an advisory lock while it lives, named as the owner of its claims. */
  private readonly ownerKey = 2 ** 40 + Math.floor(Math.random() * 2 ** 50);
  private presence: Lease | undefined;

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

  async claimUpdate(updateId: number, chatId?: number): Promise<boolean> {
    await this.bePresent();
    // A claim whose owner is gone (killed, crashed) before it replied is taken over: the delivery in
    // hand is the one that will be answered.
    const r = await this.db.query(
      `insert into update_claims as c (update_id, chat_id, owner) values ($1, $2, $3)
       on conflict (update_id) do update set owner = excluded.owner, at = now()
       where c.done_at is null and c.replied_at is null and c.owner <> excluded.owner and ${OWNER_GONE('c')}`,
      [updateId, chatId ?? null, this.ownerKey],
    );
    return r.count === 1;
  }

  /**
   * Holds this process's presence lock before it claims anything, so no other replica takes its
   * claims for a dead one's. Lost with its connection (a database restart): taken again at the next claim.
   */
  private async bePresent(): Promise<void> {
    const lease = (this.presence ??= this.makers.lease(this.ownerKey));
    if (lease.isHeld) return;
    this.presenceTaking ??= lease.acquire(AbortSignal.timeout(5000)).finally(() => (this.presenceTaking = undefined));
    if (!(await this.presenceTaking)) throw new Error('could not take the presence lock');
    // Lost with its connection (a database restart): taken again at once, not only at the next claim.
    const again = () => {
      if (!this.closing) this.bePresent().catch(() => setTimeout(again, 1000).unref());
    };
    lease.onLost(again);
  }

  private presenceTaking: Promise<boolean> | undefined;

  async recordSend(updateId: number, chatId: number, agoMs: number): Promise<void> {
    await this.db.query(
      `with replied as (update update_claims set replied_at = coalesce(replied_at, now()) where update_id = $1)
       insert into chat_sends as c (chat_id, sent) values ($2, array[${DB_MS} - $3::float8])
       on conflict (chat_id) do update set at = now(),
         sent = (select coalesce(array_agg(x order by x), '{}') from unnest(c.sent || excluded.sent) x where x > ${DB_MS} - 60000)`,
      [updateId, chatId, agoMs],
    );
  }

  async finishUpdate(updateId: number): Promise<void> {
    await this.db.query('update update_claims set done_at = now() where update_id = $1', [updateId]);
  }

  async updateFinished(updateId: number): Promise<boolean> {
    const r = await this.db.query(
      `select 1 from update_claims c where update_id = $1 and (done_at is not null or (replied_at is not null and ${OWNER_GONE('c')}))`,
      [updateId],
    );
    return r.rows.length > 0;
  }

  async earlierOpen(chatId: number, updateId: number, staleMs: number): Promise<boolean> {
    // An update replied to by a replica since gone holds up nobody: nothing more of it will come.
    const r = await this.db.query(
      `select 1 from update_claims c where chat_id = $1 and update_id < $2 and done_at is null
       and at > now() - $3 * interval '1 millisecond' and not (replied_at is not null and ${OWNER_GONE('c')}) limit 1`,
      [chatId, updateId, staleMs],
    );
    return r.rows.length > 0;
  }

  async recentSends(chatId: number): Promise<number[]> {
    const r = await this.db.query<{ ago: number }>(
      `select ${DB_MS} - x as ago from chat_sends, unnest(sent) x where chat_id = $1 and x > ${DB_MS} - 60000`,
      [chatId],
    );
    return r.rows.map((row) => Math.max(0, Number(row.ago)));
  }

  async sendSlot(spacingMs: number): Promise<number> {
    // A virtual schedule (GCRA): each send takes the slot after the last one reserved, or now.
    const r = await this.db.query<{ wait: number }>(
      `insert into send_slots as s (key, tat) values ('bot', ${DB_MS} + $1)
       on conflict (key) do update set tat = greatest(s.tat, ${DB_MS}) + $1
       returning tat - $1 - ${DB_MS} as wait`,
      [spacingMs],
    );
    return Math.max(0, Number(r.rows[0]?.wait ?? 0));
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
      limits:
        (await this.db.query('delete from rate_limits where expire < $1', [now.getTime()])).count +
        (await this.db.query('delete from chat_sends where at < $1', [before(120_000)])).count,
    };
  }

  private closing: Promise<void> | undefined;

  close(): Promise<void> {
    return (this.closing ??= (async () => {
      await this.presence?.release();
      await this.db.close();
    })());
  }
}
