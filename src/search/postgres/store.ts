import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../../articles/types.js';
import { listArticleFiles, loadFile, paragraphCount, type LoadOptions } from '../../articles/library.js';
import type { LoadWarning } from '../../articles/types.js';
import type { Queryable, SqlDb } from '../../state/sql.js';
import { analyzeArticle, READING_VERSION } from '../index.js';
import { beginBulkLoad, finishLoad } from './bulk.js';
import { B, INGEST_LOCK, K1 } from './schema.js';
import { readingNotice, type ReadingNotice } from './reading.js';
import { recordStories, takeDropped, withoutStoredDuplicates } from './stories.js';

export { INGEST_LOCK } from './schema.js';
/** Paragraphs written per transaction: large enough for few round trips, small enough to keep locks short. */
const BATCH_PARAGRAPHS = 4_000;
/** Feed items analysed again per transaction (read back and stored in it): an item is an article of a few paragraphs. */
const FEED_BATCH_FILES = 200;
/** Longer terms are not indexed (PostgreSQL's btree entries must fit in a third of a page). */
const MAX_LEXEME_BYTES = 2_000;
/** Between a paragraph's terms as sent (chr(31), the unit separator: no word holds it). */
const SEPARATOR = '\u001f';

/**
 * Feed items fetched in the scaled mode are stored under `feed:<the file the folder would hold>`: no
 * file of the folder has that name, so bringing the folder in never takes them for deleted files.
 */
export const FEED_ITEM_PREFIX = 'feed:';

/** A file of the folder as last read: size and mtime say "maybe changed", the hash decides. */
export interface FileFingerprint {
  size: number;
  mtimeMs: number;
  hash: string;
}

/** A stored file: its fingerprint and the READING_VERSION its articles were read with. */
interface StoredFile extends FileFingerprint {
  reading: number;
}

/** One file's articles to store in place of what it held before (none for a new file). */
export interface FileArticles {
  file: string;
  fingerprint: FileFingerprint;
  articles: readonly Article[];
}

/** What an ingest did. */
export interface IngestReport {
  files: number;
  unchanged: number;
  added: number;
  changed: number;
  deleted: number;
  /** Files read again (or feed items removed) because an article in them is now older than MAX_AGE_DAYS. */
  expired: number;
  articles: number;
  paragraphs: number;
  /** Articles not stored: another file's article, stored or stored with them, is the same story (`dedupe.ts`). */
  duplicates: number;
  /** Unchanged files (feed items among them) read again because their articles were read by an older READING_VERSION. */
  reread: number;
  warnings: LoadWarning[];
}

/** What an ingest did to the files, as `npm run index -- --to-postgres` and the bot's /reload say it: "2 new, 1 changed, 0 deleted, 7 unchanged…". */
export function ingestChanges(r: IngestReport): string {
  return (
    `${r.added} new, ${r.changed} changed, ${r.deleted} deleted, ${r.unchanged} unchanged` +
    (r.expired > 0 ? `, ${r.expired} read again for MAX_AGE_DAYS` : '') +
    (r.reread > 0 ? `, ${r.reread} read again for the new article reading` : '')
  );
}

export interface IngestOptions extends LoadOptions {
  /** Told, before any file is read, when unchanged files were read by another READING_VERSION than this code's. */
  onReading?: (notice: ReadingNotice) => void;
  /** Paragraphs per transaction (BATCH_PARAGRAPHS; tests lower it to stop an ingest between batches). */
  batchParagraphs?: number;
}

/** What storing a batch did. */
interface Stored {
  /** Copies of a story stored already, left out. */
  duplicates: number;
  /** Files left as they are: a newer READING_VERSION stored the same content meanwhile. */
  newer: string[];
}

/**
 * Writes files' articles, read by this code's READING_VERSION, replacing what those files held, and
 * removes deleted files' articles: one transaction per call. A copy of a story stored already is left
 * out; a copy left out earlier is stored when the copy kept instead is removed. A file whose same
 * content a newer version stored is left to it.
 */
async function storeFiles(db: SqlDb, changed: readonly FileArticles[], deleted: readonly string[] = []): Promise<Stored> {
  return db.transaction(async (q) => {
    await beginBatch(q);
    return storeFilesIn(q, changed, deleted);
  });
}

