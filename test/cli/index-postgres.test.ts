import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';
import { loadArticles } from '../../src/articles/library.js';
import { postgresFeedSink } from '../../src/feeds/postgres-sink.js';
import { saveState } from '../../src/feeds/state.js';
import { renderArticle } from '../../src/feeds/store.js';
import { READING_VERSION } from '../../src/search/index.js';
import { openPostgres } from '../../src/state/postgres.js';
import { postgresUnavailable, throwawayDatabase } from '../state/stores.js';

const unavailable = await postgresUnavailable();

const PIER = `---
title: Harbour pier opens after two years of work
url: https://example.org/news/pier
published: 2024-05-02
source: Harbour Times
---
The harbour authority opened the new pier on Tuesday after two years of construction work.

Fishing boats will moor at the pier from June, the authority said in a statement on its website.
`;

let dir: string;
const write = (rel: string, content: string) => {
  const abs = path.join(dir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
};

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, cwd: dir });
  return { code, stdout, stderr };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'index-postgres-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run index -- --to-postgres / --from-postgres', () => {
  it('without DATABASE_URL: one "error:" line, exit 2', async () => {
    write('articles/pier.md', PIER);
    const { code, stdout, stderr } = await run(['--articles', 'articles', '--to-postgres']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: --to-postgres and --from-postgres need DATABASE_URL (the PostgreSQL server to use)\n');
  });

  it.skipIf(unavailable !== undefined)('moves a folder in, incrementally, and back out to a folder the embedded bot reads the same', async () => {
    const { url, drop } = await throwawayDatabase();
    try {
      const env = { DATABASE_URL: url };
      write('articles/pier.md', PIER);
      write('articles/more/notes.txt', 'Weather notes\n\nHeavy rain is expected across the north of the country on Thursday night.');
      const first = await run(['--articles', 'articles', '--to-postgres'], env);
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(
        /^warning: more\/notes\.txt: no url: replies will name the file instead\n2 files: 2 new, 0 changed, 0 deleted, 0 unchanged; 2 articles \(3 paragraphs\) stored in /m,
      );
      const again = await run(['--articles', 'articles', '--to-postgres'], env);
      expect(again.stdout).toMatch(/^2 files: 0 new, 0 changed, 0 deleted, 2 unchanged; 0 articles \(0 paragraphs\) stored in /);

      // A store read by an older version of the article reading (0: before the version was recorded) is read again, once.
      const pool = await openPostgres(url);
      await pool.query('update search_files set reading = 0').finally(() => pool.close());
      const reread = await run(['--articles', 'articles', '--to-postgres'], env);
      expect(reread.stdout).toMatch(
        new RegExp(
          `^re-reading 2 files: the article reading changed \\(v0 → v${READING_VERSION}\\)\nwarning: more/notes\\.txt: no url: replies will name the file instead\n` +
            `2 files: 0 new, 0 changed, 0 deleted, 0 unchanged, 2 read again for the new article reading; 2 articles \\(3 paragraphs\\) stored in `,
        ),
      );
      expect((await run(['--articles', 'articles', '--to-postgres'], env)).stdout).toMatch(/^2 files: 0 new, 0 changed, 0 deleted, 2 unchanged;/);

      const out = await run(['--from-postgres', 'back'], env);
      expect(out).toMatchObject({ code: 0, stderr: '' });
      expect(out.stdout).toBe(`2 articles written to 2 files in ${path.join(dir, 'back')}\n`);
      expect(readdirSync(path.join(dir, 'back'), { recursive: true }).sort()).toEqual(['more', 'more/notes.jsonl', 'pier.jsonl']);
      const before = (await loadArticles(path.join(dir, 'articles'))).articles;
      const after = (await loadArticles(path.join(dir, 'back'))).articles;
      const seen = (a: (typeof before)[number]) => ({
        title: a.title,
        url: a.url,
        published: a.published,
        source: a.source,
        texts: a.paragraphs.map((p) => p.text),
      });
      expect(after.map(seen)).toEqual(before.map(seen));

      // Never into a folder that holds something: nothing there is overwritten.
      const refused = await run(['--from-postgres', 'articles'], env);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(`error: ${path.join(dir, 'articles')} is not empty: give a new or empty folder to write the articles into\n`);

      // A second copy of the pier story (another scrape, with a tracking parameter): said, not stored.
      write('articles/pier-again.md', PIER.replace('news/pier', 'news/pier?utm_source=rss'));
      const copy = await run(['--articles', 'articles', '--to-postgres'], env);
      expect(copy.stdout).toMatch(
        /^3 files: 1 new, 0 changed, 0 deleted, 2 unchanged; .*; 1 left out as duplicates of a story stored from another file\n/m,
      );
    } finally {
      await drop();
    }
  });

  it.skipIf(unavailable !== undefined)('moves the feeds along: the state file in, and feed items and state back out', async () => {
    const { url, drop } = await throwawayDatabase();
    try {
      write('articles/pier.md', PIER);
      mkdirSync(path.join(dir, 'cache'));
      const feed = 'https://example.org/rss.xml';
      await saveState(path.join(dir, 'cache/feeds.json'), {
        version: 1,
        feeds: { [feed]: { etag: '"v7"', lastSuccess: '2024-05-02T10:00:00.000Z' } },
        seen: { 'guid:pier-1': 'feeds/example.org/2024-05-02-pier-1a2b3c4d.md' },
      });
      const moved = await run(['--articles', 'articles', '--to-postgres'], { DATABASE_URL: url, INDEX_CACHE_DIR: 'cache' });
      expect(moved.code).toBe(0);
      expect(moved.stdout).toContain(`feed state: 1 feeds and 1 stored items brought in from ${path.join(dir, 'cache/feeds.json')}\n`);
      // What the scaled mode's feeds carry on from, and an item they stored since.
      const db = await openPostgres(url);
      try {
        const sink = postgresFeedSink(db);
        expect(await sink.load()).toEqual({
          version: 1,
          feeds: { [feed]: { etag: '"v7"', lastSuccess: '2024-05-02T10:00:00.000Z' } },
          seen: { 'guid:pier-1': 'feeds/example.org/2024-05-02-pier-1a2b3c4d.md' },
        });
        const item = renderArticle(
          { title: 'Ferry timetable changes', url: 'https://example.org/ferry', published: '2024-05-03', guid: 'ferry-2', feed },
          ['The harbour ferry will run every twenty minutes from the first of June, the operator said.'],
        );
        await sink.write('feeds/example.org/2024-05-03-ferry-timetable-changes-5e6f7a8b.md', item);
        const state = await sink.load();
        state.seen['guid:ferry-2'] = 'feed:feeds/example.org/2024-05-03-ferry-timetable-changes-5e6f7a8b.md';
        await sink.save(state);
      } finally {
        await db.close();
      }

      const out = await run(['--from-postgres', 'back'], { DATABASE_URL: url, INDEX_CACHE_DIR: 'cache-back' });
      expect(out).toMatchObject({ code: 0, stderr: '' });
      expect(readdirSync(path.join(dir, 'back'), { recursive: true }).sort()).toEqual([
        'feeds',
        'feeds/example.org',
        'feeds/example.org/2024-05-03-ferry-timetable-changes-5e6f7a8b.jsonl',
        'pier.jsonl',
      ]);
      const titles = (await loadArticles(path.join(dir, 'back'))).articles.map((a) => a.title).sort();
      expect(titles).toEqual(['Ferry timetable changes', 'Harbour pier opens after two years of work']);
      const back = JSON.parse(readFileSync(path.join(dir, 'cache-back/feeds.json'), 'utf8')) as { feeds: object; seen: object };
      expect(back.feeds).toEqual({ [feed]: { etag: '"v7"', lastSuccess: '2024-05-02T10:00:00.000Z' } });
      expect(back.seen).toEqual({
        'guid:pier-1': 'feeds/example.org/2024-05-02-pier-1a2b3c4d.md',
        'guid:ferry-2': 'feeds/example.org/2024-05-03-ferry-timetable-changes-5e6f7a8b.md',
      });
    } finally {
      await drop();
    }
  });
});
