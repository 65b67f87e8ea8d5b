import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/app/live-index.js';
import { createLogger } from '../../src/log.js';
import { makeFolder, type Folder } from './fixtures.js';

// What a load tells the operator (/stats, `npm run index`, the log) in the cases the other suites
// pass by: a folder with nothing to read, a start-up from the saved index, a cache that is fine.

function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(JSON.parse(l)) } as unknown as NodeJS.WritableStream });
  return { log, lines };
}

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

describe('what a load reports', () => {
  it("a folder whose only entry is a broken symlink still gets the symlink's warning, at start-up and on reload", async () => {
    const empty = makeFolder({});
    try {
      symlinkSync('missing.md', path.join(empty.articles, 'broken.md'));
      live = await LiveIndex.open({ articlesDir: empty.articles, log: createLogger({ level: 'silent' }) });
      expect(live.stats()).toMatchObject({ articles: 0, warnings: 1 });
      const summary = await live.reload();
      expect(summary.warnings.map((w) => [w.file, w.message])).toEqual([['broken.md', expect.stringMatching(/broken symlink/)]]);
    } finally {
      await live?.close();
      live = undefined;
      empty.cleanup();
    }
  });

  it('a start-up from the saved index reports a build time no longer than the start-up took', async () => {
    const first = await LiveIndex.open({ articlesDir: folder.articles, cacheDir: folder.cache, log: createLogger({ level: 'silent' }) });
    await first.whenSaved();
    await first.close();
    const { log, lines } = capture();
    const before = performance.now();
    live = await LiveIndex.open({ articlesDir: folder.articles, cacheDir: folder.cache, log });
    const took = performance.now() - before;
    expect(lines.find((l) => l.msg === 'index ready')).toMatchObject({ fromCache: true, articles: 3 });
    expect(parseInt(String(live.stats()['last build']), 10)).toBeLessThanOrEqual(Math.ceil(took));
  });

  it('rebuilding with a sound cache, or none yet, raises no "cache not trusted" warning', async () => {
    const { log, lines } = capture();
    live = await LiveIndex.open({ articlesDir: folder.articles, cacheDir: folder.cache, log });
    await live.whenSaved();
    folder.write('pier.md', '---\ntitle: Pier\nurl: https://example.org/news/pier\npublished: 2024-05-02\n---\nThe pier opened on Wednesday.\n');
    expect(await live.reload()).toMatchObject({ reread: 1 });
    await live.whenSaved();
    expect(lines.filter((l) => (l.level as number) >= 40)).toEqual([]);
  });
});
