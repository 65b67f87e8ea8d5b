import { readFileSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/app/live-index.js';
import { createLogger } from '../../src/log.js';
import { article, makeFolder, shown, topFile, until, type Folder } from './fixtures.js';

const PIER = 'When did the harbour pier open?';
const VOLCANO = 'How high was the ash column of the volcano?';
const MUSEUM = 'Which museum hall reopened with a sauropod skeleton?';
const MUSEUM_ARTICLE = article(
  'Museum reopens its dinosaur hall',
  'https://example.org/news/museum',
  'The natural history museum reopened its dinosaur hall with a restored skeleton of a long-necked sauropod.',
);

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

/**
 * Asks the same question over and over while a test changes the folder, as a busy chat would:
 * every answer must come from a whole index (old or new), never an error or a half-built one.
 */
function keepAsking(index: LiveIndex, question: string, expected: string) {
  const problems: string[] = [];
  let asked = 0;
  const timer = setInterval(() => {
    try {
      const file = topFile(index.ask(question));
      asked++;
      if (file !== expected) problems.push(`"${question}" answered from ${file}`);
    } catch (err) {
      problems.push(String(err));
    }
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return { problems, asked };
    },
  };
}

describe('live reload (watch)', () => {
  it('takes in a file added, changed and deleted, answering from the old index until each swap', async () => {
    live = await LiveIndex.open({ articlesDir: folder.articles, log: createLogger({ level: 'silent' }) });
    live.watch();
    const asker = keepAsking(live, PIER, 'pier.md');
    const current = live;

    folder.write('museum.md', MUSEUM_ARTICLE);
    await until('the added article answers', () => topFile(current.ask(MUSEUM)) === 'museum.md');

    folder.write(
      'museum.md',
      article(
        'Museum hall stays shut',
        'https://example.org/news/museum',
        'The natural history museum kept its dinosaur hall shut because the sauropod skeleton needs more repairs.',
      ),
    );
    await until('the changed article shows its new text', () => current.ask(MUSEUM).passages[0]?.text.includes('more repairs') ?? false);

    folder.remove('museum.md');
    await until('the deleted article no longer answers', () => topFile(current.ask(MUSEUM)) === null);

    const { problems, asked } = asker.stop();
    expect(problems).toEqual([]);
    expect(asked).toBeGreaterThan(0);
    expect(live.stats()).toMatchObject({ articles: 3, paragraphs: 6 });
  });

  it('skips a half-written file with a warning and picks it up once it is whole', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    live = await LiveIndex.open({ articlesDir: folder.articles, log: createLogger({ level: 'warn', destination: sink }) });
    live.watch();
    const current = live;
    const asker = keepAsking(live, VOLCANO, 'volcano.md');
    const warned = (file: string) => current.warnings.some((w) => w.file === file);

    // Front matter opened but not yet closed: the writer has not finished.
    folder.write('museum.md', '---\ntitle: Museum reopens its dinosaur hall\nurl: https://example.org/news/museum\n');
    await until('the half-written file is skipped with a warning', () => warned('museum.md'));
    expect(lines.some((l) => l.includes('museum.md') && l.includes('front matter'))).toBe(true);
    expect(topFile(current.ask(MUSEUM))).toBeNull();

    folder.write('museum.md', MUSEUM_ARTICLE);
    await until('the finished file answers', () => topFile(current.ask(MUSEUM)) === 'museum.md');
    expect(warned('museum.md')).toBe(false);

    // Cut off inside a multi-byte character: not valid UTF-8 yet.
    const whole = Buffer.from(
      article(
        'Café owners protest new rules',
        'https://example.org/news/cafe',
        'Owners of the café quarter protested against the new terrace rules outside the town hall on Monday.',
      ),
    );
    const cut = whole.indexOf(Buffer.from('é')) + 1;
    folder.write('cafe.md', whole.subarray(0, cut));
    await until('the cut-off file is skipped with a warning', () => warned('cafe.md'));
    folder.write('cafe.md', whole);
    await until('the completed file answers', () => topFile(current.ask('Why did café owners protest about terrace rules?')) === 'cafe.md');

    const { problems } = asker.stop();
    expect(problems).toEqual([]);
  });

  it('takes in files in new subfolders', async () => {
    live = await LiveIndex.open({ articlesDir: folder.articles, log: createLogger({ level: 'silent' }) });
    live.watch();
    const current = live;
    folder.write('2024/05/museum.md', MUSEUM_ARTICLE);
    await until('the article in a new subfolder answers', () => topFile(current.ask(MUSEUM)) === '2024/05/museum.md');
  });
});

