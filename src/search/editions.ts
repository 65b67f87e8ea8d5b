import type { SearchIndex } from './index.js';
import type { Language } from './language.js';
import { isStopword, termOf, writtenWords } from './normalize.js';
import type { QueryGroup } from './rank.js';
import { articleDocs } from './check.js';
import { isYear } from './fit.js';
import { paragraphOf } from './lookup.js';

/**
 * An edition the question names that its answer's article is not about: "iPhone 18" answered from
 * a story that writes "iPhone 13" and never "iPhone 18", "Color of the Year 2025" from one about
 * "Color of the Year 2026". A number right after a word of the question is an edition of that
 * name; the article is about another edition when it writes the name with another number after it
 * and never with the asked one. Another edition is like another year: it counts against answering
 * and the answer says so.
 */

/** A number of the question with the word before it, the name it numbers. */
export interface Edition {
  name: QueryGroup;
  number: string;
  /** The question's words before the name, nearest first: the rest of a name of several words ("color of the" year). */
  wordsBefore: readonly string[];
}

const NUMBER = /^\p{N}+$/u;
/** What may stand between a name and its edition's number: a space ("iPhone 13") or a hyphen ("Apollo-11"). */
const JOINED = /^(?:\s+|-)$/u;
const isWord = (g: QueryGroup) => g.terms.length > 0 && /\p{L}/u.test(g.word);

/**
 * The question's numbers right after a word the folder uses, with that word: "iphone 18", not
 * "newcastle in 1981". A number before a word is mostly a count (taking "22 crash" as an edition
 * turned a right answer down; figures in docs/benchmarks.md).
 */
export function editionsOf(words: readonly string[], groups: readonly QueryGroup[]): Edition[] {
  const out: Edition[] = [];
  words.forEach((word, i) => {
    const name = i > 0 && NUMBER.test(word) ? groups.find((g) => g.word === words[i - 1]) : undefined;
    if (name && isWord(name)) out.push({ name, number: word, wordsBefore: words.slice(0, i - 1).reverse() });
  });
  return out;
}

/**
 * The numbers `text` writes right after a term of `names`: the asked one however written, others
 * only after a name written with a capital ("iPhone 13", "Year 2026"): a plain word's number is an
 * amount ("magnitude 6", "topped $4 trillion"), not an edition. A rank right before the name
 * numbers it however written ("the fourth season", "its 12th season"): a rank is never an amount.
 * Right after means with nothing but a space or a hyphen between: "Super Tuesday, 1,344 delegates"
 * numbers the delegates, not the Tuesday. And only a number of the asked one's kind: a year is
 * contradicted by another year, an edition number by another such number ("Super Bowl 58" is
 * "Super Bowl 2024" by another naming).
 * Each number with how the name was written, with the words before it that the question also says
 * before it: the note names "Color of the Year 2025" as asked, not "Year 2025".
 */
function numbersAfter(text: string, language: Language, e: Edition, names: ReadonlySet<string>, into: Map<string, string>): void {
  const nfc = text.normalize('NFC');
  const words = writtenWords(nfc, language);
  const termsBefore = e.wordsBefore.map((w) => termOf(w, language));
  words.forEach((w, k) => {
    // A rank right before the name numbers it too: "the fourth season" is "season 4" by another naming.
    const rank = k > 0 && names.has(w.term) && !isYear(e.number) ? rankOf(words[k - 1]!.written.toLowerCase()) : undefined;
    if (rank !== undefined && JOINED.test(nfc.slice(words[k - 1]!.start + words[k - 1]!.written.length, w.start))) {
      if (w.written.length > (into.get(rank)?.length ?? 0)) into.set(rank, w.written);
    }
    const next = words[k + 1];
    const number = next?.term;
    if (!names.has(w.term) || number === undefined || !NUMBER.test(number)) return;
    if (!JOINED.test(nfc.slice(w.start + w.written.length, next!.start))) return;
    if (number !== e.number && (!/\p{Lu}/u.test(w.written) || isYear(number) !== isYear(e.number))) return;
    let nameStart = k;
    while (nameStart > 0 && k - nameStart < termsBefore.length && words[nameStart - 1]!.term === termsBefore[k - nameStart]) nameStart--;
    // Not from a function word: "the iPhone 13" names "iPhone 13".
    while (nameStart < k && isStopword(words[nameStart]!.written.toLowerCase(), language)) nameStart++;
    const name = nfc.slice(words[nameStart]!.start, w.start + w.written.length);
    if (name.length > (into.get(number)?.length ?? 0)) into.set(number, name);
  });
}

/** Ranks as the news spells them out, first to twentieth: "the show's fourth season". */
const RANK_WORDS = (
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth ' +
  'sixteenth seventeenth eighteenth nineteenth twentieth'
).split(' ');
const RANK = /^(\p{N}+)(?:st|nd|rd|th)$/u;

/** The number a rank stands for ("fifth", "12th"), as digits; undefined for any other word. */
function rankOf(word: string): string | undefined {
  const spelled = RANK_WORDS.indexOf(word);
  return spelled >= 0 ? String(spelled + 1) : RANK.exec(word)?.[1];
}

/**
 * The question's edition that the article writes only with other numbers, in its paragraphs or
 * title, as the article writes the name ("iPhone 18"); undefined when there is none.
 */
export function otherEdition(index: SearchIndex, words: readonly string[], groups: readonly QueryGroup[], article: number): string | undefined {
  const editions = editionsOf(words, groups);
  if (editions.length === 0) return undefined;
  const language = index.articleLanguage(article);
  const articleOf = index.articles[article]!;
  for (const e of editions) {
    const names = new Set(e.name.terms.map((t) => t.term));
    const numbers = new Map<string, string>();
    numbersAfter(articleOf.title, language, e, names, numbers);
    for (const doc of articleDocs(index, [e.name], article)) numbersAfter(paragraphOf(index, doc).text, language, e, names, numbers);
    const written = numbers.values().next().value;
    if (written !== undefined && !numbers.has(e.number)) return `${written} ${e.number}`;
  }
  return undefined;
}
