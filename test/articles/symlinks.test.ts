import { execFile } from 'node:child_process';
import { promises as fsp, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveIndex } from '../../src/app/live-index.js';
import { openInside } from '../../src/articles/inside.js';
import { listArticleFiles, loadArticles, loadFile } from '../../src/articles/library.js';
import { createLogger } from '../../src/log.js';

/** Real files and real symlinks: `articles/` is the folder the bot reads, `outside/` must never be read. */
const story = (title: string, body: string) => `---\ntitle: ${title}\nurl: https://example.org/${title.replace(/\W+/g, '-')}\n---\n${body}\n`;
const GOOD = story('Harbour pier opens', 'The harbour authority opened the new pier on Tuesday after two years of construction work.');
const SECRET = story('Server secrets', 'The database root password is hunter2-vault-4417 and must never leave this machine.');
const OUTSIDE = 'leads outside the articles folder: skipped';

let tmp: string;
let articles: string;
let outside: string;
const write = (abs: string, text: string) => {
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
};
const inArticles = (rel: string) => path.join(articles, rel);

beforeEach(() => {
  tmp = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'symlinks-')));
  articles = path.join(tmp, 'articles');
  outside = path.join(tmp, 'outside');
  write(inArticles('good.md'), GOOD);
  write(path.join(outside, 'secret.md'), SECRET);
  write(path.join(outside, 'etc', 'passwd.txt'), 'root:x:0:0:root:/root:/bin/bash\n\nThe database root password is hunter2-vault-4417 as well.');
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(tmp, { recursive: true, force: true });
});

const everything = (r: Awaited<ReturnType<typeof loadArticles>>) => JSON.stringify(r.articles);

describe('symlinks leaving the articles folder are skipped with one warning naming them', () => {
  it('a file link to a file outside is not read', async () => {
    symlinkSync(path.join(outside, 'secret.md'), inArticles('passwd.md'));
    const result = await loadArticles(articles);
    expect(result.articles.map((a) => a.file)).toEqual(['good.md']);
    expect(everything(result)).not.toContain('hunter2');
    expect(result.warnings).toEqual([{ file: 'passwd.md', message: `symlink to ${path.join(outside, 'secret.md')}: ${OUTSIDE}` }]);
    expect(result.files.find((f) => f.file === 'passwd.md')).toMatchObject({ articles: 0 });
  });

  it('a folder link to a folder outside is not walked (nothing under it listed or warned about)', async () => {
    symlinkSync(path.join(outside, 'etc'), inArticles('etc'));
    const warnings: { file: string; message: string }[] = [];
    expect(await listArticleFiles(articles, warnings)).toEqual(['good.md']);
    expect(warnings).toEqual([{ file: 'etc', message: `symlink to ${path.join(outside, 'etc')}: ${OUTSIDE}` }]);
  });

  it('a link at any depth, a relative link climbing out, and a chain of links ending outside are each skipped once', async () => {
    mkdirSync(inArticles('a/b'), { recursive: true });
    symlinkSync('../../../outside/secret.md', inArticles('a/b/deep.md'));
    symlinkSync('../../..', inArticles('a/b/up')); // the articles folder's parent
    symlinkSync('second.md', inArticles('first.md'));
    symlinkSync(path.join(outside, 'secret.md'), inArticles('second.md'));
    const result = await loadArticles(articles);
    expect(result.articles.map((a) => a.file)).toEqual(['good.md']);
    expect(everything(result)).not.toContain('hunter2');
    expect(result.warnings).toEqual([
      { file: 'a/b/deep.md', message: `symlink to ${path.join(outside, 'secret.md')}: ${OUTSIDE}` },
      { file: 'a/b/up', message: `symlink to ${tmp}: ${OUTSIDE}` },
      { file: 'first.md', message: `symlink to ${path.join(outside, 'secret.md')}: ${OUTSIDE}` },
      { file: 'second.md', message: `symlink to ${path.join(outside, 'secret.md')}: ${OUTSIDE}` },
    ]);
  });

  it('the warning is logged once when the folder is loaded (what `npm run index` and the bot log show)', async () => {
    symlinkSync(path.join(outside, 'secret.md'), inArticles('passwd.md'));
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', destination: { write: (s: string) => lines.push(s) } as unknown as NodeJS.WritableStream });
    await loadArticles(articles, { log });
    const warned = lines.map((l) => JSON.parse(l) as { file?: string; msg: string }).filter((e) => e.file === 'passwd.md');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.msg).toContain(OUTSIDE);
  });
});

