import type { SearchIndex } from './index.js';
import type { Language } from './language.js';
import type { QueryGroup } from './rank.js';
import { isStopword, termOf } from './normalize.js';

/**
 * The register readers write in against the one the news is written in: "doj" for "the Justice
 * Department", "kids" for "children". A curated list, not pairs learned from the folder's
 * "Department of Justice (DOJ)": the news spells out the household acronyms without ever pairing
 * them so (figures in docs/benchmarks.md). Kept narrow: each pair is one a reader would swap without
 * a second thought, where WordNet's synonyms as a whole cost as many answers as they gained.
 */

/** Namings of one thing in English news, each standing for every other: the acronym readers type, the name articles print. */
const SAME: ReadonlyArray<readonly string[]> = [
  ['doj', 'justice department', 'department of justice'],
  ['dod', 'defense department', 'department of defense', 'pentagon'],
  ['dhs', 'homeland security'],
  ['hhs', 'health and human services'],
  ['gop', 'republican'],
  ['scotus', 'supreme court'],
  ['nyc', 'new york city'],
  ['ev', 'electric vehicle'],
  ['fed', 'federal reserve'],
  ['irs', 'internal revenue service'],
  ['fbi', 'federal bureau of investigation'],
  ['cia', 'central intelligence agency'],
  ['cdc', 'centers for disease control'],
  ['fda', 'food and drug administration'],
  ['epa', 'environmental protection agency'],
  ['faa', 'federal aviation administration'],
  ['nhtsa', 'national highway traffic safety administration'],
  ['tsa', 'transportation security administration'],
  ['un', 'united nations'],
  ['eu', 'european union'],
  ['uk', 'united kingdom', 'britain'],
  ['nfl', 'national football league'],
  ['nba', 'national basketball association'],
  ['mlb', 'major league baseball'],
  ['gm', 'general motors'],
  ['ceo', 'chief executive'],
  ['cfo', 'chief financial officer'],
  ['vp', 'vice president'],
  ['ai', 'artificial intelligence'],
  ['gdp', 'gross domestic product'],
  ['kids', 'children'],
  ['kid', 'child'],
  ['mom', 'mother'],
  ['dad', 'father'],
  ['teen', 'teenager'],
  ['cop', 'police'],
  ['movie', 'film'],
];

/** Informal words with the news's word for them, one way: "dollars" is no "bucks" (the Milwaukee Bucks are). */
const INFORMAL: ReadonlyArray<readonly [string, string]> = [
  ['potus', 'president'],
  ['bucks', 'dollars'],
  ['folks', 'people'],
  ['guy', 'man'],
  ['guys', 'men'],
  ['doc', 'doctor'],
  ['grandma', 'grandmother'],
  ['grandpa', 'grandfather'],
  ['hubby', 'husband'],
];

/**
 * What the news writes for a reader's "say", one way: "what did China say the balloon was" is
 * answered by "China claimed the object was a weather balloon". Hand-written, as the stemmer joins
 * only the forms of one verb. Verbs whose object is what was said, only: not "said" or "told"
 * (which the stemmer parts from "say"): they attribute nearly every quote in the news, and with them
 * the balloon answer lost to "… a White House spokesperson, told USA TODAY"; nor "stated", whose
 * stem is the noun "state". Figures in docs/benchmarks.md.
 */
const REPORTING: ReadonlyArray<readonly [string, string]> = [
  ['say', 'claimed'],
  ['say', 'described'],
  ['say', 'insisted'],
  ['say', 'argued'],
];

/** The list is English: the language its namings are stemmed in. */
const REGISTER_LANGUAGE: Language = 'en';

/** A naming as the index terms of its content words ("department of justice" → depart, justic). */
type Terms = readonly string[];

/** A naming's content words, as a question's content words are listed (stopwords left out). */
const contentOf = (naming: string): string[] => naming.split(' ').filter((w) => !isStopword(w, REGISTER_LANGUAGE));

