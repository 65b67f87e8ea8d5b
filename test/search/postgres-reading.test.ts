/**
 * Files of a PostgreSQL store read by an older version of the article reading (READING_VERSION) are
 * read again by the next ingest, folder files and feed items alike, each recording its version as it
 * is stored, so a failed ingest leaves the next only the rest; files read by a newer version are left
 * alone. An older reading is simulated by storing with `analyzeArticle`'s terms renamed ("tram" →
 * "tram_v0"). Skipped with the reason when no PostgreSQL answers, unless REQUIRE_POSTGRES=1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PostgresLiveSearch } from '../../src/app/postgres-search.js';
import type { Article } from '../../src/articles/types.js';
import { READING_VERSION } from '../../src/search/index.js';
import { PostgresSearch } from '../../src/search/postgres/backend.js';
import { migrateSearch } from '../../src/search/postgres/schema.js';
import { readingMessage, type ReadingNotice } from '../../src/search/postgres/reading.js';
import { FEED_ITEM_PREFIX, ingestChanges, ingestFolder, storeArticles } from '../../src/search/postgres/store.js';
import { openPostgres } from '../../src/state/postgres.js';
import type { SqlDb } from '../../src/state/sql.js';
import { captureLog, testConfig } from '../e2e/harness.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';
import { article, markdownOf, NEWS } from './fixture.js';

const reading = vi.hoisted(() => ({ old: false }));
vi.mock('../../src/search/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/search/index.js')>();
  return {
    ...actual,
    analyzeArticle: (a: Article) => {
      const r = actual.analyzeArticle(a);
      if (!reading.old) return r;
      return {
        ...r,
        paragraphs: r.paragraphs.map((terms) => terms.map((t) => `${t}_v0`)),
        words: r.words.map(([w, t]): [string, string] => [w, `${t}_v0`]),
      };
    },
  };
});

/** Called before the store loads each file of the folder. */
const hooks = vi.hoisted(() => ({ beforeLoading: undefined as ((file: string) => Promise<void>) | undefined }));
vi.mock('../../src/articles/library.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/articles/library.js')>();
  return {
    ...actual,
    loadFile: async (...args: Parameters<typeof actual.loadFile>) => {
      await hooks.beforeLoading?.(args[1]);
      return actual.loadFile(...args);
    },
  };
});

const unavailable = await postgresUnavailable();
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  reading.old = false;
  hooks.beforeLoading = undefined;
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A throwaway database and a folder of the fixture's news, stored with the older reading. */
async function oldStore(): Promise<{ db: SqlDb; dir: string; url: string }> {
  const { url, drop } = await throwawayDatabase();
  cleanups.push(drop);
  const db = await openPostgres(url);
  cleanups.push(() => db.close());
  await migrateSearch(db);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-reading-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  for (const a of NEWS) writeFileSync(path.join(dir, a.file), markdownOf(a));
  reading.old = true;
  await ingestFolder(db, dir);
  reading.old = false;
  await db.query('update search_files set reading = $1', [READING_VERSION - 1]);
  return { db, dir, url };
}

/** The notice for `reread` files read by v(`from`) and `current` read by this version (none newer). */
const rereading = (reread: number, from: number, current = 0, feedItems = 0): ReadingNotice => ({
  code: READING_VERSION,
  reread,
  feedItems,
  oldest: from,
  latest: from,
  current,
  newer: 0,
  newest: 0,
});
/** The stored files' versions, by file. */
const readings = async (db: SqlDb) =>
  Object.fromEntries(
    (await db.query<{ file: string; reading: number }>('select file, reading from search_files order by file')).rows.map((r) => [r.file, r.reading]),
  );
/** Every stored file's version, when they are one. */
const storedReadings = async (db: SqlDb) => [...new Set(Object.values(await readings(db)))];

const TRAM = 'How much will the tram line cost?';
const answers = async (db: SqlDb, q: string) => (await new PostgresSearch(db).answer(q)).passages[0]?.text ?? '';
const oldTerms = async (db: SqlDb) =>
  Number((await db.query<{ n: string }>("select count(*) as n from search_postings where term like '%\\_v0'")).rows[0]!.n) +
  Number((await db.query<{ n: string }>("select count(*) as n from search_terms where term like '%\\_v0'")).rows[0]!.n) +
  Number((await db.query<{ n: string }>("select count(*) as n from search_words where term like '%\\_v0'")).rows[0]!.n);
/** Postings in the older reading of `file`'s articles, or of the other files' (`others`). */
const oldPostings = async (db: SqlDb, file: string, others = false) =>
  Number(
    (
      await db.query<{ n: string }>(
        `select count(*) as n from search_postings p join search_articles a using (article_id) where a.file ${others ? '<>' : '='} $1 and p.term like '%\\_v0'`,
        [file],
      )
    ).rows[0]!.n,
  );
