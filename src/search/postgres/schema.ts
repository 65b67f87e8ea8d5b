import type { SqlDb } from '../../state/sql.js';

// BM25's constants, as in rank.ts.
export const K1 = 1.2;
export const B = 0.75;

/**
 * Any number, the same in every process: two ingests write their batches in turn. Not one of the
 * store's keys (migrations, `LEASE_KEYS`), which share the database: the polling lease is held for
 * as long as a replica polls, and would hold every ingest back.
 */
export const INGEST_LOCK = 7_318_042_027;

/**
 * The search tables of the PostgreSQL backend, as numbered steps that run once each, in order (the
 * state store's steps are counted apart, in `schema_migrations`, so the two never contend for a
 * number). Never edit a step that has shipped: add the next one.
 *
 * Ready for Citus: `search_articles` and `search_paragraphs` are distributed by `article_id`, every
 * unique key includes it, and no query joins them across articles; `search_terms`, `search_words`,
 * `search_files` and `search_stats` are small keyed tables (reference tables, or distributed by their
 * key). See docs/search.md ("PostgreSQL backend").
 */
export interface SearchStep {
  version: number;
  /** The step's SQL; `rum` says whether the RUM extension is available on this server. */
  sql: (rum: boolean) => string;
}

export const SEARCH_MIGRATIONS: readonly SearchStep[] = [
  {
    version: 1,
    sql: (rum) => `
      create extension if not exists pg_trgm;
      ${rum ? 'create extension if not exists rum;' : ''}
      -- What each file of the articles folder was when it was last read: unchanged files are not re-read.
      create table search_files (
        file text primary key,
        size bigint not null,
        mtime_ms double precision not null,
        hash text not null
      );
      create sequence search_article_ids;
      create table search_articles (
        article_id bigint primary key,
        file text not null,
        language text not null,
        -- Publication time (ms since 1970), for the corpus's date range (freshness).
        published_ms double precision,
        -- The Article without its paragraphs (id, file, title, url, published, source).
        meta jsonb not null,
        -- Its distinct words, so deleting it can take them out of the vocabulary.
        words text[] not null
      );
      create index search_articles_file on search_articles (file);
      create index search_articles_published on search_articles (published_ms);
      create table search_paragraphs (
        article_id bigint not null,
        -- Place among the article's indexed paragraphs; "index" is Paragraph.index (as written).
        position integer not null,
        index integer not null,
        length integer not null,
        -- The product's own index terms (its per-language Snowball stems, folded), as a 'simple'
        -- tsvector: PostgreSQL matches exactly the terms the ranking counts.
        terms tsvector not null,
        text text not null,
        primary key (article_id, position)
      );
      create index search_paragraphs_terms on search_paragraphs using ${rum ? 'rum (terms rum_tsvector_ops)' : 'gin (terms)'};
      -- Document frequencies: paragraphs holding each term, the corpus statistics ranking reads.
      create table search_terms (term text primary key, df bigint not null);
      -- On lower(term), which is the term: an index on the column itself would also serve (slowly)
      -- the planner's equality lookups, which the primary key serves well.
      create index search_terms_trgm on search_terms using gin (lower(term) gin_trgm_ops);
      -- Surface words and their terms, for correcting misspellings by trigram similarity.
      create table search_words (word text primary key, term text not null, refs integer not null);
      create index search_words_trgm on search_words using gin (lower(word) gin_trgm_ops);
      create table search_languages (language text primary key, paragraphs bigint not null);
      create table search_stats (
        id integer primary key check (id = 1),
        paragraphs bigint not null,
        total_length bigint not null,
        articles bigint not null
      );
      insert into search_stats values (1, 0, 0, 0);
    `,
  },
  {
    version: 2,
    // Postings: a question term reads only its best paragraphs from an index ordered by their BM25
    // weight, instead of every paragraph holding it (the GIN index matched and then unnested them
    // all, which made frequent words slow). Distributed by article_id like the paragraphs.
    sql: () => `
      create table search_postings (
        term text not null,
        article_id bigint not null,
        position integer not null,
        -- The term's frequency in the paragraph, and the paragraph's length in terms: BM25's inputs.
        tf integer not null,
        length integer not null,
        -- BM25's term-frequency part with the average length when stored: it only orders the
        -- postings (the question's score is computed again from tf and length).
        impact real not null,
        primary key (article_id, position, term)
      );
      insert into search_postings (term, article_id, position, tf, length, impact)
        select u.lexeme, p.article_id, p.position, u.tf, p.length,
          u.tf * ${K1 + 1} / (u.tf + ${K1} * (${1 - B} + ${B} * p.length / greatest(1, s.total_length::float8 / greatest(s.paragraphs, 1))))
        from search_paragraphs p
        cross join lateral (select lexeme, coalesce(array_length(positions, 1), 1) as tf from unnest(p.terms)) u
        cross join search_stats s;
      create index search_postings_impact on search_postings (term, impact desc);
      -- The postings hold the terms now: the tsvector is no longer read or written.
      alter table search_paragraphs drop column terms;
      -- A term's best postings, read in the index's order. Without a bitmap scan: the planner cannot
      -- know how many postings a term has, guesses a few hundred, and would read and sort them all.
      create function search_best_postings(t text, k integer) returns table (article_id bigint, "position" integer, tf integer, length integer)
        language sql stable set enable_bitmapscan = off
        as $$ select article_id, position, tf, length from search_postings where term = t order by impact desc limit k $$;
    `,
  },
  {
    version: 3,
    // The best postings of a term are read from the index alone (its included columns; a vacuum after
    // a bulk load marks the pages all-visible), and the key leads with (article, term) so "which of
    // these articles' paragraphs hold these terms" is a few index probes, not a read of whole articles.
    sql: () => `
      alter table search_postings drop constraint search_postings_pkey;
      alter table search_postings add primary key (article_id, term, position) include (tf, length);
      drop index search_postings_impact;
      create index search_postings_impact on search_postings (term, impact desc) include (article_id, position, tf, length);
    `,
  },
  {
    version: 4,
    // A story stored from several files is stored once (stories.ts): its keys find the stored copy, and
    // the copies left out wait, whole, under the kept copy's id, to be stored when it goes. Rows that
    // step 4 finds stored already have no keys: only articles stored from now on are compared.
    sql: () => `
      create table search_story_keys (key text not null, article_id bigint not null, primary key (key, article_id));
      create index search_story_keys_article on search_story_keys (article_id);
      create table search_dropped (
        kept_id bigint not null,
        article_key text not null,
        file text not null,
        article jsonb not null,
        primary key (kept_id, article_key)
      );
      create index search_dropped_file on search_dropped (file);
    `,
  },
  {
    version: 5,
    // The version of the product's reading (READING_VERSION) the stored articles were read with: an
    // ingest by code that reads differently reads every file again. 0 for a store made before this
    // step, whichever version read it: read again by the first ingest.
    sql: () => `
      alter table search_stats add column reading integer not null default 0;
    `,
  },
  {
    version: 6,
    // The reading's version per file (feed items too) instead of one for the store: a file is read
    // again when its own is older, so a re-read that stops midway goes on where it stopped, and a file
    // that a newer version read is left to it. Files take the version step 5 recorded, so upgrading
    // reads nothing again, and that one is retired. A row written without it counts as read by an
    // unknown older version (0).
    sql: () => `
      alter table search_files add column reading integer not null default 0;
      update search_files set reading = (select reading from search_stats);
      alter table search_stats drop column reading;
    `,
  },
];

/** Whether this server offers an extension (RUM is optional: GIN is used without it). */
export async function hasExtension(db: SqlDb, name: string): Promise<boolean> {
  const r = await db.query<{ n: string }>('select count(*) as n from pg_available_extensions where name = $1', [name]);
  return Number(r.rows[0]?.n) > 0;
}

/**
 * Applies the search steps this database has not had; returns their versions. Under the same advisory
 * lock as the state store's migrations, so replicas starting together apply each step once.
 */
export async function migrateSearch(db: SqlDb, steps: readonly SearchStep[] = SEARCH_MIGRATIONS): Promise<number[]> {
  const rum = await hasExtension(db, 'rum');
  return db.exclusive(async (session) => {
    await session.exec('create table if not exists search_migrations (version integer primary key, applied_at timestamptz not null default now())');
    const done = new Set((await session.query<{ version: number }>('select version from search_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const step of steps) {
      if (done.has(step.version)) continue;
      await session.transaction(async (q) => {
        await q.exec(step.sql(rum));
        await q.query('insert into search_migrations (version) values ($1)', [step.version]);
      });
      applied.push(step.version);
    }
    return applied;
  });
}