/** Takes the ingests' turn for this transaction. */
async function beginBatch(q: Queryable): Promise<void> {
  await q.query('select pg_advisory_xact_lock($1)', [INGEST_LOCK]);
  // A batch lost to a server crash is read again by the next ingest (its files' fingerprints and
  // reading versions are lost with it), so its commit need not wait for the disk.
  await q.query('set local synchronous_commit = off');
}

/** `storeFiles` within a transaction that has begun its batch. */
async function storeFilesIn(q: Queryable, files: readonly FileArticles[], deleted: readonly string[]): Promise<Stored> {
  const newer = await newerReadings(q, files);
  const changed = files.filter((f) => !newer.includes(f.file));
  const gone = [...changed.map((c) => c.file), ...deleted];
  const removed = gone.length > 0 ? await removeFiles(q, gone) : [];
  if (deleted.length > 0) await q.query('delete from search_files where file = any($1)', [deleted]);
  const revived = await takeDropped(q, gone, removed);
  const { kept, dropped } = await withoutStoredDuplicates(q, [...changed.flatMap((c) => c.articles), ...revived]);
  const ids = kept.length > 0 ? await insertArticles(q, kept) : [];
  await recordStories(q, kept, ids, dropped);
  if (changed.length > 0) {
    await q.query(
      `insert into search_files (file, size, mtime_ms, hash, reading)
       select *, $5::integer from unnest($1::text[], $2::bigint[], $3::float8[], $4::text[])
       on conflict (file) do update set size = excluded.size, mtime_ms = excluded.mtime_ms, hash = excluded.hash, reading = excluded.reading`,
      [
        changed.map((c) => c.file),
        changed.map((c) => c.fingerprint.size),
        changed.map((c) => c.fingerprint.mtimeMs),
        changed.map((c) => c.fingerprint.hash),
        READING_VERSION,
      ],
    );
  }
  return { duplicates: dropped.length, newer };
}

/**
 * The files whose same content (by its hash) is stored read by a newer READING_VERSION: another
 * replica, of the next version in a rolling deploy, read them since this ingest looked. Feed items
 * (no hash) are not compared: their re-read checks their versions itself.
 */
async function newerReadings(q: Queryable, files: readonly FileArticles[]): Promise<string[]> {
  const hashed = files.filter((f) => f.fingerprint.hash !== '');
  if (hashed.length === 0) return [];
  const r = await q.query<{ file: string }>(
    `select s.file from search_files s join unnest($1::text[], $2::text[]) as b(file, hash) on b.file = s.file
     where s.hash = b.hash and s.reading > $3`,
    [hashed.map((f) => f.file), hashed.map((f) => f.fingerprint.hash), READING_VERSION],
  );
  return r.rows.map((row) => row.file);
}

/** Takes the files' articles out, with their share of the term, word and language statistics; returns their ids. */
async function removeFiles(q: Queryable, files: readonly string[]): Promise<string[]> {
  const ids = (await q.query<{ article_id: string }>('select article_id from search_articles where file = any($1)', [files])).rows.map(
    (r) => r.article_id,
  );
  if (ids.length === 0) return ids;
  const terms = await q.query<{ term: string; n: string }>(
    'select term, count(*) as n from search_postings where article_id = any($1::bigint[]) group by term',
    [ids],
  );
  await decrement(
    q,
    'search_terms',
    'term',
    'df',
    terms.rows.map((r) => [r.term, Number(r.n)]),
  );
  const words = await q.query<{ word: string; n: string }>(
    'select w as word, count(*) as n from search_articles a, unnest(a.words) w where a.article_id = any($1::bigint[]) group by w',
    [ids],
  );
  await decrement(
    q,
    'search_words',
    'word',
    'refs',
    words.rows.map((r) => [r.word, Number(r.n)]),
  );
  const langs = await q.query<{ language: string; n: string; total: string }>(
    `select a.language, count(*) as n, coalesce(sum(p.length), 0) as total from search_paragraphs p join search_articles a using (article_id)
     where a.article_id = any($1::bigint[]) group by a.language`,
    [ids],
  );
  await decrement(
    q,
    'search_languages',
    'language',
    'paragraphs',
    langs.rows.map((r) => [r.language, Number(r.n)]),
  );
  const paragraphs = langs.rows.reduce((n, r) => n + Number(r.n), 0);
  const total = langs.rows.reduce((n, r) => n + Number(r.total), 0);
  await q.query('update search_stats set paragraphs = paragraphs - $1, total_length = total_length - $2, articles = articles - $3', [
    paragraphs,
    total,
    ids.length,
  ]);
  await q.query('delete from search_postings where article_id = any($1::bigint[])', [ids]);
  await q.query('delete from search_paragraphs where article_id = any($1::bigint[])', [ids]);
  await q.query('delete from search_articles where article_id = any($1::bigint[])', [ids]);
  return ids;
}

