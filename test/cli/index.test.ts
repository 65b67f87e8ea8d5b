import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index.js';

const GOOD = `---
title: Harbour pier opens after two years of work and a long public debate about its cost
url: https://example.org/news/pier
published: 2024-05-02
---
The harbour authority opened the new pier on Tuesday after two years of construction work.
`;

let dir: string;
const write = (rel: string, content: string | Buffer) => {
  const abs = path.join(dir, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, content);
};

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    cwd: dir,
  });
  return { code, stdout, stderr };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'index-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run index', () => {
  it('prints a row per file with reader, truncated title, date, paragraphs, URL and warnings; exits 0 despite warnings', async () => {
    write('articles/good.md', GOOD);
    write('articles/notes.txt', 'Weather notes\n\nHeavy rain is expected across the north of the country on Thursday night.');
    write('articles/broken.txt', Buffer.from([0x41, 0, 0x42]));
    const { code, stdout, stderr } = await run(['--articles', 'articles']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^FILE\s+READER\s+TITLE\s+DATE\s+PARAS\s+URL\s+WARNINGS$/);
    expect(lines[1]).toMatch(/^broken\.txt\s+-\s+-\s+-\s+0\s+-\s+binary file/);
    expect(lines[2]).toMatch(/^good\.md\s+markdown\s+Harbour pier opens after two years of w…\s+2024-05-02\s+1\s+yes$/);
    expect(lines[3]).toMatch(/^notes\.txt\s+text\s+Weather notes\s+-\s+1\s+no\s+no url: replies will name the file instead$/);
    expect(stdout).toContain('Warnings:\n  broken.txt: binary file (contains NUL bytes), not text: skipped\n  notes.txt: no url');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 articles indexed (2 paragraphs), from 3 files, 1 skipped, 2 warnings, 1 without URL');
  });

  it('uses ARTICLES_DIR from the settings; --articles overrides it', async () => {
    write('news/good.md', GOOD);
    expect((await run([], { ARTICLES_DIR: 'news' })).code).toBe(0);
    expect((await run(['--articles', 'elsewhere'], { ARTICLES_DIR: 'news' })).code).toBe(1);
  });

  it('a missing folder: one "error:" line on stderr, no stack, exit 1', async () => {
    const { code, stdout, stderr } = await run(['--articles', 'missing']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`error: articles folder ${path.join(dir, 'missing')} does not exist (ARTICLES_DIR)\n`);
  });

  it('nothing could be indexed: the table still lists why, then exit 1', async () => {
    write('articles/empty.md', '');
    const { code, stdout, stderr } = await run(['--articles', 'articles']);
    expect(code).toBe(1);
    expect(stdout).toContain('empty.md: empty file: skipped');
    expect(stderr).toMatch(/^error: no article could be indexed from .*articles\n$/);
  });

  it('an empty folder is also "nothing indexed"', async () => {
    mkdirSync(path.join(dir, 'articles'));
    expect((await run(['--articles', 'articles'])).code).toBe(1);
  });

  it('a bad setting or option is one line, exit 1 or 2', async () => {
    const bad = await run([], { MAX_AGE_DAYS: 'soon' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: MAX_AGE_DAYS: must be a positive whole number, got "soon"\n$/);
    const usage = await run(['--nope']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^error: .*--nope.*\nusage: npm run index/);
  });

  it('MAX_AGE_DAYS notes how many articles were left out', async () => {
    write('articles/good.md', GOOD);
    write('articles/old.md', GOOD.replace('2024-05-02', '1999-01-01').replace('/pier', '/old').replace(/pier/g, 'lighthouse'));
    const { code, stdout } = await run(['--articles', 'articles'], { MAX_AGE_DAYS: '3650' });
    expect(code).toBe(0);
    expect(stdout).toContain('Note: 1 article published more than 3650 days ago left out (MAX_AGE_DAYS)');
  });

  it('--show FILE explains what cleaning kept and dropped, and why', async () => {
    write('articles/a.txt', 'Weather notes\n\nAdvertisement\n\nHeavy rain is expected across the north of the country on Thursday night.');
    const { code, stdout } = await run(['--articles', 'articles', '--show', 'a.txt']);
    expect(code).toBe(0);
    expect(stdout).toContain('title:     Weather notes  (from the first meaningful line)');
    expect(stdout).toContain('[0] dropped (title-line)');
    expect(stdout).toContain('[1] dropped (advertisement)');
    expect(stdout).toContain('[2] kept\n      Heavy rain is expected');
  });

  it('same URL: an older version of the story is left out and named with the reason; a different text under that URL is kept', async () => {
    const page = (published: string, ...paragraphs: string[]) =>
      `---\ntitle: Night trains return\nurl: https://example.org/quiz\npublished: ${published}\n---\n${paragraphs.join('\n\n')}\n`;
    const trains = 'The regional rail operator announced on Wednesday that night trains between the two capitals will return in December.';
    const tickets = 'Tickets go on sale next month, and the operator expects the sleeper cars to be fully booked over the holidays.';
    write('articles/v1.md', page('2024-01-01', trains, tickets));
    write('articles/v2.md', page('2024-01-02', trains, tickets.replace('next month', 'on Monday')));
    write(
      'articles/other.md',
      page('2024-01-02', 'Wildfires have burned more than ten million acres this season, and smoke reached cities on the other coast.'),
    );
    const { code, stdout } = await run(['--articles', 'articles']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /\nLeft out as duplicates:\n {2}v1\.md: kept v2\.md instead \(same URL, \d+% of the text alike: an older version \(published earlier\)\)\n/,
    );
    expect(stdout).not.toContain('Warnings:');
    expect(stdout).toMatch(/^v1\.md\s.*\s0\s+-\s+duplicate of v2\.md/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 articles indexed (3 paragraphs), from 3 files, 1 skipped, 0 warnings, 1 duplicate left out');
  });

  it('runs as a real command (spawned) with the same exit codes', async () => {
    write('articles/good.md', GOOD);
    const exec = promisify(execFile);
    const cli = path.resolve('src/cli/index.ts');
    const tsx = path.resolve('node_modules/.bin/tsx');
    const ok = await exec(tsx, [cli, '--articles', path.join(dir, 'articles')], { cwd: dir });
    expect(ok.stdout).toContain('1 article indexed (1 paragraph)');
    const failed = await exec(tsx, [cli, '--articles', path.join(dir, 'nope')], { cwd: dir }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/^error: articles folder .* does not exist \(ARTICLES_DIR\)\n$/);
  });
});
