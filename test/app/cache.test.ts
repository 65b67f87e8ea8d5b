import { readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CACHE_FORMAT, IndexCache, openCacheFile, sealCacheFile, type CachedFile } from '../../src/app/cache.js';
import type { Article } from '../../src/articles/types.js';
import { LiveIndex } from '../../src/app/live-index.js';
import { createLogger } from '../../src/log.js';
import { article, makeFolder, shown, topFile, type Folder } from './fixtures.js';

const log = createLogger({ level: 'silent' });
const QUESTIONS = ['When did the harbour pier open?', 'How high was the ash column of the volcano?', 'Who is the new conductor of the orchestra?'];

let folder: Folder;
beforeEach(() => {
  folder = makeFolder();
});
afterEach(() => folder.cleanup());

async function open(): Promise<LiveIndex> {
  const live = await LiveIndex.open({ articlesDir: folder.articles, cacheDir: folder.cache, log });
  await live.whenSaved();
  return live;
}

/** Opens, answers every question, closes: what a run of the bot would have shown. */
async function run(): Promise<{ answers: ReturnType<typeof shown>[]; reload: LiveIndex['lastReload'] }> {
  const live = await open();
  const answers = QUESTIONS.map((q) => shown(live.ask(q)));
  await live.close();
  return { answers, reload: live.lastReload };
}

const cacheFile = (name: string) => path.join(new IndexCache(folder.cache, folder.articles).dir, name);
const readCache = async (name: string) => ((await openCacheFile(readFileSync(cacheFile(name)))) as { value: unknown }).value;

/** Moves a file's modification time on, as a later save would (mtime resolution is not a concern then). */
function touchLater(rel: string, seconds = 10): void {
  const abs = path.join(folder.articles, rel);
  const t = statSync(abs).mtime.getTime() / 1000 + seconds;
  utimesSync(abs, t, t);
}

