import type { SqlDb } from './sql.js';

/**
 * The schema, as numbered steps that run once each, in order, on start (both stores run the same
 * ones). Never edit a step that has shipped: add the next one.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      create table feedback (
        answer text not null,
        voter text not null,
        vote smallint not null check (vote in (-1, 1)),
        at timestamptz not null,
        primary key (answer, voter)
      );
      create index feedback_voter on feedback (voter);
      create table questions (
        id bigserial primary key,
        text text not null,
        language text,
        reason text not null check (reason in ('declined', 'disliked')),
        at timestamptz not null,
        asker_id bigint,
        chat_id bigint
      );
      create index questions_at on questions (at);
      create index questions_asker on questions (asker_id) where asker_id is not null;
      create table blocked_users (user_id bigint primary key, at timestamptz not null);
      create table keys (name text primary key, value bytea not null);
    `,
  },
  {
    // Subscriptions and channel posts (issue 18): what each chat follows, which articles the bot has
    // seen (so that only later ones count as new), and which it posted to each chat (never twice).
    version: 2,
    sql: `
      create table subscriptions (
        id bigserial primary key,
        chat_id bigint not null,
        words text not null,
        at timestamptz not null,
        unique (chat_id, words)
      );
      create table known_articles (key text primary key, at timestamptz not null);
      create table posted (chat_id bigint not null, key text not null, at timestamptz not null, primary key (chat_id, key));
    `,
  },
  {
    // Replicas sharing DATABASE_URL (issue 17; coordination.ts): the update ids taken, the answers
    // behind each message's Next/Prev buttons, each live replica's /stats counters, and the readers'
    // rate limits. The embedded
    // store has the tables too, unused: one schema for both.
    version: 3,
    sql: `
      create table update_claims (update_id bigint primary key, at timestamptz not null default now());
      create index update_claims_at on update_claims (at);
      create table answer_pages (
        chat_id bigint not null,
        message_id bigint not null,
        answer jsonb not null,
        at timestamptz not null default now(),
        primary key (chat_id, message_id)
      );
      create index answer_pages_at on answer_pages (at);
      create table replica_counters (replica text primary key, counters jsonb not null, at timestamptz not null default now());
      -- rate-limiter-flexible's own layout (RateLimiterPostgres): readers' limits shared by the replicas.
      create table rate_limits (key varchar(255) primary key, points integer not null default 0, expire bigint);
    `,
  },
  {
    // Replicas behind a webhook as one bot (issue 17; coordination.ts): who holds each claim until its
    // replies are out (a replica killed meanwhile leaves it to the next delivery), the chat it is for
    // (a chat's updates take turns in update order), each chat's sends of the last minute (Telegram's
    // per-chat and per-group limits across replicas) and the bot's next free send slot (its global one).
    version: 4,
    sql: `
      alter table update_claims add column chat_id bigint, add column owner bigint, add column replied_at timestamptz, add column done_at timestamptz;
      create index update_claims_open on update_claims (chat_id, update_id) where done_at is null;
      create table chat_sends (chat_id bigint primary key, sent double precision[] not null, at timestamptz not null default now());
      create table send_slots (key text primary key, tat double precision not null);
    `,
  },
  {
    // Feeds in the scaled mode (issue 17; feeds/postgres-sink.ts): what the feed state file holds for
    // one process, shared by the replicas that take turns fetching: each feed's validators and
    // failures, and the items already stored, by GUID and by URL.
    version: 5,
    sql: `
      create table feed_state (feed text primary key, state jsonb not null);
      create table feed_seen (key text primary key, file text not null, at timestamptz not null default now());
    `,
  },
];

/** Applies the steps this database has not had yet; returns their versions. Safe when several processes start at once. */
export async function migrate(db: SqlDb, steps = MIGRATIONS): Promise<number[]> {
  return db.exclusive(async (session) => {
    await session.exec('create table if not exists schema_migrations (version integer primary key, applied_at timestamptz not null default now())');
    const done = new Set((await session.query<{ version: number }>('select version from schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const step of steps) {
      if (done.has(step.version)) continue;
      await session.transaction(async (q) => {
        await q.exec(step.sql);
        await q.query('insert into schema_migrations (version) values ($1)', [step.version]);
      });
      applied.push(step.version);
    }
    return applied;
  });
}
