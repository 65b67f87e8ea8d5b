import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Invented sets in the shapes `bench:calibrate` reads (shared/eval's README): a news corpus, reader
// questions over it, and two QA sets of which half the articles are indexed.
const dir = mkdtempSync(path.join(os.tmpdir(), 'calibrate-test-'));
const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');
const story = (id: string, title: string, paragraphs: string[]) => ({ id, title, text: paragraphs.join('\n\n'), date: '2024-05-01' });
writeFileSync(
  path.join(dir, 'news-corpus.dev.jsonl'),
  lines([
    story('n1', 'Riverton opens a tram line', [
      'The Riverton tram line opened on Monday.',
      'The line cost 240 million dollars.',
      'Mayor Helena Marsh cut the ribbon.',
    ]),
    story('n2', 'Storm floods Port Elwin', [
      'Storm Ingrid flooded Port Elwin overnight.',
      'More than 18,000 homes lost power.',
      'Two care homes were evacuated.',
    ]),
    story('n3', 'Lumatech profit jumps', [
      'Lumatech reported revenue of 12 billion dollars.',
      'The company will hire 3,000 engineers.',
      'Its shares rose nine percent.',
    ]),
  ]),
);
const question = (q: string, article: string | null, para: number | null, answer: string | null) => ({
  q,
  kind: article ? 'reader' : 'absent',
  article,
  para,
  answer,
});
writeFileSync(
  path.join(dir, 'reader.dev.jsonl'),
  lines([
    question('how much did the riverton tram line cost', 'n1', 1, '240 million'),
    question('when will the riverton tram line reach the airport', null, null, null),
  ]),
);
writeFileSync(
  path.join(dir, 'second.jsonl'),
  lines([
    question('how many homes lost power in port elwin', 'n2', 1, '18,000'),
    question('how many engineers will lumatech hire', 'n3', 1, '3,000'),
  ]),
);
const qa = (prefix: string) =>
  lines(
    [0, 1, 2, 3].map((i) => ({
      doc_id: `${prefix}-${i}`,
      title: `Town ${i} fair`,
      lang: 'en',
      paragraphs: [`The fair in town ${i} opened with ${i + 2} rides.`, `Tickets for the town ${i} fair cost ${i + 5} dollars.`],
      questions: [
        { id: `${prefix}-${i}-a`, q: `how many rides opened at the town ${i} fair`, para: 0 },
        { id: `${prefix}-${i}-b`, q: `what did tickets to the town ${i} fair cost`, para: 1 },
      ],
    })),
  );
writeFileSync(path.join(dir, 'xquad.en.dev.jsonl'), qa('xq'));
writeFileSync(path.join(dir, 'realtimeqa.en.dev.jsonl'), qa('rt'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Dumped {
  set: string;
  weighs: string;
  absent: boolean;
  amount: boolean;
  noted: boolean;
}
/** Runs the bench with `args` and returns its dumped samples. */
function dump(name: string, args: string[]): Dumped[] {
  const file = path.join(dir, name);
  execFileSync('npx', ['tsx', 'bench/calibrate.ts', '--eval', dir, '--folds', '2', '--dump', file, ...args], { stdio: 'pipe' });
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Dumped);
}

describe('bench:calibrate', () => {
  it("fits the eval folder's reader questions by default, and several --reader files as one set, each its own in the curve", () => {
    const alone = dump('alone.jsonl', []);
    expect(new Set(alone.filter((s) => s.weighs === 'reader').map((s) => s.set))).toEqual(new Set(['reader']));
    expect(alone.filter((s) => s.set === 'reader')).toHaveLength(2);
    const both = dump('both.jsonl', ['--reader', path.join(dir, 'reader.dev.jsonl'), '--reader', path.join(dir, 'second.jsonl')]);
    const readers = both.filter((s) => s.weighs === 'reader');
    expect(readers.filter((s) => s.set === 'reader:reader.dev')).toHaveLength(2);
    expect(readers.filter((s) => s.set === 'reader:second')).toHaveLength(2);
    // What the curve needs to decline as answer() does: an amount asked, a year or thing the article is not about.
    expect(readers.find((s) => s.set === 'reader:reader.dev' && !s.absent)?.amount).toBe(true);
    expect(readers.every((s) => typeof s.noted === 'boolean')).toBe(true);
  }, 120_000);
});
