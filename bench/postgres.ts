import type { Article } from '../src/articles/types.js';
import type { AnswerModels } from '../src/app/open.js';
import { PostgresSearch } from '../src/search/postgres/backend.js';
import { migrateSearch } from '../src/search/postgres/schema.js';
import { storeArticles } from '../src/search/postgres/store.js';
import { openPostgres } from '../src/state/postgres.js';
import type { SqlDb } from '../src/state/sql.js';
import type { BenchHit } from './systems.js';
import { throwawayDatabase } from './throwaway-database.js';

/** The server benchmarks make their throwaway databases on (loopback only, like the tests'). */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** A new database on the bench server with the search schema, dropped by `drop`. */
export async function benchDatabase(): Promise<{ db: SqlDb; drop(): Promise<void> }> {
  const host = new URL(BENCH_DATABASE_URL).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`BENCH_DATABASE_URL must be a loopback server, not ${host}`);
  const { url, drop } = await throwawayDatabase(BENCH_DATABASE_URL, 'news_bot_bench');
  const db = await openPostgres(url);
  await migrateSearch(db);
  return {
    db,
    drop: async () => {
      await db.close();
      await drop();
    },
  };
}

/** This product over the PostgreSQL backend, as `productSystem` is over the embedded index; `close` drops its database. */
export async function postgresSystem(
  articles: readonly Article[],
  options: { minConfidence?: number } & AnswerModels = {},
): Promise<{ name: string; search(q: string, limit: number): Promise<BenchHit[]>; close(): Promise<void> }> {
  const { db, drop } = await benchDatabase();
  await storeArticles(db, articles);
  await db.query('analyze');
  const backend = new PostgresSearch(db);
  const { minConfidence, vectors, sentences } = options;
  return {
    name: `this product, PostgreSQL backend`,
    search: async (q, limit) => {
      const a = await backend.answer(q, { limit, minConfidence, vectors, sentences });
      return a.passages.map((p) => ({ articleId: p.article.id, para: p.paragraph.index, ...(a.tentative ? { tentative: true } : {}) }));
    },
    close: drop,
  };
}
