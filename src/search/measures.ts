import type { Language } from './language.js';
import { isStopword, termOf, wordsOf } from './normalize.js';
import { isYear, type AnswerKind } from './fit.js';
import { BESIDE_CUE, CHECK_LANGUAGE, type Slot } from './slots.js';

/**
 * Measures a question asks for beside counts and sums ("how long is the tunnel", "how big is the pay
 * raise", "what time is the show on"): the units a strong answer's number is given in; for a size,
 * the thing measured, since an article gives the sizes of other things too ("a $90 million budget"
 * beside "a 6.2% increase in nurses' basic pay" for "how big is the nurses' pay raise").
 */

const TIME = 'second seconds minute minutes hour hours day days night nights week weeks month months year years decade decades';
const LENGTH =
  'mile miles km kilometer kilometers kilometre kilometres foot feet meter meters metre metres yard yards inch inches cm centimeters centimetres';
const AREA = 'acre acres square hectare hectares';

/** Question openings asking for a measure, and the units its strong answer is given in ("how long": a duration or a length). */
const MEASURES: Array<[string, string]> = [
  ['how long', `${TIME} ${LENGTH}`],
  ['how old', 'year years old age ages aged'],
  ['how far', `${LENGTH} hour hours minutes`],
  ['how high', LENGTH],
  ['how tall', `${LENGTH} story stories`],
  ['how deep', LENGTH],
  ['how wide', LENGTH],
  ['how fast', 'mph kph km knots miles kilometers kilometres'],
  ['how big', `${AREA} ${LENGTH}`],
  ['how large', `${AREA} ${LENGTH}`],
];
/** Openings asking for a size, which a share or a count beside the thing measured gives as well as a unit. */
const SIZES = new Set(['how big', 'how large']);

/** The slot of a question asking for a measure ("how long is the bridge"); for a size, with the thing measured. */
export function measureSlot(words: readonly string[], kind: AnswerKind, language: Language): Slot | undefined {
  const text = ` ${words.join(' ')} `;
  const found = MEASURES.find(([cue]) => text.includes(` ${cue} `));
  if (!found) return undefined;
  const [cue, units] = found;
  const slot: Slot = { kind, units: new Set(units.split(' ')) };
  if (!SIZES.has(cue)) return slot;
  const at = words.findIndex((w, i) => w === 'how' && cue === `how ${words[i + 1]}`);
  return { ...slot, subject: subjectOf(words.slice(at + 2), language) };
}

/** The verb "be" after the cue: "how big is the pool" names the thing measured; "how big did the crowd get" is read as naming none. */
const COPULAS = new Set(['is', 'was', 'are', 'were', 's', 're']);

/**
 * The terms of the thing measured: after "is"/"was" right after the cue, the question's words up to
 * the first stopword after them ("how big was the jury pool in …" → juri, pool; "how big is the
 * nurses pay raise in …" → nurs, pai, rais). With another verb, none.
 */
function subjectOf(after: readonly string[], language: Language): ReadonlySet<string> {
  const out: string[] = [];
  if (!COPULAS.has(after[0] ?? '')) return new Set(out);
  for (const w of after.slice(1)) {
    if (isStopword(w, language)) {
      if (out.length) break;
    } else out.push(termOf(w, language));
  }
  return new Set(out);
}

/** "what time is the show on" asks for a time of day: a clock time is its strong answer, a date only a weak one. */
export function clockSlot(words: readonly string[]): Slot | undefined {
  return ` ${words.join(' ')} `.includes(' what time ') ? { kind: 'date', clock: true } : undefined;
}

/** How many words from a size the thing measured may stand: "a 6.2% increase in nurses' basic pay", "a jury pool of 140". */
const SUBJECT_REACH = 4;
const SHARE = /\p{N}\s?%|\p{N}\s?percent\b/gu;
/**
 * A number standing as a count: not glued to a word by a hyphen ("F-35", "Apollo-11": names), not a
 * rank ("5th"), not a year.
 */
const COUNT = /(?<![\p{L}\p{N}][-–]|[\p{L}\p{N}.,])\p{N}+(?:[.,]\p{N}+)*(?![\p{L}\p{N}])/gu;

/**
 * Whether `text` gives the size of the question's subject: a share beside it ("a 6.2% increase in
 * nurses' basic pay" for "the pay raise"), or a count after it ("a jury pool of 140"; a count
 * before it counts the things: "three national monuments").
 */
function sizeBesideSubject(text: string, subject: ReadonlySet<string>, said: ReadonlySet<string>, language: Language): boolean {
  const names = (list: readonly string[]) => list.some((w) => subject.has(termOf(w, language)));
  for (const m of text.matchAll(SHARE)) {
    const before = wordsOf(text.slice(0, m.index)).slice(-SUBJECT_REACH);
    const after = wordsOf(text.slice(m.index + m[0].length)).slice(0, SUBJECT_REACH + 1);
    if (names(before) || names(after)) return true;
  }
  for (const m of text.matchAll(COUNT)) {
    if (isYear(m[0]) || said.has(m[0])) continue;
    if (names(wordsOf(text.slice(0, m.index)).slice(-SUBJECT_REACH))) return true;
  }
  return false;
}

/** The strength (see `slotStrength`) of a size beside the question's subject: that of a name beside a "who" question's role; else 0. */
export function sizeStrength(text: string, subject: ReadonlySet<string>, said: ReadonlySet<string>): number {
  return sizeBesideSubject(text, subject, said, CHECK_LANGUAGE) ? BESIDE_CUE : 0;
}
