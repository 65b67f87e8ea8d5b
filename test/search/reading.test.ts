import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/search/index.js';
import { Memo } from '../../src/search/memo.js';
import { splitSentences } from '../../src/search/passage.js';
import { readingOf, sentencesOf } from '../../src/search/reading.js';

// Invented lines: curly quotes, abbreviations that do not end a sentence, accents written both
// composed and decomposed, numbers, one-letter leftovers ("Russia’s") and a short fragment.
const TEXTS = [
  'Mayor Helena Marsh’s plan passed 7-2 on Monday. Mr. Okafor, 54, voted against it! “We will appeal,” he said.',
  'The café in Zu\u0308rich reopened on Jan. 3. Its owner said sales rose 12% in 2024; prices did not.',
  'Short. Then a longer sentence about the tram line that links the harbour with the campus?',
  'No full stop at the end of this line about the derby winner',
  'Der Stadtrat stimmte am Montag für die neue Straßenbahn. Die Bauarbeiten beginnen 2026.',
];

describe('a paragraph read once for ranking and for the answer check', () => {
  it('gives the terms the index gives the text', () => {
    for (const text of TEXTS)
      for (const language of ['en', 'de'] as const) expect(readingOf(text, language).terms).toEqual(analyzeText(text, language));
  });

  it('keeps one reading per language: the same text stems differently in German', () => {
    const text = 'Die Spieler gewannen die Spiele';
    expect(readingOf(text, 'en').terms).toEqual(analyzeText(text, 'en'));
    expect(readingOf(text, 'de').terms).toEqual(analyzeText(text, 'de'));
    expect(readingOf(text, 'de').terms).not.toEqual(readingOf(text, 'en').terms);
  });

  it('gives each sentence the terms it has read alone', () => {
    for (const text of TEXTS) {
      const normalized = text.normalize('NFC');
      const alone = splitSentences(normalized).map((s) => normalized.slice(s.start, s.end));
      const read = sentencesOf(readingOf(text, 'en'));
      expect(read.map((s) => s.sentence)).toEqual(alone);
      expect(read.map((s) => s.terms)).toEqual(alone.map((s) => analyzeText(s, 'en')));
    }
  });
});

describe('Memo', () => {
  it('computes a value once while it is kept', () => {
    const memo = new Memo<string, number>(3);
    let calls = 0;
    const length = (s: string) => (calls++, s.length);
    expect(memo.get('abc', length)).toBe(3);
    expect(memo.get('abc', length)).toBe(3);
    expect(calls).toBe(1);
  });

  it('drops the least recently used value when full', () => {
    const memo = new Memo<string, string>(2);
    const computed: string[] = [];
    const upper = (s: string) => (computed.push(s), s.toUpperCase());
    memo.get('a', upper);
    memo.get('b', upper);
    memo.get('a', upper); // a is now the most recent
    memo.get('c', upper); // so b goes
    expect(memo.size).toBe(2);
    memo.get('a', upper);
    memo.get('b', upper);
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps nothing at capacity 0', () => {
    const memo = new Memo<string, number>(0);
    let calls = 0;
    memo.get('a', () => ++calls);
    memo.get('a', () => ++calls);
    expect(calls).toBe(2);
    expect(memo.size).toBe(0);
  });
});