/** Each naming (its content words, joined by spaces) with the namings it may stand for, as terms. */
const OTHERS: ReadonlyMap<string, readonly Terms[]> = (() => {
  const others = new Map<string, Terms[]>();
  const add = (from: string, to: string) => {
    const key = contentOf(from).join(' ');
    const terms = contentOf(to).map((w) => termOf(w, REGISTER_LANGUAGE));
    const list = others.get(key) ?? [];
    if (from !== to && !list.some((t) => t.join(' ') === terms.join(' '))) list.push(terms);
    others.set(key, list);
  };
  for (const set of SAME) for (const a of set) for (const b of set) add(a, b);
  for (const [informal, news] of [...INFORMAL, ...REPORTING]) add(informal, news);
  return others;
})();

/** The longest naming, in words: how far ahead a question's words are read for one. */
const LONGEST = Math.max(...[...OTHERS.keys()].map((k) => k.split(' ').length));

/**
 * The namings a run of a question's words may be: as written, or with a plural "s" off its last
 * word ("republicans", "evs"). Words, not stems: a stem joins words a reader would not swap ("eve"
 * and "ev", "presidency" and "president").
 */
function namingsOf(run: readonly string[]): readonly Terms[] | undefined {
  const last = run[run.length - 1]!;
  const singular = last.length >= 3 && last.endsWith('s') ? [...run.slice(0, -1), last.slice(0, -1)] : undefined;
  return OTHERS.get(run.join(' ')) ?? (singular && OTHERS.get(singular.join(' ')));
}

/**
 * Other namings of the question's content words (in order, stopwords left out), per word: each as
 * the terms of its content words. A word inside a naming of several words ("justice" in "justice
 * department") gets what the whole naming stands for ("doj"). English questions only.
 */
export function otherNamings(content: readonly string[], language: Language): Map<string, Terms[]> {
  const found = new Map<string, Terms[]>();
  if (language !== REGISTER_LANGUAGE) return found;
  for (let i = 0; i < content.length; i++)
    for (let n = 1; n <= LONGEST && i + n <= content.length; n++) {
      const run = content.slice(i, i + n);
      for (const word of run) found.set(word, [...(found.get(word) ?? []), ...(namingsOf(run) ?? [])]);
    }
  for (const [word, terms] of found) if (terms.length === 0) found.delete(word);
  return found;
}

/** The terms a question's words may also stand for (see `otherNamings`): what a store must read besides the words' own. */
export function otherNamingTerms(content: readonly string[], language: Language): string[] {
  return [...new Set([...otherNamings(content, language).values()].flat(2))];
}

/**
 * What another naming of a question word counts for against the word itself: a hit, but a weaker
 * one, since "department" alone is not "doj", nor every "film" the movie asked about.
 */
export const OTHER_NAMING_WEIGHT = 0.5;

/**
 * The question's groups with other namings of their words joined as weaker alternatives (see
 * `otherNamings`). A word the folder does not use at all is read as its other namings alone, not as
 * a misspelling of some other word: "scotus" is the Supreme Court, not "Scott".
 */
export function withOtherNamings(index: SearchIndex, groups: QueryGroup[], content: readonly string[], language: Language): QueryGroup[] {
  const namings = otherNamings(content, language);
  if (namings.size === 0) return groups;
  return groups.map((g) => {
    const others = namings.get(g.word);
    if (!others) return g;
    const own = termOf(g.word, language);
    const known = index.postings.has(own);
    const have = new Set(known ? g.terms.map((t) => t.term) : []);
    const extra: QueryGroup['terms'] = [];
    for (const terms of others) {
      for (const term of terms)
        if (!have.has(term) && index.postings.has(term)) {
          have.add(term);
          extra.push({ term, weight: OTHER_NAMING_WEIGHT, naming: true });
        }
    }
    if (extra.length === 0) return g;
    if (known) return { ...g, terms: [...g.terms, ...extra] };
    return { ...g, terms: extra, idf: Math.max(...extra.map((t) => index.idf(t.term))) };
  });
}
