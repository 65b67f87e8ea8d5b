import { expect } from 'vitest';
import { allowedEdits, editDistance } from '../../src/search/fuzzy.js';
import { answer } from '../../src/search/answer.js';
import type { SearchIndex } from '../../src/search/index.js';
import type { Answer, Passage } from '../../src/search/types.js';

/** "article#paragraph" of a passage, to compare answers at a glance. */
export function where(p: Passage | undefined): string | undefined {
  return p && `${p.article.id}#${p.paragraph.index}`;
}

/** Where the first passage answering a question over `index` comes from ("article#paragraph"). */
export function topOf(index: SearchIndex): (question: string) => string | undefined {
  return (question) => where(answer(index, question).passages[0]);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const words = (s: string) => s.match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu) ?? [];
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);

/**
 * Whether a bolded word plainly answers to some word of the question: the same word up to case and
 * accents, another form of it (a shared stem-like prefix: "elected"/"election"), or a word within
 * the edits fuzzy matching allows for the question word's length (a misspelling of it).
 */
export function matchesQuestionWord(bolded: string, question: string): boolean {
  const b = fold(bolded);
  return words(question).some((w) => {
    const q = fold(w);
    if (q === b) return true;
    let prefix = 0;
    while (prefix < q.length && q[prefix] === b[prefix]) prefix++;
    const shorter = Math.min(q.length, b.length);
    if (shorter >= 3 && prefix >= Math.min(4, shorter)) return true;
    const max = allowedEdits(q.length);
    return max > 0 && editDistance(q, b, max) <= max;
  });
}

/** Every highlight is a non-empty whole word inside the shown text, matching a question word. */
export function expectHighlightsOnQuestionWords(answer: Answer): void {
  for (const p of answer.passages) {
    let previousEnd = 0;
    for (const [start, end] of p.highlights) {
      expect(start, `highlight in "${p.text}"`).toBeGreaterThanOrEqual(previousEnd);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(p.text.length);
      const bolded = p.text.slice(start, end);
      expect(isWordChar(p.text[start - 1]) || isWordChar(p.text[end]), `"${bolded}" is a whole word in "${p.text}"`).toBe(false);
      expect(matchesQuestionWord(bolded, answer.question), `"${bolded}" matches a word of "${answer.question}"`).toBe(true);
      previousEnd = end;
    }
  }
}