describe('a paragraph several articles share', () => {
  // Background a site repeats under every story of a series.
  const SHARED = 'The harbour district has been rebuilt since the 2019 flood, with new quays, a ferry terminal and two parks.';
  const dated = (title: string, published: string, text: string) =>
    `---\ntitle: ${title}\nurl: https://example.org/${published}\npublished: ${published}\n---\n${text}\n\n${SHARED}\n`;

  it('is answered once, from the newest article, and comes back from the next one when that is deleted', async () => {
    folder.write('a.md', dated('Tram line approved', '2024-05-01', 'The council approved the tram line to the university campus on Monday.'));
    folder.write('b.md', dated('Beach closed', '2024-05-03', 'Lifeguards closed the north beach after jellyfish were seen near the shore.'));
    folder.write('c.md', dated('Market moves', '2024-05-02', 'The weekly farmers market moves to the cathedral square from June.'));
    live = await LiveIndex.open({ articlesDir: folder.articles, cacheDir: folder.cache, log: createLogger({ level: 'silent' }) });
    const question = 'When was the harbour district flooded?';
    const first = live.ask(question).passages;
    // The passages showing it (a short paragraph may be shown with its neighbour).
    expect(first.filter((p) => p.text.includes(SHARED)).map((p) => p.article.file)).toEqual(['b.md']);
    expect(live.ask('Why was the beach closed?').passages[0]!.article.file).toBe('b.md');

    folder.remove('b.md');
    await live.reload();
    expect(
      live
        .ask(question)
        .passages.filter((p) => p.text.includes(SHARED))
        .map((p) => p.article.file),
    ).toEqual(['c.md']);
  });
});

describe('two files with one URL', () => {
  it('versions of one story published the same day: the file modified last answers, the other is left out', async () => {
    const page = (text: string) =>
      article(
        'Museum reopens its dinosaur hall',
        'https://example.org/news/museum',
        text,
        'Visitors queued around the block on the first morning, and tickets for the weekend sold out within hours.',
      );
    folder.write('museum-a.md', page('The natural history museum reopened its dinosaur hall with a restored skeleton of a long-necked sauropod.'));
    folder.write(
      'museum-b.md',
      page('The natural history museum reopened its dinosaur hall with a restored skeleton of a huge long-necked sauropod.'),
    );
    const at = (rel: string, seconds: number) => utimesSync(path.join(folder.articles, rel), seconds, seconds);
    at('museum-a.md', 1_700_000_100);
    at('museum-b.md', 1_700_000_000);
    live = await LiveIndex.open({ articlesDir: folder.articles, log: createLogger({ level: 'silent' }) });
    expect(topFile(live.ask(MUSEUM))).toBe('museum-a.md');
    expect(live.warnings).toEqual([expect.objectContaining({ file: 'museum-b.md', message: expect.stringContaining('file modified earlier') })]);

    at('museum-b.md', 1_700_000_200);
    await live.reload();
    expect(topFile(live.ask(MUSEUM))).toBe('museum-b.md');
  });
});