describe('persisted index', () => {
  it('is reused when nothing changed: no file read again, the same answers', async () => {
    const first = await run();
    expect(first.reload).toMatchObject({ fromCache: false, reread: 3, articles: 3 });
    expect(first.answers.map((a) => a[0]?.file)).toEqual(['pier.md', 'volcano.md', 'orchestra.md']);

    const second = await run();
    expect(second.reload).toMatchObject({ fromCache: true, reread: 0, removed: 0, articles: 3, paragraphs: 6 });
    expect(second.answers).toEqual(first.answers);
  });

  it('is kept beside, never inside, the articles folder, and leaves no temporary files', async () => {
    await run();
    expect(readdirSync(folder.articles).sort()).toEqual(['orchestra.md', 'pier.md', 'volcano.md']);
    expect(readdirSync(path.dirname(cacheFile('index.v8'))).sort()).toEqual(['files.v8', 'index.v8']);
  });

  it('is partly rebuilt after one file changes: only that file is read, the answer shows its new text', async () => {
    await run();
    folder.write(
      'volcano.md',
      article(
        'Volcano on the northern island erupts again',
        'https://example.org/news/volcano',
        'The volcano on the northern island erupted overnight, and its ash column rose eleven kilometres into the sky.',
      ),
    );
    const live = await open();
    expect(live.lastReload).toMatchObject({ fromCache: false, reread: 1, removed: 0, articles: 3 });
    expect(shown(live.ask(QUESTIONS[1]!))[0]).toMatchObject({ file: 'volcano.md', text: expect.stringContaining('eleven kilometres') });
    expect(topFile(live.ask(QUESTIONS[0]!))).toBe('pier.md');
    expect(topFile(live.ask(QUESTIONS[2]!))).toBe('orchestra.md');
    await live.close();

    // And that rebuild was saved: the next start reads nothing.
    const again = await run();
    expect(again.reload).toMatchObject({ fromCache: true, reread: 0 });
    expect(again.answers[1]![0]!.text).toContain('eleven kilometres');
  });

  it('is never stale: a file changed while the bot was down (same size) is served with its new text', async () => {
    const before = await run();
    const old = readFileSync(path.join(folder.articles, 'pier.md'), 'utf8');
    const changed = old.replace('Tuesday', 'Monday,'); // same length: only the time tells them apart
    expect(changed.length).toBe(old.length);
    folder.write('pier.md', changed);
    touchLater('pier.md');

    const after = await run();
    expect(after.reload).toMatchObject({ fromCache: false, reread: 1 });
    expect(before.answers[0]![0]!.text).toContain('Tuesday');
    expect(after.answers[0]![0]!.text).toContain('Monday');
    expect(after.answers[0]![0]!.text).not.toContain('Tuesday');
  });

  it('forgets a file deleted while the bot was down, and takes in one added', async () => {
    await run();
    folder.remove('orchestra.md');
    folder.write(
      'museum.md',
      article(
        'Museum reopens its dinosaur hall',
        'https://example.org/news/museum',
        'The natural history museum reopened its dinosaur hall with a restored skeleton of a long-necked sauropod.',
      ),
    );
    const live = await open();
    expect(live.lastReload).toMatchObject({ fromCache: false, reread: 1, removed: 1, articles: 3 });
    expect(shown(live.ask(QUESTIONS[2]!)).map((p) => p.file)).not.toContain('orchestra.md');
    expect(topFile(live.ask('Which museum hall reopened with a sauropod skeleton?'))).toBe('museum.md');
    await live.close();
  });

  it('is ignored when it was written by another format version: rebuilt from the articles', async () => {
    const first = await run();
    for (const name of ['index.v8', 'files.v8']) {
      const snap = (await readCache(name)) as { format: number };
      expect(snap.format).toBe(CACHE_FORMAT);
      writeFileSync(cacheFile(name), await sealCacheFile({ ...snap, format: CACHE_FORMAT + 1 }));
    }
    const second = await run();
    expect(second.reload).toMatchObject({ fromCache: false, reread: 3 });
    expect(second.answers).toEqual(first.answers);
    // The rebuild replaced it with the current format.
    expect(((await readCache('index.v8')) as { format: number }).format).toBe(CACHE_FORMAT);
  });

  it.each([
    ['garbage bytes', () => Buffer.from('\x00\xffnot a cache at all\xfe\x01'.repeat(50), 'latin1')],
    ['an empty file', () => Buffer.alloc(0)],
    ['a cut-off write', () => readFileSync(cacheFile('index.v8')).subarray(0, 200)],
    ['another value', () => v8.serialize({ format: CACHE_FORMAT, settings: 'all', index: { terms: 'nope' } })],
  ])('is ignored when it is corrupt (%s): no crash, rebuilt, correct answers', async (_what, bytes) => {
    const first = await run();
    const corrupt = bytes();
    writeFileSync(cacheFile('index.v8'), corrupt);
    writeFileSync(cacheFile('files.v8'), corrupt);
    const second = await run();
    expect(second.reload).toMatchObject({ fromCache: false, reread: 3 });
    expect(second.answers).toEqual(first.answers);
    const third = await run();
    expect(third.reload).toMatchObject({ fromCache: true, reread: 0 });
  });

  it('reads every file again when only the per-file part is corrupt and a file changed', async () => {
    await run();
    writeFileSync(cacheFile('files.v8'), readFileSync(cacheFile('files.v8')).subarray(0, 100));
    folder.write(
      'pier.md',
      article(
        'Harbour pier opens',
        'https://example.org/news/pier',
        'The harbour authority opened the new pier on Friday, a day later than planned, after two years of work.',
      ),
    );
    const { answers, reload } = await run();
    expect(reload).toMatchObject({ fromCache: false, reread: 3 });
    expect(answers[0]![0]!.text).toContain('Friday');
    expect(answers[1]![0]!.file).toBe('volcano.md');
  });

  it('is not shared between two articles folders using one cache folder', async () => {
    await run();
    const other = makeFolder({
      'pier.md': article(
        'Harbour pier closes for repairs',
        'https://example.org/news/pier-closed',
        'The harbour pier closed for repairs after a storm damaged its wooden deck on Sunday night.',
      ),
    });
    try {
      const live = await LiveIndex.open({ articlesDir: other.articles, cacheDir: folder.cache, log });
      expect(live.lastReload).toMatchObject({ fromCache: false, reread: 1 });
      expect(shown(live.ask('Why did the harbour pier close?'))[0]!.text).toContain('storm');
      await live.close();
    } finally {
      other.cleanup();
    }
  });
});