/** The kept statistics agree with the rows. */
async function consistent(db: SqlDb): Promise<void> {
  const stats = (await db.query<{ paragraphs: string; articles: string }>('select paragraphs, articles from search_stats')).rows[0]!;
  const counted = (
    await db.query<{ p: string; a: string }>('select (select count(*) from search_paragraphs) as p, (select count(*) from search_articles) as a')
  ).rows[0]!;
  expect({ paragraphs: stats.paragraphs, articles: stats.articles }).toEqual({ paragraphs: counted.p, articles: counted.a });
}

describe.skipIf(unavailable !== undefined)(`the article reading's version in PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('reads every unchanged file again when the store was read by an older version, then records the new one', async () => {
    const { db, dir } = await oldStore();
    expect(await answers(db, TRAM)).not.toContain('240 million dollars');
    const notices: ReadingNotice[] = [];
    const report = await ingestFolder(db, dir, { onReading: (n) => notices.push(n) });
    expect(report).toMatchObject({ files: NEWS.length, unchanged: 0, changed: 0, added: 0, reread: NEWS.length });
    // As the CLI and the bot's /reload reply say it.
    expect(ingestChanges(report)).toBe(`0 new, 0 changed, 0 deleted, 0 unchanged, ${NEWS.length} read again for the new article reading`);
    expect(notices).toEqual([rereading(NEWS.length, READING_VERSION - 1)]);
    expect(await answers(db, TRAM)).toContain('240 million dollars');
    expect(await oldTerms(db)).toBe(0);
    await consistent(db);
    expect(await storedReadings(db)).toEqual([READING_VERSION]);
    // Done once: the next ingest finds nothing to do.
    expect(await ingestFolder(db, dir, { onReading: (n) => notices.push(n) })).toMatchObject({ unchanged: NEWS.length, reread: 0 });
    expect(notices).toHaveLength(1);
  });

  it('counts a changed file as changed, not among the files read again for the reading', async () => {
    const { db, dir } = await oldStore();
    writeFileSync(path.join(dir, 'storm.md'), `${markdownOf(NEWS.find((a) => a.file === 'storm.md')!)}\n\nThe coast guard rescued 14 people.\n`);
    const notices: ReadingNotice[] = [];
    const report = await ingestFolder(db, dir, { onReading: (n) => notices.push(n) });
    expect(report).toMatchObject({ changed: 1, reread: NEWS.length - 1, unchanged: 0 });
    expect(notices).toEqual([rereading(NEWS.length - 1, READING_VERSION - 1)]);
    expect(ingestChanges(report)).toBe(`0 new, 1 changed, 0 deleted, 0 unchanged, ${NEWS.length - 1} read again for the new article reading`);
  });

  it('leaves a store read by a newer version alone, and says so', async () => {
    const { db, dir } = await oldStore();
    await db.query('update search_files set reading = $1', [READING_VERSION + 1]);
    const notices: ReadingNotice[] = [];
    expect(await ingestFolder(db, dir, { onReading: (n) => notices.push(n) })).toMatchObject({ unchanged: NEWS.length, reread: 0 });
    expect(notices).toEqual([{ ...rereading(0, 0), newer: NEWS.length, newest: READING_VERSION + 1 }]);
    expect(readingMessage(notices[0]!)).toBe(
      `${NEWS.length} files were read by a newer version of the bot (reading v${READING_VERSION + 1}; this one reads v${READING_VERSION}): not reading them again`,
    );
    expect(await oldTerms(db)).toBeGreaterThan(0);
    expect(await storedReadings(db)).toEqual([READING_VERSION + 1]);
  });

  it('reads again only the files and feed items an older version read, leaving those a newer version read as they are', async () => {
    const { db, dir } = await oldStore();
    const item = (id: string): Article => ({
      ...article(id, `Feed: ${id}`, [`The ${id} story, as a feed told it.`]),
      file: `${FEED_ITEM_PREFIX}${id}.md`,
    });
    reading.old = true;
    await storeArticles(db, [item('ferry'), item('harbour')]);
    reading.old = false;
    await db.query("update search_files set reading = $1 where file in ('storm.md', 'feed:harbour.md')", [READING_VERSION + 1]);
    await db.query("update search_files set reading = $1 where file = 'feed:ferry.md'", [READING_VERSION - 1]);
    const notices: ReadingNotice[] = [];
    const loaded: string[] = [];
    hooks.beforeLoading = async (file) => void loaded.push(file);
    const report = await ingestFolder(db, dir, { onReading: (n) => notices.push(n) });
    expect(loaded).toHaveLength(NEWS.length - 1);
    expect(loaded).not.toContain('storm.md');
    expect(report).toMatchObject({ unchanged: 1, reread: NEWS.length, changed: 0 });
    expect(notices).toEqual([{ ...rereading(NEWS.length, READING_VERSION - 1, 0, 1), newer: 2, newest: READING_VERSION + 1 }]);
    for (const file of ['storm.md', 'feed:harbour.md']) expect(await oldPostings(db, file)).toBeGreaterThan(0);
    expect(await oldPostings(db, 'feed:ferry.md')).toBe(0);
    expect(await readings(db)).toMatchObject({
      'storm.md': READING_VERSION + 1,
      'feed:harbour.md': READING_VERSION + 1,
      'council.md': READING_VERSION,
      'feed:ferry.md': READING_VERSION,
    });
    await consistent(db);
  });

  it('never stores its older reading over a newer one of the same content that another replica stored meanwhile', async () => {
    const { db, dir } = await oldStore();
    // A replica of the next version reads storm.md after this ingest looked at the store, before it stores it.
    hooks.beforeLoading = async (file) => {
      if (file === 'storm.md') await db.query("update search_files set reading = $1 where file = 'storm.md'", [READING_VERSION + 1]);
    };
    const report = await ingestFolder(db, dir);
    expect(report).toMatchObject({ unchanged: 1, reread: NEWS.length - 1, articles: NEWS.length - 1 });
    expect(await oldPostings(db, 'storm.md')).toBeGreaterThan(0);
    expect(await oldPostings(db, 'storm.md', true)).toBe(0);
    expect(await readings(db)).toMatchObject({ 'storm.md': READING_VERSION + 1, 'council.md': READING_VERSION });
    await consistent(db);
  });

  it('analyses feed items again from their stored text, keeping a copy left out as a duplicate waiting', async () => {
    const { db, dir } = await oldStore();
    const item = (id: string, text: string, url: string | null): Article => ({
      ...article(id, `Feed: ${id}`, [text], url),
      file: `${FEED_ITEM_PREFIX}feeds/example.org/${id}.md`,
    });
    reading.old = true;
    const ferry = item(
      'ferry',
      'The harbour ferry operator ordered two electric boats for the island route this week.',
      'https://news.example.org/ferry',
    );
    // The same story from another feed: left out, waiting on the first.
    const copy = { ...ferry, id: 'ferry-copy', file: `${FEED_ITEM_PREFIX}feeds/example.net/ferry.md` };
    await storeArticles(db, [ferry, copy]);
    reading.old = false;
    await db.query('update search_files set reading = $1', [READING_VERSION - 1]);
    expect(await answers(db, 'What did the ferry operator order?')).toBe('');
    const waiting = async () => Number((await db.query<{ n: string }>('select count(*) as n from search_dropped')).rows[0]!.n);
    expect(await waiting()).toBe(1);
    const notices: ReadingNotice[] = [];
    const report = await ingestFolder(db, dir, { onReading: (n) => notices.push(n) });
    expect(notices).toEqual([rereading(NEWS.length + 2, READING_VERSION - 1, 0, 2)]);
    expect(report).toMatchObject({ reread: NEWS.length + 2, deleted: 0 });
    expect(await answers(db, 'What did the ferry operator order?')).toContain('two electric boats');
    expect(await answers(db, TRAM)).toContain('240 million dollars');
    expect(await oldTerms(db)).toBe(0);
    // Still one ferry story stored and its copy waiting, and the items' files still known (a feed item is fetched once).
    expect(await waiting()).toBe(1);
    const files = await db.query<{ file: string }>('select file from search_files where file like $1 order by file', [`${FEED_ITEM_PREFIX}%`]);
    expect(files.rows.map((r) => r.file)).toEqual([copy.file, ferry.file]);
    await consistent(db);
    expect(await storedReadings(db)).toEqual([READING_VERSION]);
  });

  it('goes on where a re-read that failed midway stopped', async () => {
    const { db, dir } = await oldStore();
    // A file per batch; the fourth in the folder's order (radwege.md) fails, as a server restart would.
    await db.exec(`
      create function fail_file() returns trigger language plpgsql as $$ begin raise exception 'server restarting'; end $$;
      create trigger fail_file before insert on search_articles for each row when (new.file = 'radwege.md') execute function fail_file();
    `);
    await expect(ingestFolder(db, dir, { batchParagraphs: 1 })).rejects.toThrow('server restarting');
    const done = ['bridge.md', 'council.md', 'earnings.md'];
    const left = NEWS.length - done.length;
    expect(
      Object.entries(await readings(db))
        .filter(([, v]) => v === READING_VERSION)
        .map(([f]) => f),
    ).toEqual(done);
    await db.exec('drop trigger fail_file on search_articles');
    const notices: ReadingNotice[] = [];
    const report = await ingestFolder(db, dir, { batchParagraphs: 1, onReading: (n) => notices.push(n) });
    expect(report).toMatchObject({ reread: left, unchanged: done.length, articles: left });
    expect(notices).toEqual([rereading(left, READING_VERSION - 1, done.length)]);
    expect(readingMessage(notices[0]!)).toBe(
      `re-reading ${left} files: the article reading changed (v${READING_VERSION - 1} → v${READING_VERSION}); ${done.length} others were read by v${READING_VERSION} already`,
    );
    expect(await oldTerms(db)).toBe(0);
    expect(await storedReadings(db)).toEqual([READING_VERSION]);
    await consistent(db);
  });

  it('after the folder, a failure among the feed items leaves only them to read again', async () => {
    const { db, dir } = await oldStore();
    reading.old = true;
    await storeArticles(db, [
      { ...article('ferry', 'Ferry order', ['The ferry operator ordered two electric boats.']), file: `${FEED_ITEM_PREFIX}ferry.md` },
    ]);
    reading.old = false;
    await db.query('update search_files set reading = $1', [READING_VERSION - 1]);
    await db.exec(`
      create function fail_feed() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$;
      create trigger fail_feed before insert on search_articles for each row when (new.file like 'feed:%') execute function fail_feed();
    `);
    await expect(ingestFolder(db, dir)).rejects.toThrow('disk full');
    expect((await readings(db))[`${FEED_ITEM_PREFIX}ferry.md`]).toBe(READING_VERSION - 1);
    await db.exec('drop trigger fail_feed on search_articles');
    expect(await ingestFolder(db, dir)).toMatchObject({ reread: 1, unchanged: NEWS.length });
    expect(await oldTerms(db)).toBe(0);
    expect(await storedReadings(db)).toEqual([READING_VERSION]);
  });

  it('a store from before the version was kept per file takes the version it recorded: upgrading reads nothing again', async () => {
    for (const recorded of [READING_VERSION, READING_VERSION - 1]) {
      const { db, dir } = await oldStore();
      // As search step 5 left it: one version for the whole store.
      await db.exec(`
        alter table search_files drop column reading;
        alter table search_stats add column reading integer not null default 0;
        delete from search_migrations where version = 6;
      `);
      await db.query('update search_stats set reading = $1', [recorded]);
      expect(await migrateSearch(db)).toEqual([6]);
      expect(await storedReadings(db)).toEqual([recorded]);
      const report = await ingestFolder(db, dir);
      if (recorded === READING_VERSION) expect(report).toMatchObject({ unchanged: NEWS.length, reread: 0 });
      else expect(report).toMatchObject({ unchanged: 0, reread: NEWS.length });
      expect(await storedReadings(db)).toEqual([READING_VERSION]);
    }
  });

  it('two ingests re-reading at once leave one consistent store at the new version', async () => {
    const { db, dir, url } = await oldStore();
    const other = await openPostgres(url);
    cleanups.push(() => other.close());
    await Promise.all([ingestFolder(db, dir), ingestFolder(other, dir)]);
    expect(await oldTerms(db)).toBe(0);
    await consistent(db);
    const articles = await db.query<{ n: string }>('select count(*) as n from search_articles');
    expect(Number(articles.rows[0]!.n)).toBe(NEWS.length);
    expect(await answers(db, TRAM)).toContain('240 million dollars');
    expect(await storedReadings(db)).toEqual([READING_VERSION]);
  });

  it('the bot says once why it reads everything again, and warns once when the store is newer', async () => {
    const { db, dir, url } = await oldStore();
    const config = testConfig({ articlesDir: dir, searchBackend: 'postgres', state: { dir: '.state', databaseUrl: url } });
    const first = captureLog('info');
    const search = await PostgresLiveSearch.open(config, first.log, {});
    await search.reload();
    await search.close();
    const rereading = first.lines.filter((l) => l.includes('re-reading'));
    expect(rereading).toHaveLength(1);
    expect(rereading[0]).toContain(`re-reading ${NEWS.length} files: the article reading changed (v${READING_VERSION - 1} → v${READING_VERSION})`);
    expect(await answers(db, TRAM)).toContain('240 million dollars');

    await db.query('update search_files set reading = $1', [READING_VERSION + 1]);
    const later = captureLog('info');
    const newer = await PostgresLiveSearch.open(config, later.log, {});
    await newer.reload();
    await newer.reload();
    await newer.close();
    const warnings = later.lines.filter((l) => l.includes('read by a newer version'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `${NEWS.length} files were read by a newer version of the bot (reading v${READING_VERSION + 1}; this one reads v${READING_VERSION})`,
    );
  });
});
