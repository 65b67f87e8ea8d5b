import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/app/live-index.js';
import { createLogger } from '../../src/log.js';
import { makeFolder, shown, topFile, type Folder } from './fixtures.js';

/** A file counts as changed when its size or its modification time differs: either alone is enough. */
const PIER = 'When did the harbour pier open?';

let folder: Folder;
let live: LiveIndex | undefined;
beforeEach(() => {
  folder = makeFolder();
});
afterEach(async () => {
  await live?.close();
  live = undefined;
  folder.cleanup();
});

async function open(progress: Array<[number, number]>) {
  return LiveIndex.open({
    articlesDir: folder.articles,
    log: createLogger({ level: 'silent' }),
    progress: (done: number, total: number) => progress.push([done, total]),
  });
}

describe('file fingerprints', () => {
  it('a reload re-reads a file rewritten with another size but the same modification time, and only that file', async () => {
    const file = path.join(folder.articles, 'pier.md');
    const second = Math.floor(statSync(file).mtimeMs / 1000) - 60; // whole seconds survive utimes exactly
    utimesSync(file, second, second);
    const progress: Array<[number, number]> = [];
    live = await open(progress);
    const before = statSync(file);
    expect(shown(live.ask(PIER))[0]!.text).toContain('Tuesday');
    folder.write('pier.md', readFileSync(file, 'utf8').replace('Tuesday', 'Wednesday'));
    utimesSync(file, second, second);
    expect(statSync(file).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(file).size).not.toBe(before.size);
    progress.length = 0;
    expect(await live.reload()).toMatchObject({ reread: 1, removed: 0, articles: 3, fromCache: false });
    expect(progress).toEqual([[1, 1]]);
    expect(shown(live.ask(PIER))[0]!.text).toContain('Wednesday');
  });

  it('counts a file touched to a newer time as the one file to re-read', async () => {
    const progress: Array<[number, number]> = [];
    live = await open(progress);
    const file = path.join(folder.articles, 'pier.md');
    const later = statSync(file).mtime.getTime() / 1000 + 10;
    utimesSync(file, later, later);
    progress.length = 0;
    expect(await live.reload()).toMatchObject({ reread: 1, removed: 0, articles: 3 });
    expect(progress).toEqual([[1, 1]]);
  });

  it('a reload with nothing changed says so: nothing re-read and nothing taken from the cache', async () => {
    live = await open([]);
    expect(await live.reload()).toMatchObject({ reread: 0, removed: 0, fromCache: false, articles: 3 });
  });

  it('a reload with nothing changed does not rewrite the saved index', async () => {
    live = await LiveIndex.open({ articlesDir: folder.articles, cacheDir: folder.cache, log: createLogger({ level: 'silent' }) });
    await live.whenSaved();
    const [dir] = readdirSync(folder.cache);
    const saved = path.join(folder.cache, dir!, 'index.v8');
    utimesSync(saved, 1_000_000, 1_000_000);
    expect(await live.reload()).toMatchObject({ reread: 0 });
    await live.whenSaved();
    expect(statSync(saved).mtimeMs).toBe(1_000_000_000);
  });

  it('a reload keeps leaving out articles older than maxAgeDays', async () => {
    live = await LiveIndex.open({ articlesDir: folder.articles, maxAgeDays: 3650, log: createLogger({ level: 'silent' }) });
    const question = 'Which museum hall reopened with a sauropod skeleton?';
    folder.write(
      'museum.md',
      '---\ntitle: Museum reopens its dinosaur hall\nurl: https://example.org/news/museum\npublished: 2001-05-02\n---\nThe natural history museum reopened its dinosaur hall with a restored skeleton of a long-necked sauropod.\n',
    );
    await live.reload();
    expect(topFile(live.ask(question))).not.toBe('museum.md');
  });
});
