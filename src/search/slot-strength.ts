import { sizeStrength } from './measures.js';
import { isStopword, termOf, wordsOf } from './normalize.js';
import { kindNameStrength, newNameStrength, sameWord } from './new-names.js';
import { CHECK_LANGUAGE, STRONG, type Slot } from './slots.js';
import { CLOCK, contactStrength } from './contact.js';
import { isYear as isYearNumber } from './fit.js';
import { MONTH_WORDS } from './months.js';

/** How strongly a sentence holds an answer of the kind a question's slot asks for (see `slots.ts`). */

const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));
const NUMBER_WORDS = new Set(
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion dozen dozens half'.split(
    ' ',
  ),
);
const NUMBER = /^\p{N}/u;
/** "100th", "21st": a rank, not a count ("celebrating its 100th anniversary" says nothing of how many). */
const ORDINAL = /^\p{N}+(?:st|nd|rd|th)$/u;
/** An earlier year, said as one only after a preposition of time ("after 1279", "in 1519"): alone it may be a count. */
const EARLY_YEAR = /^1\d\d\d$/;
const TIME_PREPOSITIONS = new Set('in since by after before until till from of between around circa to and through during'.split(' '));
/** What stands before a target year: "by 2028", "until 2030". */
const TARGET = new Set(['by', 'until', 'till']);
/** A decade: "the 1990s", "the '80s". */
const DECADE = /^(?:1\d|20)?\d0s$/;

/** Whether `words[i]` is a year: one of the news's ("2022"), or an earlier one after a preposition of time ("after 1279"). */
function isYear(words: readonly string[], i: number): boolean {
  return isYearNumber(words[i]!) || (EARLY_YEAR.test(words[i]!) && TIME_PREPOSITIONS.has(words[i - 1] ?? ''));
}

/** Whether `words[i]` names a decade or a century: "in the 1990s", "the mid-18th century". */
function isEra(words: readonly string[], i: number): boolean {
  return DECADE.test(words[i]!) || (ORDINAL.test(words[i]!) && words[i + 1] === 'century');
}
/** How many words after a number its unit may come: "about 14,000 hourly and salaried jobs". */
const UNIT_REACH = 4;
/** The small numbers the news spells out, both ways: the question's "2 bed" is the article's "two-bed". */
const SMALL_NUMBERS = 'one two three four five six seven eight nine ten eleven twelve'.split(' ');
const SAME_NUMBER = new Map(SMALL_NUMBERS.flatMap((w, i) => [[w, String(i + 1)] as const, [String(i + 1), w] as const]));

/**
 * Whether the words after a number name the unit asked for before any other thing it may count: "about
 * 14,000 hourly and salaried jobs" counts jobs, "300 drones and cruise missiles" counts drones, not
 * missiles (a plural is the first thing counted).
 */
function countsUnit(after: readonly string[], isUnit: (w: string) => boolean): boolean {
  for (const w of after) {
    if (isUnit(w)) return true;
    if (w.length >= 4 && w.endsWith('s') && !w.endsWith('ss') && !isStopword(w, CHECK_LANGUAGE)) return false;
  }
  return false;
}

const RANK_WORDS = new Set(
  'second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth twentieth'.split(' '),
);
/** A rank: "7th", "seventh". */
const isRank = (w: string) => ORDINAL.test(w) || RANK_WORDS.has(w);

/** A number that may count what is asked: digits or a number word, not a year, not a rank. */
function isCount(w: string): boolean {
  return (NUMBER.test(w) && !isYearNumber(w) && !ORDINAL.test(w)) || NUMBER_WORDS.has(w);
}

/** Whether the question says the number `w` itself, in digits or in words: no answer to it. */
function saysNumber(said: ReadonlySet<string>, w: string): boolean {
  const other = SAME_NUMBER.get(w);
  return said.has(w) || (other !== undefined && said.has(other));
}
const MONEY = /[$£€¥]\s?\p{N}|\p{N}\s?(?:(?:thousand|million|billion|trillion)\s)?(?:dollars|euros|pounds)\b/u;
const PERCENT = /\p{N}\s?%|\bpercent\b/u;
/** Two counts set against each other: "a 72-25 vote", "won 3–1". */
const TALLY = /(?<![\p{N}.,/–-])\p{N}{1,3}\s?[-–]\s?\p{N}{1,3}(?![\p{N}]|[.,/–-]\p{N})/u;

/**
 * 0 when the sentence holds no answer of the slot's kind outside the question's words, 1 for a weak
 * one, 2 for a strong one, 3 for a strong name beside the question's role or deed.
 */