async function decrement(q: Queryable, table: string, key: string, column: string, counts: ReadonlyArray<[string, number]>): Promise<void> {
  if (counts.length === 0) return;
  const keys = counts.map((c) => c[0]);
  await q.query(`update ${table} t set ${column} = t.${column} - d.n from unnest($1::text[], $2::bigint[]) d(k, n) where t.${key} = d.k`, [
    keys,
    counts.map((c) => c[1]),
  ]);
  await q.query(`delete from ${table} where ${key} = any($1) and ${column} <= 0`, [keys]);
}

/** Stores the articles; returns their ids, in order. */
async function insertArticles(q: Queryable, articles: readonly Article[]): Promise<string[]> {
  const ids = (await q.query<{ id: string }>("select nextval('search_article_ids') as id from generate_series(1, $1)", [articles.length])).rows.map(
    (r) => r.id,
  );
  const rows = batchRows(articles, ids);
  await insertRows(q, rows);
  await addCounts(q, rows, articles.length);
  return ids;
}

/** A batch of articles as the columns of its rows, and what it adds to the shared counts. */
interface BatchRows {
  a: { id: string[]; file: string[]; language: string[]; published: Array<number | null>; meta: string[]; words: string[] };
  p: { article: string[]; position: number[]; index: number[]; length: number[]; text: string[] };
  // Each paragraph's posted terms and their frequencies as one string each, split again by the
  // server: arrays with an element per posting took longer to send and parse than to store.
  posting: { terms: string[]; tfs: string[] };
  /** Paragraphs holding each term. */
  df: Map<string, number>;
  /** Each word's term and how many articles list it. */
  refs: Map<string, [term: string, n: number]>;
  /** Paragraphs per language. */
  languages: Map<string, number>;
  /** The paragraphs' lengths, summed. */
  total: number;
}

function batchRows(articles: readonly Article[], ids: string[]): BatchRows {
  const rows: BatchRows = {
    a: { id: ids, file: [], language: [], published: [], meta: [], words: [] },
    p: { article: [], position: [], index: [], length: [], text: [] },
    posting: { terms: [], tfs: [] },
    df: new Map(),
    refs: new Map(),
    languages: new Map(),
    total: 0,
  };
  const { a, refs, languages } = rows;
  articles.forEach((article, i) => {
    const analyzed = analyzeArticle(article);
    const { paragraphs: _, ...meta } = article;
    a.file.push(article.file);
    a.language.push(analyzed.language);
    const published = article.published ? Date.parse(article.published) : NaN;
    a.published.push(Number.isNaN(published) ? null : published);
    a.meta.push(JSON.stringify(meta));
    a.words.push(pgArray(analyzed.words.map(([w]) => w)));
    for (const [word, term] of analyzed.words) refs.set(word, [term, (refs.get(word)?.[1] ?? 0) + 1]);
    languages.set(analyzed.language, (languages.get(analyzed.language) ?? 0) + article.paragraphs.length);
    analyzed.paragraphs.forEach((terms, at) => addParagraph(rows, ids[i]!, at, article.paragraphs[at]!, terms));
  });
  return rows;
}

/** One paragraph's row and postings (terms too long for an index entry, or holding the separator, are counted but not posted). */
function addParagraph(rows: BatchRows, id: string, at: number, paragraph: Article['paragraphs'][number], terms: readonly string[]): void {
  const { p, posting, df } = rows;
  p.article.push(id);
  p.position.push(at);
  p.index.push(paragraph.index);
  const length = Math.min(terms.length, 65_535);
  p.length.push(length);
  rows.total += length;
  p.text.push(paragraph.text);
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const posted: string[] = [];
  const counts: number[] = [];
  for (const [t, n] of tf) {
    df.set(t, (df.get(t) ?? 0) + 1);
    if (Buffer.byteLength(t) > MAX_LEXEME_BYTES || t.includes(SEPARATOR)) continue;
    posted.push(t);
    counts.push(n);
  }
  posting.terms.push(posted.join(SEPARATOR));
  posting.tfs.push(counts.join(','));
}