describe('links that stay inside the folder still work', () => {
  it('a file link and a folder link into a hidden store, and a chain that hops outside and comes back', async () => {
    write(
      inArticles('.store/pier.md'),
      story('Ferry timetable', 'Ferries to the islands will use the pier from June, doubling the number of daily crossings.'),
    );
    write(
      inArticles('.store/dir/tram.md'),
      story('Tram line approved', 'The council approved the new tram line on Monday after a long public debate.'),
    );
    write(inArticles('.store/hop.md'), story('Bridge repairs', 'Repairs to the old bridge will close it to cars for three weeks in August.'));
    symlinkSync('.store/pier.md', inArticles('pier.md'));
    symlinkSync(inArticles('.store/dir'), inArticles('latest'));
    symlinkSync(inArticles('.store/hop.md'), path.join(outside, 'hop.md'));
    symlinkSync(path.join(outside, 'hop.md'), inArticles('bridge.md'));
    const result = await loadArticles(articles);
    expect(result.warnings).toEqual([]);
    expect(result.articles.map((a) => a.file)).toEqual(['bridge.md', 'good.md', 'latest/tram.md', 'pier.md']);
  });

  it('loops still end: a folder linking to its parent inside, and a link to itself', async () => {
    mkdirSync(inArticles('sub'));
    symlinkSync('..', inArticles('sub/up'));
    symlinkSync('self.md', inArticles('self.md'));
    const result = await loadArticles(articles);
    expect(result.articles.map((a) => a.file)).toEqual(['good.md']);
    expect(result.warnings.map((w) => w.file)).toEqual(['self.md', 'sub/up']);
  });
});

describe('the read itself is checked, not only the listing', () => {
  it('a file swapped for a link outside after the listing is refused when read (live reload reads one file)', async () => {
    write(inArticles('story.md'), GOOD.replace('pier', 'quay'));
    expect(await listArticleFiles(articles)).toEqual(['good.md', 'story.md']);
    unlinkSync(inArticles('story.md'));
    symlinkSync(path.join(outside, 'secret.md'), inArticles('story.md'));
    const result = await loadFile(articles, 'story.md');
    expect(result.articles).toEqual([]);
    expect(result.warnings).toEqual([{ file: 'story.md', message: OUTSIDE }]);
  });

  it('a path climbing out with ".." is refused', async () => {
    const result = await loadFile(articles, '../outside/secret.md');
    expect(result.articles).toEqual([]);
    expect(result.warnings[0]!.message).toBe(OUTSIDE);
  });

  it('a link swapped back between the open and the check does not pass: the file opened must be the file named', async () => {
    // Opened while the name led outside; by the time its real path is asked, it names a file inside.
    symlinkSync(path.join(outside, 'secret.md'), inArticles('swap.md'));
    vi.spyOn(fsp, 'realpath').mockResolvedValue(inArticles('good.md'));
    expect(await openInside(inArticles('swap.md'), articles)).toEqual({ refused: 'outside' });
  });

  it('a FIFO slipped in under an article name is refused without hanging the read', async () => {
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [inArticles('pipe.md')]);
    const result = await loadFile(articles, 'pipe.md');
    expect(result.warnings).toEqual([{ file: 'pipe.md', message: 'not a regular file: skipped' }]);
  });
});

describe('live index (the bot and `npm run ask`)', () => {
  it('never answers from or lists a file outside, at start or after a reload', async () => {
    symlinkSync(path.join(outside, 'secret.md'), inArticles('passwd.md'));
    const live = await LiveIndex.open({ articlesDir: articles, log: createLogger({ level: 'silent' }) });
    try {
      const asked = () => JSON.stringify(live.ask('What is the database root password?'));
      expect(asked()).not.toContain('hunter2');
      expect(live.current.articles.map((a) => a.file)).toEqual(['good.md']);
      expect(live.warnings.map((w) => w.file)).toEqual(['passwd.md']);
      symlinkSync(path.join(outside, 'etc'), inArticles('etc'));
      await live.reload();
      expect(asked()).not.toContain('hunter2');
      expect(live.current.articles.map((a) => a.file)).toEqual(['good.md']);
    } finally {
      await live.close();
    }
  });
});

describe('an index cache written before a file became a link outside', () => {
  it('does not keep answering from it after a restart', async () => {
    const cacheDir = path.join(tmp, 'cache');
    writeFileSync(inArticles('passwd.md'), SECRET);
    const first = await LiveIndex.open({ articlesDir: articles, cacheDir, log: createLogger({ level: 'silent' }) });
    expect(JSON.stringify(first.ask('What is the database root password?'))).toContain('hunter2');
    await first.close();
    unlinkSync(inArticles('passwd.md'));
    symlinkSync(path.join(outside, 'secret.md'), inArticles('passwd.md'));
    const second = await LiveIndex.open({ articlesDir: articles, cacheDir, log: createLogger({ level: 'silent' }) });
    try {
      expect(JSON.stringify(second.ask('What is the database root password?'))).not.toContain('hunter2');
      expect(second.current.articles.map((a) => a.file)).toEqual(['good.md']);
    } finally {
      await second.close();
    }
  });
});

describe('npm run ask, as a separate process', () => {
  const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const ask = (args: string[]) =>
    promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/ask.ts', '--articles', articles, ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, INDEX_CACHE_DIR: path.join(tmp, 'cache') },
    });

  it('answers nothing from /etc-like files linked into the folder, in text or JSON', async () => {
    symlinkSync(path.join(outside, 'secret.md'), inArticles('passwd.md'));
    symlinkSync(path.join(outside, 'etc'), inArticles('etc'));
    for (const args of [['What is the database root password?'], ['--json', 'What is the database root password?']]) {
      const { stdout, stderr } = await ask(args);
      expect(stdout).not.toContain('hunter2');
      expect(stdout).not.toContain('root:x:0');
      expect(stderr).not.toContain('hunter2');
    }
  }, 60_000);
});