describe('reload and stats', () => {
  it('a reload with nothing changed reads nothing; one after a change reads only that file', async () => {
    live = await LiveIndex.open({ articlesDir: folder.articles, log: createLogger({ level: 'silent' }) });
    expect(await live.reload()).toMatchObject({ reread: 0, removed: 0, articles: 3 });
    folder.write('museum.md', MUSEUM_ARTICLE);
    expect(await live.reload()).toMatchObject({ reread: 1, removed: 0, articles: 4 });
    expect(topFile(live.ask(MUSEUM))).toBe('museum.md');
  });

  it('answers from the old index while a reload builds the new one, and from the new one right after the swap', async () => {
    let release!: () => void;
    let built!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const ready = new Promise<void>((resolve) => (built = resolve));
    let hold = false;
    live = await LiveIndex.open({
      articlesDir: folder.articles,
      log: createLogger({ level: 'silent' }),
      beforeSwap: () => {
        if (!hold) return;
        built();
        return held;
      },
    });
    folder.write('museum.md', MUSEUM_ARTICLE);
    hold = true;
    const reload = live.reload();
    await ready; // the new index is built, not yet in use
    expect(topFile(live.ask(MUSEUM))).toBeNull();
    expect(topFile(live.ask(PIER))).toBe('pier.md');
    expect(live.stats()).toMatchObject({ articles: 3 });
    release();
    expect(await reload).toMatchObject({ reread: 1, articles: 4 });
    expect(topFile(live.ask(MUSEUM))).toBe('museum.md');
  });

  it('answers from a freshly built index before any of its save runs, and saves it once the save is let go', async () => {
    let saveStarted = false;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const log = createLogger({ level: 'silent' });
    live = await LiveIndex.open({
      articlesDir: folder.articles,
      cacheDir: folder.cache,
      log,
      beforeSave: () => {
        saveStarted = true;
        return held;
      },
    });
    expect(saveStarted).toBe(false);
    expect(topFile(live.ask(PIER))).toBe('pier.md');
    await until('the save starts', () => saveStarted);
    expect(topFile(live.ask(VOLCANO))).toBe('volcano.md');
    release();
    await live.whenSaved();
    const restarted = await LiveIndex.open({ articlesDir: folder.articles, cacheDir: folder.cache, log });
    expect(restarted.lastReload).toMatchObject({ fromCache: true, articles: 3 });
    expect(topFile(restarted.ask(PIER))).toBe('pier.md');
    await restarted.close();
  });

  it('gives way to questions while it reads many changed files', async () => {
    live = await LiveIndex.open({ articlesDir: folder.articles, log: createLogger({ level: 'silent' }) });
    for (let i = 0; i < 300; i++) {
      folder.write(
        `more/${i}.md`,
        article(
          `Town ${i} opens a library`,
          `https://example.org/more/${i}`,
          `The town of Brook ${i} opened a library with ${i + 1000} books on the ${(i % 28) + 1}th of May.`,
        ),
      );
    }
    const current = live;
    let answeredDuring = 0;
    let done = false;
    const reload = live.reload().finally(() => (done = true));
    // A question every turn of the event loop, as long as the reload runs (bounded).
    for (let turn = 0; turn < 100_000 && !done; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!done && topFile(current.ask(PIER)) === 'pier.md') answeredDuring++;
    }
    expect(await reload).toMatchObject({ reread: 300, articles: 303 });
    expect(answeredDuring).toBeGreaterThan(1);
  });

  it('a reload re-reads a file rewritten with the same size and a newer modification time', async () => {
    live = await LiveIndex.open({ articlesDir: folder.articles, log: createLogger({ level: 'silent' }) });
    const file = path.join(folder.articles, 'pier.md');
    const old = readFileSync(file, 'utf8');
    expect(shown(live.ask(PIER))[0]!.text).toContain('Tuesday');
    const changed = old.replace('Tuesday', 'Monday,'); // same length: only the time tells them apart
    expect(Buffer.byteLength(changed)).toBe(Buffer.byteLength(old));
    folder.write('pier.md', changed);
    const later = statSync(file).mtime.getTime() / 1000 + 10; // clear of any file-system time resolution
    utimesSync(file, later, later);

    expect(await live.reload()).toMatchObject({ reread: 1, removed: 0, articles: 3 });
    expect(shown(live.ask(PIER))[0]!.text).toContain('Monday');
    expect(shown(live.ask(PIER))[0]!.text).not.toContain('Tuesday');
  });

  it('runs one reload at a time: a call made meanwhile shares the running one', async () => {
    live = await LiveIndex.open({ articlesDir: folder.articles, log: createLogger({ level: 'silent' }) });
    folder.write('museum.md', MUSEUM_ARTICLE);
    const first = live.reload();
    const second = live.reload();
    expect(second).toBe(first);
    expect(await first).toMatchObject({ reread: 1, articles: 4 });
    expect(topFile(live.ask(MUSEUM))).toBe('museum.md');
  });

  it('keeps answering from the last good index when the folder disappears', async () => {
    live = await LiveIndex.open({ articlesDir: folder.articles, log: createLogger({ level: 'silent' }) });
    folder.cleanup();
    await expect(live.reload()).rejects.toThrow(/does not exist/);
    expect(topFile(live.ask(PIER))).toBe('pier.md');
  });

  it('stats() reports the index and the questions answered', async () => {
    live = await LiveIndex.open({ articlesDir: folder.articles, log: createLogger({ level: 'silent' }) });
    const fresh = live.stats();
    expect(fresh).toMatchObject({ articles: 3, paragraphs: 6, 'questions answered': 0, warnings: 0 });
    expect(fresh.vocabulary).toBeGreaterThan(30);
    expect(String(fresh['index age'])).toMatch(/^\d+ s$/);
    expect(String(fresh['last build'])).toMatch(/^\d+ ms$/);

    live.ask(PIER);
    live.ask(VOLCANO);
    live.ask('hello');
    const after = live.stats();
    expect(after['questions answered']).toBe(3);
    for (const key of ['answer time p50', 'answer time p95']) expect(String(after[key])).toMatch(/^\d+\.\d ms$/);
    expect(parseFloat(String(after['answer time p95']))).toBeGreaterThanOrEqual(parseFloat(String(after['answer time p50'])));
  });
});