/** The batch's articles, paragraphs and postings. */
async function insertRows(q: Queryable, { a, p, posting, total }: BatchRows): Promise<void> {
  await q.query(
    `insert into search_articles (article_id, file, language, published_ms, meta, words)
     select id, file, language, published, meta::jsonb, words::text[] from unnest($1::bigint[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[])
       as t(id, file, language, published, meta, words)`,
    [a.id, a.file, a.language, a.published, a.meta, a.words],
  );
  await q.query(
    `insert into search_paragraphs (article_id, position, index, length, text)
     select * from unnest($1::bigint[], $2::int[], $3::int[], $4::int[], $5::text[])`,
    [p.article, p.position, p.index, p.length, p.text],
  );
  // Weighted with the average length once this batch is in (the stats are updated below, in this transaction).
  await q.query(
    `insert into search_postings (term, article_id, position, tf, length, impact)
     select t.term, p.id, p.position, t.tf, p.length, t.tf * ${K1 + 1} / (t.tf + ${K1} * (${1 - B} + ${B} * p.length / s.avg))
     from unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[]) as p(id, position, length, terms, tfs)
     cross join lateral unnest(string_to_array(p.terms, chr(31)), string_to_array(p.tfs, ',')::int[]) as t(term, tf)
     cross join (select greatest(1, (total_length + $6)::float8 / greatest(paragraphs + $7, 1)) as avg from search_stats) s
     where t.term <> ''`,
    [p.article, p.position, p.length, posting.terms, posting.tfs, total, p.article.length],
  );
}

/** What the batch adds to the terms', words' and languages' counts and to the stats. */
async function addCounts(q: Queryable, { p, df, refs, languages, total }: BatchRows, articles: number): Promise<void> {
  // Keys in order, so two writers never wait on each other's rows in opposite orders.
  const terms = [...df.keys()].filter((t) => Buffer.byteLength(t) <= MAX_LEXEME_BYTES).sort();
  await q.query(
    `insert into search_terms (term, df) select * from unnest($1::text[], $2::bigint[])
     on conflict (term) do update set df = search_terms.df + excluded.df`,
    [terms, terms.map((t) => df.get(t)!)],
  );
  const words = [...refs.keys()].sort();
  await q.query(
    `insert into search_words (word, term, refs) select * from unnest($1::text[], $2::text[], $3::int[])
     on conflict (word) do update set refs = search_words.refs + excluded.refs, term = excluded.term`,
    [words, words.map((w) => refs.get(w)![0]), words.map((w) => refs.get(w)![1])],
  );
  const langs = [...languages.keys()].sort();
  await q.query(
    `insert into search_languages (language, paragraphs) select * from unnest($1::text[], $2::bigint[])
     on conflict (language) do update set paragraphs = search_languages.paragraphs + excluded.paragraphs`,
    [langs, langs.map((l) => languages.get(l)!)],
  );
  await q.query('update search_stats set paragraphs = paragraphs + $1, total_length = total_length + $2, articles = articles + $3', [
    p.article.length,
    total,
    articles,
  ]);
}

