import { promises as fsp, mkdtempSync, mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { loadArticles, loadFile, mergeFileResults, MAX_FILE_BYTES } from '../../src/articles/library.js';

const GOOD = `---
title: Harbour pier opens after two years of work
url: https://example.org/news/pier
published: 2024-05-02
source: Example Times
---
The harbour authority opened the new pier on Tuesday after two years of construction work.

Ferries to the islands will use the pier from June, doubling the number of daily crossings.
`;

let dir: string;
const write = (rel: string, content: string | Buffer) => {
  const abs = path.join(dir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
};
const warningsFor = async (rel: string) => (await loadArticles(dir)).warnings.filter((w) => w.file === rel).map((w) => w.message);

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'articles-lib-'));
  write('good.md', GOOD);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('loadArticles', () => {
  it('loads front matter and paragraphs with their raw indexes', async () => {
    const { articles, warnings, files } = await loadArticles(dir);
    expect(warnings).toEqual([]);
    expect(articles).toEqual([
      {
        id: 'good.md',
        file: 'good.md',
        title: 'Harbour pier opens after two years of work',
        url: 'https://example.org/news/pier',
        published: '2024-05-02',
        source: 'Example Times',
        paragraphs: [
          { index: 0, text: 'The harbour authority opened the new pier on Tuesday after two years of construction work.' },
          { index: 1, text: 'Ferries to the islands will use the pier from June, doubling the number of daily crossings.' },
        ],
      },
    ]);
    expect(files).toEqual([
      {
        file: 'good.md',
        reader: 'markdown',
        articles: 1,
        paragraphs: 2,
        title: 'Harbour pier opens after two years of work',
        published: '2024-05-02',
        hasUrl: true,
        warnings: [],
        tooOld: 0,
      },
    ]);
  });

  it('walks subfolders in a stable order, skipping dot-entries, node_modules and other extensions silently', async () => {
    write('b/z.txt', 'Second story headline\n\nThe second story says something different about the weather in the valley.');
    write('a/y.markdown', 'Third story headline\n\nA third story about a football match that ended in a late draw.');
    write('.hidden/x.md', GOOD.replace('pier', 'secret'));
    write('.draft.md', GOOD);
    write('node_modules/pkg/readme.md', GOOD);
    write('notes.docx', 'whatever');
    write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]));
    const { articles, files, warnings } = await loadArticles(dir);
    expect(files.map((f) => f.file)).toEqual(['a/y.markdown', 'b/z.txt', 'good.md']);
    expect(articles.map((a) => a.id)).toEqual(['a/y.markdown', 'b/z.txt', 'good.md']);
    expect(warnings.map((w) => w.file)).toEqual(['a/y.markdown', 'b/z.txt']); // no url
  });

  it('an article without url gets the title from its first meaningful line and a "no url" warning', async () => {
    write(
      'plain.txt',
      'share bookmark close menu search\n\nRiver levels fall\n\nRiver levels fell overnight and the flood warning for the valley was lifted.',
    );
    const { articles } = await loadArticles(dir);
    const plain = articles.find((a) => a.file === 'plain.txt')!;
    expect(plain.title).toBe('River levels fall');
    expect(plain.url).toBeNull();
    expect(plain.paragraphs.map((p) => p.index)).toEqual([2]);
    expect(await warningsFor('plain.txt')).toEqual(['no url: replies will name the file instead']);
  });

  it('warns about a url that is not an http(s) link', async () => {
    write('js.md', GOOD.replace('https://example.org/news/pier', 'javascript:alert(1)').replace(/pier/g, 'marina'));
    expect(await warningsFor('js.md')).toEqual(['url "javascript:alert(1)" is not an http(s) link: replies will name the file instead']);
  });

  it('throws a clear UserFacingError for a missing folder or a file given as the folder', async () => {
    await expect(loadArticles(path.join(dir, 'nope'))).rejects.toThrow(UserFacingError);
    await expect(loadArticles(path.join(dir, 'nope'))).rejects.toThrow(/articles folder .*nope does not exist/);
    await expect(loadArticles(path.join(dir, 'good.md'))).rejects.toThrow(/is not a folder/);
  });
});

