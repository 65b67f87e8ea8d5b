import { canonicalUrl, dedupeArticles, shingles } from '../../articles/dedupe.js';
import type { Article } from '../../articles/types.js';
import type { Queryable } from '../../state/sql.js';
import { withParagraphs, type StoredArticleRow } from './store.js';

/**
 * Duplicate stories across files, over PostgreSQL: each stored article is findable by its story keys
 * (canonical URL, smallest shingle hashes) in `search_story_keys`; an incoming article is compared
 * with the stored ones sharing a key by `dedupeArticles`, the embedded loader's rule, and a copy of a
 * stored story is kept aside in `search_dropped` under the stored copy's id, to be stored in its place
 * when that copy's file changes or goes.
 */

/** Shingle hashes per article used as keys: near-identical texts share most of their smallest. */
const SKETCH_SIZE = 8;
/**
 * Stored articles looked at per key: a story's copies share most of its keys, so a few per key find
 * them, and a phrase shared by thousands of articles stays cheap (at 64, ingesting a million
 * near-alike paragraphs fetched each batch's thousands of look-alikes and peaked at 450 MB).
 */
const PER_KEY = 8;

/** The keys under which a story's copies meet: its canonical URL and its smallest shingle hashes. */
export function storyKeys(article: Article): string[] {
  const keys = [...shingles(article).slice(0, SKETCH_SIZE)].map((h) => `s:${h}`);
  const url = article.url ? canonicalUrl(article.url) : null;
  if (url) keys.push(`u:${url}`);
  return keys;
}

/** An article left out as a copy of another: the stored copy, or the incoming one it yields to. */
export interface DroppedStory {
  article: Article;
  keeper: { stored: string } | { incoming: Article };
}

/**
 * Splits incoming articles into those to store and copies of a story already stored or incoming. A
 * stored copy always stays (stored first, kept), so nothing stored is ever replaced by this check.
 */
export async function withoutStoredDuplicates(q: Queryable, incoming: readonly Article[]): Promise<{ kept: Article[]; dropped: DroppedStory[] }> {
  if (incoming.length === 0) return { kept: [], dropped: [] };
  const stored = await storedCandidates(q, [...new Set(incoming.flatMap(storyKeys))]);
  const storedId = new Map<Article, string>();
  const ids = new Set(incoming.map((a) => a.id));
  const candidates: Article[] = [];
  for (const [id, article] of stored) {
    if (ids.has(article.id)) continue;
    storedId.set(article, id);
    candidates.push(article);
  }
  const { duplicates } = dedupeArticles([...candidates, ...incoming]);
  const keeperOf = new Map<Article, Article>();
  for (const d of duplicates) {
    if (storedId.has(d.dropped)) {
      // A stored copy is never replaced: the incoming one it would yield to is the copy left out.
      if (!storedId.has(d.kept)) keeperOf.set(d.kept, d.dropped);
    } else keeperOf.set(d.dropped, d.kept);
  }
  const dropped: DroppedStory[] = [];
  const kept: Article[] = [];
  for (const article of incoming) {
    let keeper = keeperOf.get(article);
    if (!keeper) {
      kept.push(article);
      continue;
    }
    // Follow a chain (a copy of a copy) to the copy that stays; bounded, as a chain cannot loop back.
    for (let n = 0; n < 8 && keeperOf.has(keeper) && !storedId.has(keeper); n++) keeper = keeperOf.get(keeper)!;
    const id = storedId.get(keeper);
    if (id === undefined && keeperOf.has(keeper)) {
      // No copy that stays at the chain's end: stored, rather than waiting on nothing.
      kept.push(article);
      continue;
    }
    dropped.push({ article, keeper: id !== undefined ? { stored: id } : { incoming: keeper } });
  }
  return { kept, dropped };
}

/** Stored articles sharing a key with the incoming ones, by id, with their paragraphs. */
async function storedCandidates(q: Queryable, keys: readonly string[]): Promise<Map<string, Article>> {
  const r = await q.query<StoredArticleRow>(
    `select a.article_id, a.meta from search_articles a where a.article_id in (
       select k.article_id from unnest($1::text[]) as w(key)
       cross join lateral (select article_id from search_story_keys s where s.key = w.key limit ${PER_KEY}) k)`,
    [keys],
  );
  if (r.rows.length === 0) return new Map();
  const articles = await withParagraphs(q, r.rows);
  return new Map(r.rows.map((row, i) => [row.article_id, articles[i]!]));
}

/** Notes the stored articles' keys and the copies left out under the id of the copy that stays. */
export async function recordStories(q: Queryable, kept: readonly Article[], ids: readonly string[], dropped: readonly DroppedStory[]): Promise<void> {
  const keyRows: Array<[string, string]> = kept.flatMap((a, i) => storyKeys(a).map((k): [string, string] => [k, ids[i]!]));
  if (keyRows.length > 0) {
    await q.query('insert into search_story_keys (key, article_id) select * from unnest($1::text[], $2::bigint[]) on conflict do nothing', [
      keyRows.map((r) => r[0]),
      keyRows.map((r) => r[1]),
    ]);
  }
  if (dropped.length === 0) return;
  const idOf = new Map(kept.map((a, i) => [a, ids[i]!]));
  const keeperIds = dropped.map((d) => ('stored' in d.keeper ? d.keeper.stored : idOf.get(d.keeper.incoming)!));
  await q.query(
    `insert into search_dropped (kept_id, article_key, file, article) select * from unnest($1::bigint[], $2::text[], $3::text[], $4::jsonb[])
     on conflict (kept_id, article_key) do update set file = excluded.file, article = excluded.article`,
    [keeperIds, dropped.map((d) => d.article.id), dropped.map((d) => d.article.file), dropped.map((d) => JSON.stringify(d.article))],
  );
}

/**
 * Forgets the copies left out from files read again or gone, and hands back those whose stored copy
 * was just removed (their file unchanged), to be stored in its place.
 */
export async function takeDropped(q: Queryable, goneFiles: readonly string[], removedIds: readonly string[]): Promise<Article[]> {
  if (goneFiles.length > 0) await q.query('delete from search_dropped where file = any($1)', [goneFiles]);
  if (removedIds.length === 0) return [];
  await q.query('delete from search_story_keys where article_id = any($1::bigint[])', [removedIds]);
  const r = await q.query<{ article: Article }>('delete from search_dropped where kept_id = any($1::bigint[]) returning article', [removedIds]);
  return r.rows.map((row) => row.article);
}
