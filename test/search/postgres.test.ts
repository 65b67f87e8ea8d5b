import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/articles/library.js';
import type { Article } from '../../src/articles/types.js';
import { LEASE_KEYS } from '../../src/state/coordination.js';
import { openPostgres } from '../../src/state/postgres.js';
import type { SqlDb } from '../../src/state/sql.js';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { PostgresSearch } from '../../src/search/postgres/backend.js';
import { migrateSearch, SEARCH_MIGRATIONS } from '../../src/search/postgres/schema.js';
import { ingestFolder, storedArticles } from '../../src/search/postgres/store.js';
import type { Answer } from '../../src/search/types.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';
import { article, markdownOf, NEWS } from './fixture.js';

const unavailable = await postgresUnavailable();

/** What a reader sees of an answer: the passages' articles, paragraphs and texts, the reason, and whether it is tentative. */
function shown(a: Answer) {
  return {
    reason: a.reason,
    tentative: a.tentative,
    articleCount: a.articleCount,
    passages: a.passages.map((p) => ({ article: p.article.id, paragraph: p.paragraph.index, neighbour: p.neighbour, text: p.text, score: p.score })),
  };
}

describe.skipIf(unavailable !== undefined)('the PostgreSQL search backend', () => {
  let drop: () => Promise<void>;
  let url: string;
  let db: SqlDb;
  let dir: string;

  beforeAll(async () => {
    ({ url, drop } = await throwawayDatabase());
  });
  afterAll(async () => {
    await drop();
  });
  beforeEach(async () => {
    db = await openPostgres(url);
    await migrateSearch(db);
    dir = mkdtempSync(path.join(os.tmpdir(), 'pg-search-'));
  });
  afterEach(async () => {
    await db.query(
      'truncate search_files, search_articles, search_paragraphs, search_postings, search_terms, search_words, search_languages, search_story_keys, search_dropped',
    );
    await db.query('update search_stats set paragraphs = 0, total_length = 0, articles = 0');
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = (a: Article) => writeFileSync(path.join(dir, a.file), markdownOf(a));

  it('answers the fixture questions as the embedded index does, passage for passage and score for score', async () => {
    for (const a of NEWS) write(a);
    const report = await ingestFolder(db, dir);
    expect(report).toMatchObject({ files: NEWS.length, added: NEWS.length, changed: 0, deleted: 0, unchanged: 0 });
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    const search = new PostgresSearch(db);
    const questions = [
      'How much will the tram line cost?',
      'Who did Northbridge United sign?',
      'How many homes lost electricity in the storm?',
      'What was Lumatech quarterly revenue?',
      'What did the astronomers detect?',
      'Когда открыли мост в Казани?',
      'Wie viele Radwege baut Hamburg?',
      '¿Cómo están los embalses de Andalucía?',
      'When does construction of the tram begin?',
      'What is the weather on Mars?',
      'thanks!',
      '',
    ];
    for (const q of questions) expect(shown(await search.answer(q)), q).toEqual(shown(answer(embedded, q)));
    // Not every question was declined: the comparison covers answers.
    expect((await search.answer(questions[0]!)).passages[0]?.text).toContain('240 million dollars');
  });

  it('weighs an article by its second-best paragraph as the embedded index does, also when only its first paragraph matches', async () => {
    // The candidates hold only paragraphs answer() reads: without the second paragraph, an article
    // whose first paragraph alone matches would look like an article of one paragraph (see articleSupport).
    const longer = article('timetable', 'Harbour news', [
      'The ferry timetable changes on Monday for the winter season, with fewer boats at night.',
      'The library extends its opening hours until eight in the evening.',
      'The museum opens a new wing for maritime paintings next spring.',
    ]);
    const single = article('note', 'Ferry note', ['Ferry timetable: the winter season starts with fewer boats.']);
    for (const a of [longer, single, ...NEWS]) write(a);
    await ingestFolder(db, dir);
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    const search = new PostgresSearch(db);
    const q = 'When does the ferry timetable change for the winter?';
    const expected = shown(answer(embedded, q));
    expect(expected.passages.map((p) => p.article)).toEqual(expect.arrayContaining(['timetable.md', 'note.md']));
    expect(shown(await search.answer(q))).toEqual(expected);
  });

  it('shows a heading with the paragraph under it, as the embedded index does, though that paragraph holds no question word', async () => {
    const roundup = article('roundup', 'Virus updates: holiday crowds, conventions', [
      'Governor says the state is ready for the holiday weekend crowds at its beaches and parks.',
      'Party threatens to move its national convention from N.C.',
      'In a series of posts Monday, the chair said the August event in Charlotte could go elsewhere.',
      'Crowds packed the boardwalk in Ocean City on Saturday, and few of them wore masks.',
    ]);
    for (const a of [roundup, ...NEWS]) write(a);
    await ingestFolder(db, dir);
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    const q = 'party threatens to move national convention';
    const expected = shown(answer(embedded, q));
    expect(expected.passages[0]?.text).toContain('in Charlotte');
    expect(shown(await new PostgresSearch(db).answer(q))).toEqual(expected);
  });

  it('shows a short paragraph with the one after it, as the embedded index does, though that one holds no question word', async () => {
    const floods = article('floods', 'Floods hit the Elwin valley', [
      'Heavy rain fell across the Elwin valley for three days this week.',
      'The floods destroyed homes and farms along the river in the Elwin valley, the governor said on Monday, as crews worked through the night to clear roads and reach villages cut off by the water.',
      'In all, 340 were lost, and rebuilding could take years.',
      'The governor asked for federal help on Tuesday.',
    ]);
    for (const a of [floods, ...NEWS]) write(a);
    await ingestFolder(db, dir);
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    const q = 'how many homes did the floods in the elwin valley destroy';
    const expected = shown(answer(embedded, q));
    expect(expected.passages[0]).toMatchObject({ paragraph: 1, neighbour: 2 });
    expect(expected.passages[0]?.text).toContain('340 were lost');
    expect(shown(await new PostgresSearch(db).answer(q))).toEqual(expected);
  });

  it('corrects a misspelled word through the vocabulary, as the embedded index does', async () => {
    for (const a of NEWS) write(a);
    await ingestFolder(db, dir);
    const got = await new PostgresSearch(db).answer('How many homes lost electrcity?');
    expect(got.passages[0]?.text).toContain('18,000 homes lost electricity');
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    expect(shown(got)).toEqual(shown(answer(embedded, 'How many homes lost electrcity?')));
  });

  it('reads a reader’s acronym as the name the articles spell out, as the embedded index does', async () => {
    // "doj" is in no article: the postings of "justice" and "department" are read for it (see register.ts).
    const hiring = article('hiring', 'Washington moves against crypto fraud', [
      'The Justice Department is hiring 150 federal prosecutors to pursue fraud on digital exchanges.',
      'Crypto prices fell again on Monday as lawmakers argued over new rules for exchanges.',
    ]);
    for (const a of [hiring, ...NEWS]) write(a);
    await ingestFolder(db, dir);
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    const q = 'how many prosecutors is the doj hiring';
    const got = await new PostgresSearch(db).answer(q);
    expect(got.passages[0]?.text).toContain('150 federal prosecutors');
    expect(shown(got)).toEqual(shown(answer(embedded, q)));
  });

  it('reads a reader’s "say" as the news’s "claimed", as the embedded index does', async () => {
    // The postings of "claimed" are read for "say" (see register.ts), though the question never says it.
    const balloon = article('balloon', 'Jets shoot down a craft off the coast', [
      'Fighter jets shot the craft down off the coast on Saturday after it drifted over three states.',
      'The ministry claimed the balloon was a weather craft blown off course by strong winds.',
      'The ministry did not say when its pilots would return to the base.',
      'Divers are still collecting pieces of the craft from the sea floor.',
    ]);
    for (const a of [balloon, ...NEWS]) write(a);
    await ingestFolder(db, dir);
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    const q = 'what did the ministry say the balloon was';
    const got = await new PostgresSearch(db).answer(q);
    expect(got.passages[0]?.text).toContain('claimed the balloon was a weather craft');
    expect(shown(got)).toEqual(shown(answer(embedded, q)));
  });

  it('matches a compound the articles never write through its parts, as the embedded index does', async () => {
    // "Radwegnetz" is in no article: split into "Radweg" + "Netz", whose paragraphs the parts find.
    const city = article('hamburg', 'Nachrichten aus Hamburg', [
      'Hamburg, Hamburg: die Stadt Hamburg feiert am Wochenende ihr Hafenfest.',
      'In Hamburg soll das Netz der Radwege bis zum Jahr 2028 um 120 Kilometer wachsen, sagte der Senat.',
      'Die Stadt Hamburg plant außerdem neue Parks und Spielplätze für die Familien.',
    ]);
    write(city);
    await ingestFolder(db, dir);
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    const q = 'Wie wächst das Radwegnetz in Hamburg?';
    const got = await new PostgresSearch(db).answer(q, { minConfidence: 0 });
    expect(got.passages[0]?.text).toContain('Netz der Radwege');
    expect(shown(got)).toEqual(shown(answer(embedded, q, { minConfidence: 0 })));
  });

  it('hands over an article for every question word the articles hold, even past the best candidates', async () => {
    for (const a of NEWS) write(a);
    await ingestFolder(db, dir);
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    // One candidate paragraph: the other words' articles come only from the covering lookup. Without
    // it "tram" would be read as a word no article has, and its passage would be missing.
    const search = new PostgresSearch(db, { candidates: 1 });
    for (const q of ['Storm Ingrid in Port Elwin and the tram line cost', 'Lumatech revenue and the Varga transfer fee']) {
      const got = await search.answer(q, { minConfidence: 0 });
      expect(got.passages.map((p) => p.article.file).sort(), q).toEqual(
        answer(embedded, q, { minConfidence: 0 })
          .passages.map((p) => p.article.file)
          .sort(),
      );
    }
  });

  it('reads each question term only where it weighs most, and still finds the paragraph that answers', async () => {
    // "Ferry" is in every article, mostly in passing in long paragraphs; one short paragraph is about it.
    const filler = 'the council met on tuesday to discuss parking budgets schools libraries and the new swimming pool near the station';
    const passing = Array.from({ length: 8 }, (_, i) =>
      article(`passing-${i}`, `Council notes ${i}`, [`${filler} and a ferry timetable note number ${i}.`]),
    );
    const about = article('about', 'Ferry news', ['The ferry ferry service to Kessel Island resumes on Monday.']);
    for (const a of [...passing, about]) write(a);
    await ingestFolder(db, dir);
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    // One posting per term and one candidate: only the posting with the best weight can give the answer.
    const search = new PostgresSearch(db, { perTerm: 1, candidates: 1 });
    for (const q of ['When does the ferry resume?', 'ferry']) {
      const got = await search.answer(q, { minConfidence: 0 });
      expect(got.passages[0]?.article.file, q).toBe('about.md');
      expect(got.passages[0]?.text, q).toBe(answer(embedded, q, { minConfidence: 0 }).passages[0]?.text);
    }
    // Taking the articles out takes their postings with them.
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    await ingestFolder(db, dir);
    expect((await db.query<{ n: string }>('select count(*) as n from search_postings')).rows).toEqual([{ n: '0' }]);
  });

  it('counts articles stored after its previous answer in the very next one', async () => {
    const [council, transfer, storm] = NEWS as [Article, Article, Article];
    write(council);
    await ingestFolder(db, dir);
    const search = new PostgresSearch(db);
    expect((await search.answer('How much will the tram line cost?')).articleCount).toBe(1);
    write(transfer);
    write(storm);
    await ingestFolder(db, dir);
    const next = await search.answer('How many homes lost electricity?');
    expect(next.articleCount).toBe(3);
    expect(next.passages[0]?.article.file).toBe(storm.file);
  });

  it('takes in new, changed and deleted files, and does not read files whose size and time are unchanged', async () => {
    const [council, transfer, storm] = NEWS as [Article, Article, Article];
    write(council);
    write(transfer);
    expect(await ingestFolder(db, dir)).toMatchObject({ added: 2, changed: 0, deleted: 0, unchanged: 0, articles: 2 });
    const search = new PostgresSearch(db);

    // New: the storm story is found; deleted: the transfer story is not.
    write(storm);
    unlinkSync(path.join(dir, transfer.file));
    expect(await ingestFolder(db, dir)).toMatchObject({ added: 1, changed: 0, deleted: 1, unchanged: 1 });
    expect((await search.answer('How many homes lost electricity?')).passages[0]?.article.file).toBe(storm.file);
    expect((await search.answer('Who did Northbridge United sign for a club record fee?')).reason).toBe('not-found');
    expect((await search.answer('Who did Northbridge United sign?')).articleCount).toBe(2);

    // Changed: the new text answers, the old one is gone from the vocabulary too.
    const changed = article(council.id, council.title, [
      council.paragraphs[0]!.text,
      'The tram line will cost 310 million dollars after a review of the budget.',
    ]);
    write(changed);
    utimesSync(path.join(dir, council.file), new Date(), new Date(Date.now() + 5_000));
    expect(await ingestFolder(db, dir)).toMatchObject({ added: 0, changed: 1, deleted: 0, unchanged: 1 });
    expect((await search.answer('How much will the tram line cost?')).passages[0]?.text).toContain('310 million');
    const words = await db.query<{ word: string }>("select word from search_words where word = 'grant'");
    expect(words.rows).toEqual([]);

    // Touched, same bytes: noted, not stored again. Then same size and modification time: not read
    // again, even though (unusually) its bytes differ.
    const file = path.join(dir, storm.file);
    const when = new Date('2026-01-02T03:04:05Z');
    utimesSync(file, when, when);
    expect(await ingestFolder(db, dir)).toMatchObject({ added: 0, changed: 0, deleted: 0, unchanged: 2 });
    writeFileSync(file, markdownOf(storm).replace('18,000', '19,000'));
    utimesSync(file, when, when);
    expect(await ingestFolder(db, dir)).toMatchObject({ added: 0, changed: 0, deleted: 0, unchanged: 2 });
    expect((await search.answer('How many homes lost electricity?')).passages[0]?.text).toContain('18,000');

    // The statistics are those of what is stored now, as if it had been stored in one go.
    const stats = await db.query<{ paragraphs: string; articles: string }>('select paragraphs, articles from search_stats');
    expect(stats.rows[0]).toEqual({ paragraphs: String(changed.paragraphs.length + storm.paragraphs.length), articles: '2' });
    const df = await db.query<{ df: string }>("select df from search_terms where term = 'tram'");
    expect(df.rows).toEqual([{ df: '2' }]);
  });

  it('builds the indexes a first load leaves out, and one a crash left missing at the next ingest that stores something', async () => {
    const indexes = async () =>
      (
        await db.query<{ name: string }>(
          "select indexname as name from pg_indexes where tablename in ('search_postings', 'search_terms', 'search_words') order by 1",
        )
      ).rows.map((r) => r.name);
    const all = await indexes();
    expect(all).toEqual(expect.arrayContaining(['search_postings_impact', 'search_postings_pkey', 'search_terms_trgm', 'search_words_trgm']));
    const [council, transfer] = NEWS as [Article, Article];
    write(council);
    await ingestFolder(db, dir);
    expect(await indexes()).toEqual(all);
    // As a first load stopped before its end leaves the store.
    await db.query('drop index search_postings_impact');
    await db.query('drop index search_words_trgm');
    expect(await ingestFolder(db, dir)).toMatchObject({ added: 0, unchanged: 1 });
    write(transfer);
    expect(await ingestFolder(db, dir)).toMatchObject({ added: 1, unchanged: 1 });
    expect(await indexes()).toEqual(all);
    expect((await new PostgresSearch(db).answer('Who did Northbridge United sign?')).passages[0]?.article.file).toBe(transfer.file);
  });

  it('stores files while a replica of the bot holds the polling lease on the same database', async () => {
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('select pg_advisory_lock($1)', [LEASE_KEYS.polling]);
      write(NEWS[0]!);
      expect(await ingestFolder(db, dir)).toMatchObject({ added: 1 });
    } finally {
      await holder.end();
    }
  });

  it('gives back every stored article (moving back to a folder)', async () => {
    for (const a of NEWS.slice(0, 3)) write(a);
    await ingestFolder(db, dir);
    const back: Article[] = [];
    for await (const a of storedArticles(db, 2)) back.push(a);
    expect(back).toEqual((await loadArticles(dir)).articles);
  });
});

describe.skipIf(unavailable !== undefined)('search migrations', () => {
  it('run once when several processes start at once', async () => {
    const { url, drop } = await throwawayDatabase();
    const dbs = await Promise.all([1, 2, 3, 4].map(() => openPostgres(url)));
    try {
      const applied = await Promise.all(dbs.map((db) => migrateSearch(db)));
      expect(applied.flat()).toEqual([1, 2, 3, 4, 5, 6]);
      const tables = await dbs[0]!.query<{ n: string }>("select count(*) as n from pg_tables where tablename like 'search\\_%'");
      expect(Number(tables.rows[0]!.n)).toBe(11);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await drop();
    }
  });

  it('give a database stored before postings existed the postings of its paragraphs', async () => {
    const { url, drop } = await throwawayDatabase();
    const db = await openPostgres(url);
    try {
      await migrateSearch(db, SEARCH_MIGRATIONS.slice(0, 1));
      await db.query("insert into search_articles values (1, 'a.md', 'en', null, '{}', '{ferry}')");
      await db.query("insert into search_paragraphs values (1, 0, 0, 3, 'ferry:1,3 kessel:2', 'Ferry to Kessel, the ferry.')");
      await db.query('update search_stats set paragraphs = 1, total_length = 3, articles = 1');
      expect(await migrateSearch(db)).toEqual([2, 3, 4, 5, 6]);
      const rows = await db.query('select term, article_id, position, tf, length from search_postings order by term');
      expect(rows.rows).toEqual([
        { term: 'ferry', article_id: '1', position: 0, tf: 2, length: 3 },
        { term: 'kessel', article_id: '1', position: 0, tf: 1, length: 3 },
      ]);
    } finally {
      await db.close();
      await drop();
    }
  });
});
