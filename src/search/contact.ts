import { isInterrogative } from './language.js';

/**
 * Contact details as kinds of answer: what a local-news reader asks of a place the news names ("hindu
 * temple pewaukee phone number", "what is the food bank's address", "library opening hours"). Each
 * is written in a shape of its own ("(262) 695-1200", "2500 Churchman Ave.", "ourhtw.org"), so a
 * sentence holding one is told from one that only names the place.
 */

export type ContactKind = 'phone' | 'address' | 'web' | 'email' | 'hours';

/** Words before "address" that make it a noun ("the address", "its street address", "the bank's address"). */
const NOUN_BEFORE = new Set('the its their his her your our s street mailing home postal email'.split(' '));
/** Words before "hours" that make them opening hours, not a length of time ("how many hours"). */
const OPENING = new Set('opening open business office operating visiting'.split(' '));

/**
 * The contact detail the question asks for, from its words in any shape ("phone number of the temple",
 * "temple phone", "what's the address"), else undefined. Only words that name the detail itself:
 * "phone" asks for a number only with "number" or as the question's last word ("what phone did
 * apple release" asks for none), "address" is a noun after a determiner or a
 * possessive, before "of" or "for" or as the last word ("how will the council address the deficit"
 * asks for none), "hours" are opening hours only after "opening", "business" and the like.
 */
export function contactOf(words: readonly string[]): ContactKind | undefined {
  const last = words.at(-1);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if ((w === 'phone' || w === 'telephone' || w === 'hotline') && (next === 'number' || next === 'numbers' || i === words.length - 1))
      return 'phone';
    if (w === 'address' && (NOUN_BEFORE.has(words[i - 1] ?? '') || next === 'of' || next === 'for' || w === last))
      return words[i - 1] === 'email' ? 'email' : 'address';
    if (w === 'website' || w === 'url' || (w === 'web' && next === 'site')) return 'web';
    if (w === 'email' && (w === last || next === 'address')) return 'email';
    if (w === 'hours' && (OPENING.has(words[i - 1] ?? '') || (next === 'of' && words[i + 2] === 'operation'))) return 'hours';
  }
  return undefined;
}

/** Whether the question is typed as keywords: no question word ("temple pewaukee phone number"). */
export function isKeywords(words: readonly string[]): boolean {
  return !words.some((w) => isInterrogative(w, 'en'));
}

/** A clock time ("9 p.m.", "noon"): the shape of opening hours, and of the answer to "what time" (see slot-strength.ts). */
export const CLOCK = /\p{N}\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\bnoon\b|\bmidnight\b/u;

const SHAPES: Record<ContactKind, RegExp> = {
  phone: /(?:\(\d{3}\)\s?|\b(?:1[\s.-])?\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/u,
  address:
    /\b\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way|Ct|Court|Pl|Place|Pkwy|Parkway|Hwy|Highway|Cir|Circle|Ter|Terrace|Sq|Square|Pike|Trail)\b/u,
  web: /\b(?:https?:\/\/|www\.)\S|\b[\p{L}\p{N}-]+\.(?:com|org|net|gov|edu|info|io|us)\b/iu,
  email: /[\p{L}\p{N}._+-]+@[\p{L}\p{N}-]+\.\p{L}{2,}/u,
  hours: CLOCK,
};

/** The details a sentence of contacts gives together; not a clock time, which most events have. */
const CONTACTS: ContactKind[] = ['phone', 'address', 'web', 'email'];

/**
 * How strongly a sentence holds the contact detail asked for: 2 when it has one of its shape, 1 when
 * it has another contact detail (a sentence giving the website often gives the phone in the next
 * line), else 0.
 */
export function contactStrength(text: string, contact: ContactKind): number {
  if (SHAPES[contact].test(text)) return 2;
  return CONTACTS.some((other) => SHAPES[other].test(text)) ? 1 : 0;
}