export function slotStrength(text: string, words: readonly string[], slot: Slot, said: ReadonlySet<string>): number {
  if (slot.kind === 'person' || slot.kind === 'place') return newNameStrength(text, said, slot);
  if (slot.kind === 'organisation' || slot.kind === 'honour') return kindNameStrength(text, said, slot.kind);
  if (slot.kind === 'deed') return deedStrength(words, slot, said);
  if (slot.kind === 'quote') return quoteStrength(text, words, slot, said);
  if (slot.kind === 'reason') return REASON.test(text) ? 1 : 0;
  if (slot.kind === 'contact') return contactStrength(text, slot.contact!);
  // Only ever weak: the phrase may name another thing of the article ("known as the "Dogg Pound"").
  if (slot.kind === 'name') return NAMING.test(text) ? 1 : 0;
  if (slot.kind === 'tally') return TALLY.test(text) ? 2 : words.some((w) => isCount(w) && !saysNumber(said, w)) ? 1 : 0;
  let weak = false;
  if (slot.kind === 'number') {
    // A size beside the thing measured is the strongest answer ("a 6.2% increase in nurses' basic pay" for "how big is the pay raise").
    const size = slot.subject?.size ? sizeStrength(text, slot.subject, said) : 0;
    if (size) return size;
    if (slot.money && MONEY.test(text)) return 2;
    if (slot.percent && PERCENT.test(text)) return 2;
    const isUnit = (u: string) => slot.units!.has(u) || slot.units!.has(termOf(u, CHECK_LANGUAGE));
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      // "her third knee operation" says how many operations she has had; a rank before another noun says nothing.
      if (slot.units && isRank(w) && !said.has(w) && countsUnit(words.slice(i + 1, i + 1 + UNIT_REACH), isUnit)) return 2;
      if (!isCount(w) || saysNumber(said, w)) continue;
      weak = true;
      if (slot.units && countsUnit(words.slice(i + 1, i + 1 + UNIT_REACH), isUnit)) return 2;
    }
    return weak ? 1 : 0;
  }
  // A date: a month with a day or year, or a clock time, is strong; a year, a decade, a century or a weekday alone weak.
  if (CLOCK.test(text)) return 2;
  // "what time": a date is only a weak answer.
  if (slot.clock) return words.some((w, i) => !said.has(w) && (MONTH_WORDS.has(w) || WEEKDAYS.has(w) || isYear(words, i))) ? 1 : 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (said.has(w)) continue;
    if (MONTH_WORDS.has(w) && (NUMBER.test(words[i + 1] ?? '') || NUMBER.test(words[i - 1] ?? ''))) return 2;
    // A target year answers when something is to happen: "expects the bridge to reopen by 2028".
    if (slot.ahead && isYearNumber(w) && TARGET.has(words[i - 1] ?? '')) return 2;
    // A year answers when something happened ("their friendship went back to 1974"); "by 2028" does not.
    if (slot.past && isYear(words, i) && !TARGET.has(words[i - 1] ?? '')) return 2;
    if (MONTH_WORDS.has(w) || WEEKDAYS.has(w) || isYear(words, i) || isEra(words, i)) weak = true;
  }
  return weak ? 1 : 0;
}

/**
 * A sentence saying the question's verb with something the question does not say after it ("he
 * blamed a wet pitch" for "what did the coach blame") is a weak answer; for a level asked
 * ("what did the city raise the fee to"), one with a number after "to" ("raised the fee … to
 * 10%") a strong one.
 */
function deedStrength(words: readonly string[], slot: Slot, said: ReadonlySet<string>): number {
  const verbs = words.flatMap((w, i) => (sameWord(w, slot.role![0]!) ? [i] : []));
  if (!verbs.length) return 0;
  const level = words.some((w, i) => i > verbs[0]! && w === 'to' && isCount(words[i + 1] ?? '') && !saysNumber(said, words[i + 1]!));
  if (slot.level && level) return STRONG;
  return verbs.some((i) => saysMore(words.slice(i + 1), said)) ? 1 : 0;
}

/** Whether words after a verb say something the question does not: "blamed a wet pitch". */
const saysMore = (after: readonly string[], said: ReadonlySet<string>) =>
  after.slice(0, UNIT_REACH).some((w) => !said.has(w) && !isStopword(w, CHECK_LANGUAGE));

/** What says why: "because …", "due to …", "after they engaged in protests" (not "after 2020", "after Monday"). */
const REASON =
  /\b(?:because|due to|owing to|thanks to|as a result|caused by|blamed|reason|amid|so that|in order to|after(?!\s+(?:\p{N}|the\s+\p{N}|(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|march|april|may|june|july|aug|sept|oct|nov|dec|years?\b|months?\b|weeks?\b|days?\b|hours?\b)))\b/iu;

/** A name given as one: "called the Pathfinder School of Innovation", "a video titled "It's Been A Minute"". */
const NAMING =
  /\b(?:called|titled|dubbed|known as|nicknamed)\s+(?:the\s+|a\s+|an\s+)?(?:["“‘][^"”’]{2,}|\p{Lu}[\p{L}\p{M}'’.-]+\s+(?:of\s+|the\s+|and\s+)?\p{Lu}[\p{L}\p{M}'’.-]+)/u;

/**
 * A quote of a few words the question does not say: strong when the question's doer is named before
 * the verb asked about ("Fain … calling Trump a "scab"" for "what did Fain call Trump", not "Trump
 * called Fain "a weapon""), weak otherwise.
 */
function quoteStrength(text: string, words: readonly string[], slot: Slot, said: ReadonlySet<string>): number {
  const quoted = [...text.matchAll(/["“]([^"”]{1,60})["”]/gu)].some((m) => {
    const inner = wordsOf(m[1]!);
    return inner.length > 0 && inner.length <= 8 && !inner.every((w) => said.has(w));
  });
  if (!quoted) return 0;
  const byDoer = words.some((w, i) => slot.verb!.has(w) && words.slice(0, i).some((d) => slot.doer!.has(d)));
  return byDoer ? 2 : 1;
}
