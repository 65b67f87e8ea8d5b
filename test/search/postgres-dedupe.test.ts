/**
 * The same story in two files (a feed copy and a page, two scrapes) answers once over PostgreSQL, as
 * the embedded index does (issue 17, "Same answers"), and the copy left out answers again once the
 * kept copy's file goes or stops holding the story. Skipped with the reason when no PostgreSQL
 * answers, unless REQUIRE_POSTGRES=1.
 */
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/articles/library.js';
import type { Article } from '../../src/articles/types.js';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { PostgresSearch } from '../../src/search/postgres/backend.js';
import { migrateSearch } from '../../src/search/postgres/schema.js';
import { FEED_ITEM_PREFIX, ingestFolder, storeArticles } from '../../src/search/postgres/store.js';
import { openPostgres } from '../../src/state/postgres.js';
import type { SqlDb } from '../../src/state/sql.js';
import type { Answer } from '../../src/search/types.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';
import { article, markdownOf, NEWS, STORM } from './fixture.js';

const unavailable = await postgresUnavailable();
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function shown(a: Answer) {
  return {
    reason: a.reason,
    articleCount: a.articleCount,
    passages: a.passages.map((p) => ({ article: p.article.id, paragraph: p.paragraph.index, text: p.text, score: p.score })),
  };
}

/** The storm story again under another address and title, as a second scrape or an aggregator's copy. */
const STORM_COPY = { ...STORM, id: 'storm-copy', file: 'storm-copy.md', title: 'Coastal towns flooded', url: 'https://mirror.example.net/storm' };
const QUESTION = 'How many homes lost electricity in the storm?';

async function setUp(): Promise<{ db: SqlDb; dir: string }> {
  const { url, drop } = await throwawayDatabase();
  cleanups.push(drop);
  const db = await openPostgres(url);
  cleanups.push(() => db.close());
  await migrateSearch(db);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-dedupe-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { db, dir };
}

describe.skipIf(unavailable !== undefined)(`duplicate stories with PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('answers a story held by two files once, as the embedded index does', async () => {
    const { db, dir } = await setUp();
    for (const a of [...NEWS, STORM_COPY]) writeFileSync(path.join(dir, a.file), markdownOf(a));
    const report = await ingestFolder(db, dir);
    expect(report).toMatchObject({ added: NEWS.length + 1, duplicates: 1 });
    const embedded = SearchIndex.build((await loadArticles(dir)).articles);
    const search = new PostgresSearch(db);
    for (const q of [QUESTION, 'When will power be restored after Storm Ingrid?', 'How much will the tram line cost?']) {
      expect(shown(await search.answer(q)), q).toEqual(shown(answer(embedded, q)));
    }
    const texts = (await search.answer(QUESTION)).passages.map((p) => p.text);
    expect(texts.some((t) => t.includes('18,000'))).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('answers from the copy left out once the kept copy is deleted, or changed so it no longer holds the story', async () => {
    const { db, dir } = await setUp();
    const write = (a: Article) => writeFileSync(path.join(dir, a.file), markdownOf(a));
    write(STORM);
    expect(await ingestFolder(db, dir)).toMatchObject({ added: 1, duplicates: 0 });
    write(STORM_COPY);
    expect(await ingestFolder(db, dir)).toMatchObject({ added: 1, duplicates: 1 });
    const search = new PostgresSearch(db);
    expect((await search.answer(QUESTION)).passages.map((p) => p.article.file)).not.toContain('storm-copy.md');

    // Changed to another story: the copy answers in its place, and the new text too.
    write(article('storm', 'Harbour festival returns', ['The harbour festival returns in June with forty boats and a night market on the quay.']));
    expect(await ingestFolder(db, dir)).toMatchObject({ changed: 1, duplicates: 0 });
    expect((await search.answer(QUESTION)).passages[0]).toMatchObject({ article: { file: 'storm-copy.md' } });
    expect((await search.answer(QUESTION)).passages[0]?.text).toContain('18,000');

    // The story back in the first file: now that one is the copy left out; deleting the kept copy
    // brings it back.
    write(STORM);
    expect(await ingestFolder(db, dir)).toMatchObject({ changed: 1, duplicates: 1 });
    unlinkSync(path.join(dir, STORM_COPY.file));
    expect(await ingestFolder(db, dir)).toMatchObject({ deleted: 1 });
    const after = await search.answer(QUESTION);
    expect(after.passages[0]).toMatchObject({ article: { file: 'storm.md' } });
    expect(after.passages[0]?.text).toContain('18,000');
    const stats = await db.query<{ articles: string }>('select articles from search_stats');
    expect(stats.rows[0]).toEqual({ articles: '1' });
  });

  it('leaves out a feed item that copies a stored file, and stores it once the file is deleted', async () => {
    const { db, dir } = await setUp();
    writeFileSync(path.join(dir, STORM.file), markdownOf(STORM));
    await ingestFolder(db, dir);
    const item = { ...STORM_COPY, file: `${FEED_ITEM_PREFIX}feeds/mirror/storm.md` };
    await storeArticles(db, [item]);
    const search = new PostgresSearch(db);
    const files = (await search.answer(QUESTION)).passages.map((p) => p.article.file);
    expect(files).toContain('storm.md');
    expect(files).not.toContain(item.file);

    unlinkSync(path.join(dir, STORM.file));
    await ingestFolder(db, dir);
    expect((await search.answer(QUESTION)).passages[0]).toMatchObject({ article: { file: item.file } });
  });
});