describe('bad files are skipped with one clear warning each, and good files still load', () => {
  const cases: Array<[string, string, () => void, RegExp]> = [
    ['empty file', 'empty.md', () => write('empty.md', ''), /^empty file/],
    ['whitespace only', 'blank.txt', () => write('blank.txt', ' \n\n\t\n'), /^empty file/],
    ['binary', 'bin.txt', () => write('bin.txt', Buffer.from('PK\u0003\u0004\u0000\u0000binary', 'latin1')), /binary file/],
    [
      'invalid UTF-8',
      'latin1.txt',
      () => write('latin1.txt', Buffer.from('Caf\xe9 au lait is served every morning in the old town square.', 'latin1')),
      /not valid UTF-8/,
    ],
    ['UTF-16', 'utf16.txt', () => write('utf16.txt', Buffer.from('\ufeffHello there, this is text', 'utf16le')), /UTF-16/],
    [
      'malformed front matter',
      'fm.md',
      () => write('fm.md', '---\ntitle: [unclosed\n---\nBody text long enough to be a paragraph here.'),
      /malformed front matter/,
    ],
    ['unclosed front matter', 'open.md', () => write('open.md', '---\ntitle: x\nBody text long enough to be a paragraph here.'), /no closing "---"/],
    ['nothing indexable', 'junk.txt', () => write('junk.txt', 'Advertisement\n\nShare this\n\nBy Jane Doe'), /no indexable paragraphs/],
    [
      'over the size bound',
      'huge.txt',
      () => {
        write('huge.txt', '');
        truncateSync(path.join(dir, 'huge.txt'), 50 * 1024 * 1024); // sparse: no 50 MB written
      },
      /file is 50 MB, over the 10 MB limit/,
    ],
  ];
  it.each(cases)('%s', async (_name, file, make, expected) => {
    make();
    const { articles, warnings, files } = await loadArticles(dir);
    const mine = warnings.filter((w) => w.file === file);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).toMatch(expected);
    expect(files.find((f) => f.file === file)).toMatchObject({ articles: 0, warnings: [mine[0]!.message] });
    expect(articles.map((a) => a.file)).toEqual(['good.md']);
  });

  it('the size bound is 10 MB', () => {
    expect(MAX_FILE_BYTES).toBe(10 * 1024 * 1024);
  });

  it('a symlink loop (folder linking to an ancestor) is reported once and not followed', async () => {
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync('..', path.join(dir, 'sub', 'up'));
    symlinkSync('loop.md', path.join(dir, 'loop.md')); // a link to itself
    const { articles, warnings } = await loadArticles(dir);
    expect(articles.map((a) => a.file)).toEqual(['good.md']);
    expect(warnings.filter((w) => w.file === 'sub/up').map((w) => w.message)).toEqual(['symlink loop (links back to the articles folder): skipped']);
    expect(warnings.filter((w) => w.file === 'loop.md').map((w) => w.message)).toEqual(['symlink loop (the link leads back to itself): skipped']);
  });

  it('a second link to the same folder or file is not read twice', async () => {
    write('real/story.md', GOOD.replace('example.org/news/pier', 'example.org/other').replace(/pier/g, 'bridge'));
    symlinkSync('real', path.join(dir, 'zlink'));
    symlinkSync('good.md', path.join(dir, 'same.md'));
    const { articles, warnings } = await loadArticles(dir);
    expect(articles.map((a) => a.file)).toEqual(['good.md', 'real/story.md']);
    expect(warnings).toEqual([
      { file: 'same.md', message: 'same file as good.md (linked): skipped' },
      { file: 'zlink', message: 'links to folder real, already read: skipped' },
    ]);
  });

  it('a broken symlink is reported', async () => {
    symlinkSync('missing.md', path.join(dir, 'broken.md'));
    expect(await warningsFor('broken.md')).toEqual(['broken symlink (its target does not exist): skipped']);
  });

  it('a file deleted between listing and reading is reported, not thrown', async () => {
    const result = await loadFile(dir, 'gone.md');
    expect(result.articles).toEqual([]);
    expect(result.warnings).toEqual([{ file: 'gone.md', message: 'file disappeared before it could be read (deleted or moved?)' }]);
  });

  it('a file that cannot be read for lack of permission is reported', async () => {
    write('locked.md', GOOD);
    const realOpen = fsp.open;
    // Tests may run as root, where chmod 000 does not stop reads: simulate the kernel's answer.
    vi.spyOn(fsp, 'open').mockImplementation(((file: Parameters<typeof realOpen>[0], ...rest: unknown[]) => {
      if (String(file).endsWith('locked.md')) {
        return Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
      }
      return (realOpen as (...a: unknown[]) => ReturnType<typeof realOpen>)(file, ...rest);
    }) as typeof realOpen);
    const { articles, warnings } = await loadArticles(dir);
    expect(warnings).toEqual([{ file: 'locked.md', message: 'permission denied: cannot read the file' }]);
    expect(articles.map((a) => a.file)).toEqual(['good.md']);
  });

  it('a file its reader cannot use costs only that file', async () => {
    write('page.html', '<html><body><p>Hello</p></body></html>');
    const { articles, warnings } = await loadArticles(dir);
    expect(articles.map((a) => a.file)).toEqual(['good.md']);
    expect(warnings.filter((w) => w.file === 'page.html')).toHaveLength(1);
  });
});

describe('files holding several articles (JSON Lines)', () => {
  it('names each article by file#n in its ids and warnings', async () => {
    const line = (title: string, url?: string) =>
      JSON.stringify({
        title,
        ...(url ? { url } : {}),
        text: `${title} was announced by the regional council at a press conference on Monday morning.`,
      });
    write('export.jsonl', `${line('Tram fares frozen for a year', 'https://example.org/tram')}\n${line('New cycle lanes approved')}\n`);
    const { articles, warnings, files } = await loadArticles(dir);
    expect(articles.map((a) => a.id)).toEqual(['export.jsonl#1', 'export.jsonl#2', 'good.md']);
    expect(warnings).toEqual([{ file: 'export.jsonl#2', message: 'no url: replies will name the file instead' }]);
    expect(files.find((f) => f.file === 'export.jsonl')).toMatchObject({
      articles: 2,
      hasUrl: false,
      warnings: ['export.jsonl#2: no url: replies will name the file instead'],
    });
  });
});

