import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ARTICLES = 'test/fixtures/news';

let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(path.join(os.tmpdir(), 'ask-cli-'));
});
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Runs the compiled `ask` (what `npm run ask` runs) as a script would: a separate process, arguments, optional standard input. */
function ask(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return runCli('dist/cli/ask.js', args, { stdin, cacheDir });
}

/** Logs may go to stderr (a warning about an article without a URL, say), but nothing worse. */
function expectOnlyLogs(stderr: string): void {
  for (const line of stderr.split('\n').filter((l) => l.trim() !== '')) {
    const entry = JSON.parse(line) as { level: number; msg: string };
    expect(entry.level, entry.msg).toBeLessThan(50);
  }
}

interface JsonAnswer {
  title: string;
  url: string | null;
  file: string;
  paragraph: number;
  neighbour?: number;
  text: string;
  passage: string;
  score: number;
}
interface JsonLine {
  question: string;
  answers: JsonAnswer[];
  reason?: string;
  tentative?: boolean;
  confidence?: number;
}

const TRAM_COST =
  'The tram line will cost 240 million dollars, most of it paid by a regional transport grant, and construction is due to begin in 2026.';

describe('npm run ask --json', () => {
  it('prints one JSON line with exactly the contract fields and types', async () => {
    const { code, stdout, stderr } = await ask(['--articles', ARTICLES, '--json', '--limit', '1', 'How much will the tram line cost?']);
    expectOnlyLogs(stderr);
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const first = JSON.parse(lines[0]!) as JsonLine;
    // "confidence": the calibrated confidence, added to the contract for English questions.
    expect(Object.keys(first)).toEqual(['question', 'answers', 'confidence']);
    expect(first.question).toBe('How much will the tram line cost?');
    expect(first.confidence).toBeGreaterThan(0.5);
    expect(first.confidence).toBeLessThanOrEqual(1);
    expect(first.answers).toHaveLength(1); // --limit 1
    const a = first.answers[0]!;
    expect(Object.keys(a).sort()).toEqual(['file', 'paragraph', 'passage', 'score', 'text', 'title', 'url']);
    expect(a).toMatchObject({
      title: 'Riverton council approves new tram line',
      url: 'https://news.example.org/riverton-tram',
      file: 'riverton-tram.md',
      // 0-based among the body's blank-line blocks as written: "Advertisement" (0) and the byline (1)
      // are dropped by cleaning but still counted, so this is 3, not its position 1 among kept ones.
      paragraph: 3,
      text: TRAM_COST,
      passage: TRAM_COST,
    });
    expect(typeof a.score).toBe('number');
    expect(a.score).toBeGreaterThan(0);
    expect(a.score).toBeLessThanOrEqual(1);
  });

  it('answers each line of standard input in order, one JSON line each, [] when it finds nothing', async () => {
    const questions = [
      'How much will the tram line cost?',
      'How many engineers will Lumatech hire?',
      'Who won the Champions League final?',
      "What's new?",
      'What is the new signing like?',
    ];
    const { code, stdout, stderr } = await ask(['--articles', ARTICLES, '--json'], questions.join('\n') + '\n');
    expectOnlyLogs(stderr);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    const [tram, lumatech, none, latest, unsure] = lines.map((l) => JSON.parse(l) as JsonLine);
    expect([tram, lumatech, none, latest, unsure].map((l) => l!.question)).toEqual(questions);

    // Without --limit: up to 3, best first, the same best answer as with --limit 1.
    expect(tram!.answers.length).toBeGreaterThan(1);
    expect(tram!.answers.length).toBeLessThanOrEqual(3);
    expect(tram!.answers[0]).toMatchObject({ file: 'riverton-tram.md', paragraph: 3, text: TRAM_COST });
    const scores = tram!.answers.map((a) => a.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    // No paragraph is shown twice, as a passage or beside one.
    const shown = tram!.answers.flatMap((a) => [a.paragraph, a.neighbour].filter((p) => p !== undefined).map((p) => `${a.file}#${p}`));
    expect(new Set(shown).size).toBe(shown.length);

    // A .txt article without front matter: no URL, title from its first line (raw block 0).
    expect(lumatech!.answers[0]).toMatchObject({
      title: 'Lumatech profit jumps on cloud demand',
      url: null,
      file: 'lumatech-results.txt',
      paragraph: 2,
    });

    // No answer: [] and why ("not-found"; "latest" for a request for the news in general).
    expect(none).toEqual({ question: questions[2], answers: [], reason: 'not-found' });
    expect(latest).toEqual({ question: questions[3], answers: [], reason: 'latest' });
    expect(tram).not.toHaveProperty('reason');

    // An answer that only narrowly passed the bar says so ("tentative"); a plain one has no such field.
    expect(unsure!.answers.length).toBeGreaterThan(0);
    expect(unsure!.tentative).toBe(true);
    expect(tram).not.toHaveProperty('tentative');
  });
});

describe('npm run ask (plain)', () => {
  it('prints the passage and the source link', async () => {
    const { code, stdout, stderr } = await ask(
      ['--articles', ARTICLES],
      'Which care homes were evacuated?\nWie viel Geld ist für das Programm eingeplant?\n',
    );
    expectOnlyLogs(stderr);
    expect(code).toBe(0);
    expect(stdout).toContain('Emergency services evacuated two care homes in Port Elwin after the river burst its banks');
    expect(stdout).toContain('https://news.example.org/storm-ingrid');
    expect(stdout).toContain('Für das Programm sind rund 300 Millionen Euro eingeplant');
    expect(stdout).toContain('https://news.example.org/de/hamburg-radwege');
    expect(stdout.indexOf('storm-ingrid')).toBeLessThan(stdout.indexOf('hamburg-radwege'));
  });
});

describe('npm run ask errors', () => {
  it('says when its answer is from an older year than the "this year" asked about (a stable "mismatch" field in --json)', async () => {
    const q = 'How did the Riverton council vote on the tram line this year?';
    // "This year" is read against the clock; the fixture article is from 2024.
    const year = String(new Date().getUTCFullYear());
    const json = await ask(['--articles', ARTICLES, '--json', '--limit', '1', q]);
    // The vote paragraph is short: it is shown with the one after it, whose number is "neighbour"
    // (added to the contract; `text` holds both).
    const vote =
      'The Riverton city council voted seven to two on Monday night to approve a new tram line linking the harbour district with the university campus.';
    expect(JSON.parse(json.stdout) as JsonLine & { mismatch?: unknown }).toMatchObject({
      answers: [{ paragraph: 2, neighbour: 3, text: `${vote} ${TRAM_COST}`, passage: `${vote} ${TRAM_COST}` }],
      mismatch: { asked: year, shown: '2024-03-11', kind: 'recent' },
    });
    const plain = await ask(['--articles', ARTICLES, '--limit', '1', q]);
    expect(plain.stdout.split('\n').slice(0, 3)).toEqual([
      `I have nothing from ${year}; the latest I have is from 11 March 2024:`,
      '',
      `${vote} ${TRAM_COST}`,
    ]);
  });

  it('declines a year the folder has nothing from, pointing to the closest article (a stable "closest" field in --json)', async () => {
    const q = 'Which care homes were evacuated in 2019?';
    const json = await ask(['--articles', ARTICLES, '--json', '--limit', '1', q]);
    expect(JSON.parse(json.stdout) as JsonLine & { mismatch?: unknown; closest?: unknown }).toEqual({
      question: q,
      answers: [],
      reason: 'not-found',
      mismatch: { asked: '2019', shown: '2024-02-02', kind: 'year' },
      closest: { title: 'Storm Ingrid floods coastal towns', url: 'https://news.example.org/storm-ingrid', file: 'storm-ingrid.md' },
    });
    const plain = await ask(['--articles', ARTICLES, '--limit', '1', q]);
    expect(plain.stdout.trimEnd().split('\n')).toEqual([
      'I have nothing on 2019; the closest I have is from 2 February 2024:',
      '',
      '— Storm Ingrid floods coastal towns',
      '  Coast Daily · 2 Feb 2024',
      '  https://news.example.org/storm-ingrid',
    ]);
  });

  it('a missing articles folder: one "error:" line on stderr, non-zero exit, no stack trace', async () => {
    const missing = path.join(cacheDir, 'no-such-folder');
    const { code, stdout, stderr } = await ask(['--articles', missing, '--json', 'anything']);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[0]).toContain('no-such-folder');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad --limit is a usage error, not a crash', async () => {
    const { code, stdout, stderr } = await ask(['--articles', ARTICLES, '--limit', 'zero', 'anything']);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^error: .*--limit/)]);
  });
});
