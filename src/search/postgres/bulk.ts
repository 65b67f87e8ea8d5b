import type { SqlDb } from '../../state/sql.js';
import { INGEST_LOCK } from './schema.js';

/**
 * The indexes a first load into an empty store builds once at the end instead of keeping up row by
 * row, each with how to build it: sorting 20 million postings once is several times faster than
 * inserting each into two B-trees as it comes.
 */
const BULK_INDEXES = [
  {
    name: 'search_postings_pkey',
    create: 'alter table search_postings add constraint search_postings_pkey primary key (article_id, term, position) include (tf, length)',
    drop: 'alter table search_postings drop constraint if exists search_postings_pkey',
  },
  {
    name: 'search_postings_impact',
    create: 'create index search_postings_impact on search_postings (term, impact desc) include (article_id, position, tf, length)',
    drop: 'drop index if exists search_postings_impact',
  },
  // The vocabulary's trigram indexes (schema step 1): a GIN index takes each new word slowly.
  {
    name: 'search_terms_trgm',
    create: 'create index search_terms_trgm on search_terms using gin (lower(term) gin_trgm_ops)',
    drop: 'drop index if exists search_terms_trgm',
  },
  {
    name: 'search_words_trgm',
    create: 'create index search_words_trgm on search_words using gin (lower(word) gin_trgm_ops)',
    drop: 'drop index if exists search_words_trgm',
  },
] as const;

/** Memory for building an index (sorting the postings); the server's default is 64 MB. */
const BUILD_MEMORY = '512MB';

/**
 * When the store holds no postings, drops those indexes so a first load writes bare rows, and
 * says so. Questions asked meanwhile read the postings without an index (slowly): the store is empty
 * or partly loaded then anyway.
 */
export async function beginBulkLoad(db: SqlDb): Promise<boolean> {
  return db.transaction(async (q) => {
    await q.query('select pg_advisory_xact_lock($1)', [INGEST_LOCK]);
    const empty = await q.query('select 1 from search_postings limit 1');
    if (empty.rows.length > 0) return false;
    for (const index of BULK_INDEXES) await q.exec(index.drop);
    return true;
  });
}

/**
 * Builds whichever of those indexes is missing (after a bulk load, or one that a crash interrupted:
 * the next ingest that stores something builds it),
 * then, after a bulk load, has the tables vacuumed and analysed: the planner learns their sizes, and
 * the pages marked all-visible let a term's best postings be read from the index alone.
 */
export async function finishLoad(db: SqlDb, bulk: boolean): Promise<void> {
  const present = await db.query<{ name: string }>(
    "select indexname as name from pg_indexes where schemaname = current_schema() and tablename in ('search_postings', 'search_terms', 'search_words')",
  );
  const have = new Set(present.rows.map((r) => r.name));
  const missing = BULK_INDEXES.filter((i) => !have.has(i.name));
  if (missing.length > 0) {
    await db.transaction(async (q) => {
      await q.query('select pg_advisory_xact_lock($1)', [INGEST_LOCK]);
      await q.query(`set local maintenance_work_mem = '${BUILD_MEMORY}'`);
      const again = await q.query<{ name: string }>(
        "select indexname as name from pg_indexes where schemaname = current_schema() and tablename in ('search_postings', 'search_terms', 'search_words')",
      );
      const built = new Set(again.rows.map((r) => r.name));
      for (const index of missing) if (!built.has(index.name)) await q.exec(index.create);
    });
  }
  if (bulk) await db.exec('vacuum (analyze) search_postings, search_paragraphs, search_articles, search_terms, search_words');
}