/** A PostgreSQL array literal of strings (one parameter instead of a nested array pg cannot send). */
function pgArray(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * Stores articles that come from no folder (benchmarks' data sets, and later feed items), grouped by
 * their `file`, each file in place of what it held. Returns the paragraphs stored.
 */
export async function storeArticles(db: SqlDb, articles: readonly Article[]): Promise<number> {
  const byFile = new Map<string, Article[]>();
  for (const a of articles) {
    let list = byFile.get(a.file);
    if (!list) byFile.set(a.file, (list = []));
    list.push(a);
  }
  const bulk = await beginBulkLoad(db);
  let batch: FileArticles[] = [];
  let size = 0;
  let stored = 0;
  for (const [file, list] of byFile) {
    batch.push({ file, fingerprint: { size: 0, mtimeMs: 0, hash: '' }, articles: list });
    const n = paragraphCount(list);
    size += n;
    stored += n;
    if (size >= BATCH_PARAGRAPHS) {
      await storeFiles(db, batch);
      [batch, size] = [[], 0];
    }
  }
  if (batch.length > 0) await storeFiles(db, batch);
  await finishLoad(db, bulk);
  return stored;
}

/**
 * Brings the articles folder into the database: new files are read and stored, changed ones (size or
 * mtime differ and so does the content's hash) replaced, deleted ones removed; unchanged files are
 * not read at all, unless their articles were read by an older READING_VERSION (then they are read
 * again, and feed items analysed again) or one has aged out. Each file's version is stored with it,
 * batch by batch, so an ingest that fails midway leaves the next only the rest to read. Files read by
 * a newer version are left alone while unchanged (two versions side by side in a rolling deploy
 * would take turns).
 */
export async function ingestFolder(db: SqlDb, dir: string, options: IngestOptions = {}): Promise<IngestReport> {
  const root = path.resolve(dir);
  const warnings: LoadWarning[] = [];
  const files = await listArticleFiles(root, warnings);
  const known = await storedFiles(db);
  const expired = await expiredFiles(db, options);
  const report = emptyReport(files.length, warnings);
  const deleted = removals(known, files, expired, report);
  const planned = await planFiles(db, root, files, known, expired);
  for (const f of planned) report[f.kind]++;
  // Feed items have no file in the folder: their stored text is analysed again.
  const feedItems = [...known].filter(([f]) => f.startsWith(FEED_ITEM_PREFIX) && !expired.has(f));
  const notice = readingNotice(
    planned.filter((f) => f.kind === 'unchanged' || f.kind === 'reread').map((f) => f.reading!),
    feedItems.map(([, stored]) => stored.reading),
  );
  if (notice) options.onReading?.(notice);
  const bulk = await beginBulkLoad(db);
  await loadAndStore(db, root, planned, deleted, report, options);
  await reanalyzeFeedItems(
    db,
    feedItems.filter(([, stored]) => stored.reading < READING_VERSION).map(([f]) => f),
    report,
  );
  // Not after a check that found nothing to do: it would build the indexes under another process's first load.
  if (bulk || storedAnything(report)) await finishLoad(db, bulk);
  return report;
}

/** Whether an ingest stored or removed anything. */
export function storedAnything(r: IngestReport): boolean {
  return r.added + r.changed + r.deleted + r.expired + r.reread > 0;
}

function emptyReport(files: number, warnings: LoadWarning[]): IngestReport {
  return { files, unchanged: 0, added: 0, changed: 0, deleted: 0, expired: 0, articles: 0, paragraphs: 0, duplicates: 0, reread: 0, warnings };
}

/** The stored files to take out, counted into `report`: those gone from the folder, and feed items aged out (they leave only so). */
function removals(known: ReadonlyMap<string, StoredFile>, files: readonly string[], expired: ReadonlySet<string>, report: IngestReport): string[] {
  const present = new Set(files);
  const gone = [...known.keys()].filter((f) => !present.has(f) && !f.startsWith(FEED_ITEM_PREFIX));
  const agedItems = [...expired].filter((f) => f.startsWith(FEED_ITEM_PREFIX));
  report.deleted = gone.length;
  report.expired = agedItems.length;
  return [...gone, ...agedItems];
}

/** What an ingest does with a file of the folder, named as the report counts it. */
type FileKind = 'unchanged' | 'added' | 'changed' | 'expired' | 'reread';

/** A file of the folder as found; its hash if read to tell a change (else it is read when the file is loaded). */
interface PlannedFile {
  file: string;
  kind: FileKind;
  size: number;
  mtimeMs: number;
  hash?: string;
  /** The READING_VERSION of its stored articles (none: a new file). */
  reading?: number;
}

/**
 * What to do with each file of the folder (one gone meanwhile is left out). Size and mtime say
 * "maybe changed", the hash decides; a file only touched has its new size and mtime noted here. A
 * file is read again when its articles were read by an older READING_VERSION or one aged out.
 */
async function planFiles(
  db: SqlDb,
  root: string,
  files: readonly string[],
  known: ReadonlyMap<string, StoredFile>,
  expired: ReadonlySet<string>,
): Promise<PlannedFile[]> {
  const planned: PlannedFile[] = [];
  for (const file of files) {
    const abs = path.join(root, file);
    const st = await fs.stat(abs).catch(() => undefined);
    if (!st) continue;
    const before = known.get(file);
    // Whole milliseconds: tools that copy or restore times (utimes, tar, rsync) keep no finer ones.
    const found = { file, size: st.size, mtimeMs: Math.trunc(st.mtimeMs), reading: before?.reading };
    if (!before) {
      planned.push({ ...found, kind: 'added' });
      continue;
    }
    const touched = before.size !== found.size || before.mtimeMs !== found.mtimeMs;
    const hash = touched ? await hashOf(abs) : before.hash;
    const kind = expired.has(file) ? 'expired' : hash !== before.hash ? 'changed' : before.reading < READING_VERSION ? 'reread' : 'unchanged';
    // Touched, not changed: only the new size and mtime are noted.
    if (touched && kind === 'unchanged')
      await db.query('update search_files set size = $2, mtime_ms = $3 where file = $1', [file, found.size, found.mtimeMs]);
    planned.push({ ...found, kind, hash: touched ? hash : undefined });
  }
  return planned;
}

async function hashOf(abs: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(abs))
    .digest('hex');
}

/** A file's articles as read, with the report's count it went to. */
type ReadFile = FileArticles & { kind: Exclude<FileKind, 'unchanged'> };

/**
 * Takes the `deleted` files out, then reads the planned files that are not unchanged and stores them
 * in batches of about `batchParagraphs`. One batch is written while the next is read and cleaned: the
 * database's work and this process's overlap on two cores. Batches still commit one at a time, in order.
 */
async function loadAndStore(
  db: SqlDb,
  root: string,
  planned: readonly PlannedFile[],
  deleted: readonly string[],
  report: IngestReport,
  options: IngestOptions,
): Promise<void> {
  const limit = options.batchParagraphs ?? BATCH_PARAGRAPHS;
  let batch: ReadFile[] = [];
  let size = 0;
  let writing: Promise<void> = Promise.resolve();
  const flush = async (gone: readonly string[] = []) => {
    if (batch.length === 0 && gone.length === 0) return;
    await writing;
    const files = batch;
    writing = storeFiles(db, files, gone).then((stored) => countStored(report, files, stored));
    // Seen as handled now; a failure is thrown where `writing` is next awaited.
    writing.catch(() => {});
    [batch, size] = [[], 0];
  };
  await flush(deleted);
  for (const f of planned) {
    if (f.kind === 'unchanged') continue;
    const hash = f.hash ?? (await hashOf(path.join(root, f.file)));
    const loaded = await loadFile(root, f.file, options);
    report.warnings.push(...loaded.warnings);
    const paragraphs = paragraphCount(loaded.articles);
    report.articles += loaded.articles.length;
    report.paragraphs += paragraphs;
    batch.push({ file: f.file, kind: f.kind, fingerprint: { size: f.size, mtimeMs: f.mtimeMs, hash }, articles: loaded.articles });
    size += paragraphs;
    if (size >= limit) await flush();
  }
  await flush();
  await writing;
}

/** Counts a stored batch into `report`: its duplicates, and its files that a newer version read meanwhile as unchanged. */
function countStored(report: IngestReport, batch: readonly ReadFile[], stored: Stored): void {
  report.duplicates += stored.duplicates;
  for (const f of batch.filter((b) => stored.newer.includes(b.file))) {
    report[f.kind]--;
    report.unchanged++;
    report.articles -= f.articles.length;
    report.paragraphs -= paragraphCount(f.articles);
  }
}

/** The stored files with their versions, of every file or of `files`. */
async function storedFiles(q: Queryable, files?: readonly string[]): Promise<Map<string, StoredFile>> {
  const rows = await q.query<{ file: string; size: string; mtime_ms: number; hash: string; reading: number }>(
    `select file, size, mtime_ms, hash, reading from search_files${files ? ' where file = any($1)' : ''}`,
    files ? [files] : undefined,
  );
  return new Map(rows.rows.map((r) => [r.file, { size: Number(r.size), mtimeMs: r.mtime_ms, hash: r.hash, reading: r.reading }]));
}

/** Analyses the feed items again, FEED_BATCH_FILES per transaction (see `reanalyzeBatch`), counted into `report`. */
async function reanalyzeFeedItems(db: SqlDb, feedItems: readonly string[], report: IngestReport): Promise<void> {
  for (let at = 0; at < feedItems.length; at += FEED_BATCH_FILES) {
    const stored = await reanalyzeBatch(db, feedItems.slice(at, at + FEED_BATCH_FILES));
    report.reread += stored.length;
    const articles = stored.flatMap((f) => f.articles);
    report.articles += articles.length;
    report.paragraphs += paragraphCount(articles);
  }
}

/**
 * Feed items have no file to read again: their stored articles (and copies left out as duplicates)
 * are read back and stored again, analysed by this code, in one transaction, so an item that another
 * ingest removes or reads again meanwhile is not brought back or read twice (only those still read
 * by an older version are). Their text stays as it was cleaned when fetched. Returns what was stored again.
 */
async function reanalyzeBatch(db: SqlDb, files: readonly string[]): Promise<FileArticles[]> {
  return db.transaction(async (q) => {
    await beginBatch(q);
    const byFile = new Map<string, FileArticles & { articles: Article[] }>(
      [...(await storedFiles(q, files))]
        .filter(([, f]) => f.reading < READING_VERSION)
        .map(([file, fingerprint]) => [file, { file, fingerprint, articles: [] }]),
    );
    const stored = await q.query<StoredArticleRow>('select article_id, meta from search_articles where file = any($1) order by article_id', [
      [...byFile.keys()],
    ]);
    const dropped = await q.query<{ article: Article }>('select article from search_dropped where file = any($1)', [[...byFile.keys()]]);
    for (const a of [...(await withParagraphs(q, stored.rows)), ...dropped.rows.map((r) => r.article)]) byFile.get(a.file)?.articles.push(a);
    await storeFilesIn(q, [...byFile.values()], []);
    return [...byFile.values()];
  });
}

/**
 * Files holding an article published before MAX_AGE_DAYS ago: read again, unchanged or not, so that
 * the age limit leaves it out as the embedded index does at every load (a feed item is removed).
 */
async function expiredFiles(db: SqlDb, options: LoadOptions): Promise<Set<string>> {
  if (options.maxAgeDays === undefined) return new Set();
  const cutoff = (options.now ?? new Date()).getTime() - options.maxAgeDays * 86_400_000;
  const r = await db.query<{ file: string }>('select distinct file from search_articles where published_ms < $1', [cutoff]);
  return new Set(r.rows.map((row) => row.file));
}

/** Every stored article with its paragraphs, in the order they were stored (for moving back to a folder). */
export async function* storedArticles(db: SqlDb, pageSize = 500): AsyncGenerator<Article> {
  let after = '0';
  for (;;) {
    const page = await db.query<StoredArticleRow>('select article_id, meta from search_articles where article_id > $1 order by article_id limit $2', [
      after,
      pageSize,
    ]);
    if (page.rows.length === 0) return;
    yield* await withParagraphs(db, page.rows);
    after = page.rows[page.rows.length - 1]!.article_id;
  }
}

/** A stored article as `search_articles` keeps it: all but its paragraphs. */
export interface StoredArticleRow {
  article_id: string;
  meta: Omit<Article, 'paragraphs'>;
}

/** The stored articles made whole again with their paragraphs, in the rows' order. */
export async function withParagraphs(q: Queryable, rows: readonly StoredArticleRow[]): Promise<Article[]> {
  const paragraphs = await paragraphsOf(
    q,
    rows.map((r) => r.article_id),
  );
  return rows.map((r) => ({ ...r.meta, paragraphs: paragraphs.get(r.article_id) ?? [] }));
}

/** The stored paragraphs of these articles, in order, by article id. */
async function paragraphsOf(db: Queryable, ids: readonly string[]): Promise<Map<string, Article['paragraphs']>> {
  const rows = await db.query<{ article_id: string; index: number; text: string }>(
    'select article_id, index, text from search_paragraphs where article_id = any($1::bigint[]) order by article_id, position',
    [ids],
  );
  const out = new Map<string, Article['paragraphs']>();
  for (const r of rows.rows) {
    let list = out.get(r.article_id);
    if (!list) out.set(r.article_id, (list = []));
    list.push({ index: r.index, text: r.text });
  }
  return out;
}
