import { contactOf, isKeywords } from './contact.js';
import type { Slot } from './slots.js';

/**
 * What a question typed as keywords asks for by its last word: a reader types the topic, then the
 * thing wanted ("chandler cooper road improvements cost"). Words with a digit after it are the
 * topic's still ("apple tv 4k 2021 price 64gb"). Only sums of money: a last word naming a date or
 * a score changed no answer (figures in docs/benchmarks.md).
 */
const MONEY_NOUNS = new Set('cost costs price prices value worth budget salary fee fees fine fines rent funding revenue'.split(' '));

const DIGIT = /\p{N}/u;

/** Whether a keyword question's last word without a digit names a sum of money ("… improvements cost"). */
export function asksMoney(words: readonly string[]): boolean {
  if (!isKeywords(words)) return false;
  const last = words.findLast((w) => !DIGIT.test(w));
  return last !== undefined && MONEY_NOUNS.has(last);
}

/**
 * The slot of a contact detail asked for in any shape ("temple phone number"), else of a keyword
 * question's last word ("… road improvements cost" → a sum of money), if either is asked.
 */
export function contactOrNounSlot(words: readonly string[]): Slot | undefined {
  const contact = contactOf(words);
  if (contact) return { kind: 'contact', contact };
  return asksMoney(words) ? { kind: 'number', money: true } : undefined;
}
