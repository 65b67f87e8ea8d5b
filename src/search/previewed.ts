import type { Article } from '../articles/types.js';
import { asksInPast } from './fit.js';
import { MONTH_ABBREVIATIONS, MONTHS } from './months.js';
import { splitSentences } from './passage.js';

/**
 * A month an English question asks about in the past ("what did the mayor announce in june") that
 * its answer's article only looks ahead to ("the mayor will announce the plan in June"): written
 * before that month, the story cannot say what came of it, however well it shares the words. Only a
 * month after "in", "on" or "during" (not the "may" of "may have"), in a question naming no year (a
 * year is judged as such: see `missingYears`), and only when every sentence of the article writing
 * the month looks ahead: a story that also reports it ("on June 3 the mayor announced …") may answer.
 */

/** What a month asked about follows in a question: "in june", "on june 3", "during july". */
const BEFORE_MONTH = new Set(['in', 'on', 'during']);
/** Words by which a sentence looks ahead: "she would unveil it in June", "the vote is expected in June". */
const AHEAD = /\b(?:will|would|won't|plans?|planned|planning|expected|expects|scheduled|upcoming|next|could|might|intends?|aims?|hopes?)\b/iu;

/** The month (capitalised, "April") the question asks about in the past that `article` writes only in sentences looking ahead; else undefined. */
export function previewedMonth(words: readonly string[], years: readonly string[], article: Article): string | undefined {
  if (years.length > 0 || !asksInPast(words)) return undefined;
  const month = words.map((w, i) => (i > 0 && BEFORE_MONTH.has(words[i - 1]!) ? (MONTH_ABBREVIATIONS[w] ?? w) : '')).find((w) => MONTHS.includes(w));
  if (month === undefined) return undefined;
  const name = month.charAt(0).toUpperCase() + month.slice(1);
  const written = new RegExp(`\\b(?:${name}|${name.slice(0, 3)}\\.${month === 'september' ? '|Sept\\.' : ''})(?!\\p{L})`, 'u');
  let ahead = 0;
  for (const text of [article.title, ...article.paragraphs.map((p) => p.text)]) {
    for (const { start, end } of splitSentences(text)) {
      const sentence = text.slice(start, end);
      if (!written.test(sentence)) continue;
      if (!AHEAD.test(sentence)) return undefined;
      ahead++;
    }
  }
  return ahead > 0 ? name : undefined;
}