describe('logging', () => {
  it('logs each warning once and a summary, as JSON on the given logger', async () => {
    write('empty.md', '');
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: { write: (l: string) => lines.push(l) } as unknown as NodeJS.WritableStream });
    await loadArticles(dir, { log });
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; file?: string; articles?: number });
    expect(entries.filter((e) => e.file === 'empty.md').map((e) => e.msg)).toEqual(['empty file: skipped']);
    expect(entries.find((e) => e.msg === 'articles loaded')).toMatchObject({ articles: 1 });
  });
});

describe('MAX_AGE_DAYS', () => {
  it('leaves older articles out with one note, keeps undated ones', async () => {
    for (let i = 0; i < 5; i++)
      write(
        `old${i}.md`,
        GOOD.replace('2024-05-02', '2020-01-0' + (i + 1))
          .replace('/pier', `/old${i}`)
          .replace(/pier/g, `pier ${i} ${'x'.repeat(i)}`)
          .replace('Ferries', `Ferry number ${i} and others`),
      );
    write(
      'undated.md',
      GOOD.replace('published: 2024-05-02\n', '')
        .replace('/pier', '/undated')
        .replace(/harbour/g, 'airport')
        .replace('Ferries', 'Buses'),
    );
    const now = new Date('2024-05-10T00:00:00Z');
    const { articles, warnings, notes, files } = await loadArticles(dir, { maxAgeDays: 30, now });
    expect(articles.map((a) => a.file)).toEqual(['good.md', 'undated.md']);
    expect(warnings).toEqual([]);
    expect(notes).toEqual(['5 articles published more than 30 days ago left out (MAX_AGE_DAYS)']);
    expect(files.find((f) => f.file === 'old0.md')).toMatchObject({ articles: 0, tooOld: 1, warnings: [] });
  });

  it('without a limit every article stays', async () => {
    write(
      'old.md',
      GOOD.replace('2024-05-02', '2001-01-01')
        .replace('/pier', '/old')
        .replace(/harbour/g, 'castle'),
    );
    expect((await loadArticles(dir, { now: new Date('2024-05-10') })).articles).toHaveLength(2);
  });
});

describe('duplicates across files', () => {
  it('an earlier version saved under the same URL is indexed once, keeping the newer, with a warning naming both', async () => {
    write(
      'copy.md',
      GOOD.replace('https://example.org/news/pier', 'http://www.example.org/news/pier/?utm_source=feed')
        .replace('2024-05-02', '2024-05-01')
        .replace('Tuesday', 'Monday'),
    );
    const { articles, warnings, files } = await loadArticles(dir);
    expect(articles.map((a) => a.file)).toEqual(['good.md']);
    expect(warnings).toEqual([
      { file: 'copy.md', message: 'duplicate of good.md (same URL, 68% of the text alike: an older version (published earlier)): skipped' },
    ]);
    expect(files.find((f) => f.file === 'copy.md')).toMatchObject({ articles: 0, paragraphs: 0 });
  });

  it('a paragraph another story shares word for word is indexed once, in the newer, with a note', async () => {
    write(
      'newer.md',
      GOOD.replace('2024-05-02', '2024-05-09')
        .replace('/pier', '/ferries')
        .replace('The harbour authority opened the new pier', 'The ferry company bought two boats'),
    );
    const { articles, warnings, notes, files } = await loadArticles(dir);
    expect(articles.map((a) => [a.file, a.paragraphs.map((p) => p.index)])).toEqual([
      ['good.md', [0]],
      ['newer.md', [0, 1]],
    ]);
    expect(warnings).toEqual([]);
    expect(notes).toEqual(['1 paragraph found word for word in another article (sign-ups, bios, shared quotes) indexed once, in the newest']);
    expect(files.find((f) => f.file === 'good.md')).toMatchObject({ articles: 1, paragraphs: 1 });
  });
});

describe('loadFile and mergeFileResults (live reload)', () => {
  it('loadFile reads one file with its report', async () => {
    const r = await loadFile(dir, 'good.md');
    expect(r.articles.map((a) => a.id)).toEqual(['good.md']);
    expect(r.report).toMatchObject({ file: 'good.md', reader: 'markdown', articles: 1, paragraphs: 2, hasUrl: true });
  });

  it('mergeFileResults does not modify the per-file results it is given', async () => {
    write('copy.md', GOOD);
    const results = [await loadFile(dir, 'copy.md'), await loadFile(dir, 'good.md')];
    const before = JSON.stringify(results);
    const first = mergeFileResults([], results);
    const second = mergeFileResults([], results);
    expect(JSON.stringify(results)).toBe(before);
    expect(second).toEqual(first);
    expect(first.articles).toHaveLength(1);
  });
});
