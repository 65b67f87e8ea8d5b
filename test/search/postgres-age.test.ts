/**
 * MAX_AGE_DAYS in the PostgreSQL backend (issue 17, point 9): an article that grows older than the
 * limit leaves the database at the next ingest even though its file did not change (the embedded
 * index leaves it out at every load), and so does a feed item, which has no file. Skipped with the
 * reason when no PostgreSQL answers, unless REQUIRE_POSTGRES=1.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/state/postgres.js';
import { migrateSearch } from '../../src/search/postgres/schema.js';
import { FEED_ITEM_PREFIX, ingestFolder, storeArticles } from '../../src/search/postgres/store.js';
import { article } from './fixture.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';

const unavailable = await postgresUnavailable();
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const OLD = `---
title: Ferry timetable changes for the spring
published: 2024-03-01
---

The harbour ferry will run every twenty minutes from the first of April, the operator said on Friday.
`;
const NEW = `---
title: Lighthouse museum reopens
published: 2024-05-20
---

The lighthouse museum reopened on Monday after a year of restoration work on its lantern room.
`;

describe.skipIf(unavailable !== undefined)(`MAX_AGE_DAYS with PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  it('takes out articles that have grown too old, from unchanged files and feed items alike', async () => {
    const { url, drop } = await throwawayDatabase();
    cleanups.push(drop);
    const db = await openPostgres(url);
    cleanups.push(() => db.close());
    await migrateSearch(db);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-age-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'ferry.md'), OLD);
    writeFileSync(path.join(dir, 'museum.md'), NEW);
    const feedItem = {
      ...article('feed-item', 'Old feed item about the ferry', ['The ferry operator ordered two new boats for the harbour route this week.']),
    };
    await storeArticles(db, [{ ...feedItem, file: `${FEED_ITEM_PREFIX}feeds/example.org/old.md`, published: '2024-03-02' }]);
    const titles = async () =>
      (await db.query<{ title: string }>("select meta->>'title' as title from search_articles order by 1")).rows.map((r) => r.title);

    const options = (now: string) => ({ maxAgeDays: 30, now: new Date(now) });
    expect(await ingestFolder(db, dir, options('2024-03-20'))).toMatchObject({ added: 2, expired: 0 });
    expect(await titles()).toEqual(['Ferry timetable changes for the spring', 'Lighthouse museum reopens', 'Old feed item about the ferry']);

    // Two months on, nothing in the folder changed: the ferry story and the feed item are past the limit.
    expect(await ingestFolder(db, dir, options('2024-05-25'))).toMatchObject({ added: 0, changed: 0, deleted: 0, expired: 2, unchanged: 1 });
    expect(await titles()).toEqual(['Lighthouse museum reopens']);
    const stats = await db.query<{ articles: string }>('select articles from search_stats');
    expect(stats.rows[0]).toEqual({ articles: '1' });
    // And the file is not read again and again.
    expect(await ingestFolder(db, dir, options('2024-05-26'))).toMatchObject({ expired: 0, unchanged: 2 });
  });
});
