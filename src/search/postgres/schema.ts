import type { SqlDb } from '../../state/sql.js';

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
