import { contactOf, isKeywords } from './contact.js';
import type { Slot } from './slots.js';

/**
 * What a question typed as keywords asks for by its last word: a reader types the topic, then the
 * thing wanted ("beshear effigy rally location"). Words with a digit after it are the topic's
 * still ("… rally location 2024"). Only places: a price or a cost is `priceSlot`'s (slots.ts), and
 * a last word naming a date, a score or a ticker changed no answer (figures in docs/benchmarks.md).
 */

const PLACE_NOUNS = new Set('location locations venue venues hometown whereabouts'.split(' '));

const DIGIT = /\p{N}/u;

/** A keyword question's last word without a digit; none for a question with a question word. */
function lastKeyword(words: readonly string[]): string {
  return isKeywords(words) ? (words.findLast((w) => !DIGIT.test(w)) ?? '') : '';
}

/** Whether a keyword question's last word names a place ("… rally location"). */
export function asksPlace(words: readonly string[]): boolean {
  return PLACE_NOUNS.has(lastKeyword(words));
}

/**
 * The slot of a contact detail asked for in any shape ("temple phone number"), else of a keyword
 * question's last word naming a place ("… rally location"), if either is asked.
 */
export function contactOrNounSlot(words: readonly string[]): Slot | undefined {
  const contact = contactOf(words);
  if (contact) return { kind: 'contact', contact };
  return asksPlace(words) ? { kind: 'place' } : undefined;
}