describe('saving the persisted index', () => {
  it('serializes a few hundred articles at a time, never a whole file at once, and reads back what it wrote', async () => {
    const { SearchIndex, analyzeArticle } = await import('../../src/search/index.js');
    const { packAnalysis } = await import('../../src/search/packed.js');
    const story = (i: number) =>
      `Report ${i}: the harbour works at berth ${i % 37} moved ${i * 7} tonnes of sand, the ${i % 11} cranes worked until dusk and the ferry to island ${i % 13} ran late.`;
    const files = new Map<string, CachedFile>();
    const all: Article[] = [];
    for (let f = 0; f < 5; f++) {
      const file = `desk-${f}.jsonl`;
      const articles: Article[] = Array.from({ length: 200 }, (_, k) => ({
        id: `${file}#${k + 1}`,
        file,
        title: `Harbour report ${f * 200 + k}`,
        url: null,
        published: null,
        source: null,
        paragraphs: [0, 1, 2].map((p) => ({ index: p, text: story(f * 600 + k * 3 + p) })),
      }));
      all.push(...articles);
      const report = { file, reader: 'json', articles: 200, paragraphs: 600, title: null, published: null, hasUrl: false, warnings: [], tooOld: 0 };
      files.set(file, {
        fingerprint: { mtimeMs: f, size: f },
        result: { articles, warnings: [], report },
        analysis: packAnalysis(articles.map(analyzeArticle)),
      });
    }
    const index = SearchIndex.build(all);
    const fingerprints = Object.fromEntries([...files].map(([name, f]) => [name, f.fingerprint]));
    const cache = new IndexCache(folder.cache, folder.articles);
    const serialized: number[] = [];
    const serialize = v8.serialize;
    const spy = vi.spyOn(v8, 'serialize').mockImplementation((value) => {
      const bytes = serialize(value);
      serialized.push(bytes.length);
      return bytes;
    });
    try {
      await cache.write({ settings: 'all', fingerprints, index: index.data, warnings: [] }, files);
    } finally {
      spy.mockRestore();
    }
    const smaller = Math.min(statSync(cacheFile('index.v8')).size, statSync(cacheFile('files.v8')).size);
    expect(Math.max(...serialized)).toBeLessThan(smaller / 3);
    expect((await cache.readIndex('all')).value?.index).toEqual(index.data);
    expect((await cache.readFiles('all')).value).toEqual(files);
  });

  it("leaves out a file whose analysis lacks its paragraphs' words (as a build without them wrote it): that file is read again", async () => {
    const { analyzeArticles, SearchIndex } = await import('../../src/search/index.js');
    const articles: Article[] = [
      {
        id: 'a.jsonl#1',
        file: 'a.jsonl',
        title: 'Pier',
        url: null,
        published: null,
        source: null,
        paragraphs: [{ index: 0, text: 'The pier opened.' }],
      },
    ];
    const report = {
      file: 'a.jsonl',
      reader: 'json',
      articles: 1,
      paragraphs: 1,
      title: null,
      published: null,
      hasUrl: false,
      warnings: [],
      tooOld: 0,
    };
    const entry = (analysis: object) =>
      ({ fingerprint: { mtimeMs: 1, size: 1 }, result: { articles, warnings: [], report }, analysis }) as CachedFile;
    const { tokenAt: _, tokens: __, ...older } = analyzeArticles(articles);
    const cache = new IndexCache(folder.cache, folder.articles);
    const index = { settings: 'all', fingerprints: {}, index: SearchIndex.build(articles).data, warnings: [] };
    await cache.write(index, new Map([['a.jsonl', entry(analyzeArticles(articles))]]));
    expect((await cache.readFiles('all')).value.has('a.jsonl')).toBe(true);
    await cache.write(index, new Map([['a.jsonl', entry(older)]]));
    expect((await cache.readFiles('all')).value.has('a.jsonl')).toBe(false);
  });
});
