import type { Language } from './language.js';
import { termOf } from './normalize.js';
import { withPrefix } from './article-range.js';

/**
 * Languages that write compounds as one word ("Hauptbesatzung" = "Haupt" + "Besatzung"): a question
 * can use a compound the articles never do, or the reverse. A fact about the languages, not a setting.
 */
const COMPOUNDING: ReadonlySet<Language> = new Set(['de', 'nl', 'sv', 'no', 'da']);

/**
 * Linking elements between the parts of a compound ("Bevölkerung-s-größe", "Sonne-n-schein"): the
 * closed set of German, Dutch and Scandinavian grammars. Tried longest first.
 */
const LINKS = ['ens', 'es', 'en', 'er', 'e', 'n', 's', ''];

/** Parts shorter than this are rarely words of their own and split too many words by accident. */
const MIN_HEAD = 4;
const MIN_MODIFIER = 3;

export function isCompounding(language: Language): boolean {
  return COMPOUNDING.has(language);
}

/**
 * Splits a lowercased word the index does not know into two parts it does ("funkwellen" → terms of
 * "funk" and "wellen"), as index terms. Of all splits, the one whose parts are most common (the
 * geometric mean of their document frequencies, as Koehn and Knight's decompounder does): rare
 * parts are more often accidental ("aus-gaben" vs "ausgab-en"). Undefined when no split works.
 */
export function splitCompound(word: string, language: Language, df: (term: string) => number): string[] | undefined {
  let best: string[] | undefined;
  let bestScore = 0;
  for (let cut = MIN_MODIFIER; cut <= word.length - MIN_HEAD; cut++) {
    const head = termOf(word.slice(cut), language);
    const headDf = df(head);
    if (headDf === 0) continue;
    const left = word.slice(0, cut);
    for (const link of LINKS) {
      if (!left.endsWith(link) || left.length - link.length < MIN_MODIFIER) continue;
      const modifier = termOf(left.slice(0, left.length - link.length), language);
      const modDf = df(modifier);
      if (modDf === 0) continue;
      const score = Math.sqrt(modDf * headDf);
      if (score > bestScore) [best, bestScore] = [[modifier, head], score];
      break;
    }
  }
  return best;
}

/** The rest of a compound must be at least this long to be a word ("spielt" is not "spiel" + a part). */
const MIN_REST = 3;

/**
 * The index's terms sorted forwards and backwards, to find the compounds that begin or end with a
 * question's term by binary search instead of scanning the vocabulary.
 */
export class CompoundVocabulary {
  private readonly forward: string[];
  private readonly backward: string[];
  private readonly memo = new Map<string, string[]>();

  private readonly known: ReadonlySet<string>;

  constructor(terms: Iterable<string>) {
    this.forward = [...terms].filter((t) => !/\p{N}/u.test(t)).sort();
    this.backward = this.forward.map(reverse).sort();
    this.known = new Set(this.forward);
  }

  /**
   * Whether what a compound holds besides the question's term is a term of its own (after a linking
   * element): "verteidigungs|spiel" is a compound, "bei|spiel" and "ver|stand" are prefixed words.
   */
  private isPart(rest: string, modifier: boolean): boolean {
    for (const link of LINKS) {
      const part = modifier ? rest.slice(0, rest.length - link.length) : rest.slice(link.length);
      if (part.length < MIN_MODIFIER) continue;
      if ((modifier ? rest.endsWith(link) : rest.startsWith(link)) && this.known.has(part)) return true;
    }
    return false;
  }

  /**
   * The index terms that hold `term` as one of their parts: those that end with `term` (it is their
   * head) or begin with it or with `word`, the folded word it is the stem of (it is their modifier: a
   * modifier keeps its full form, "verteidigungs|leist" holds "verteidigung", whose stem is "verteid").
   */
  containing(term: string, word: string = term): string[] {
    const key = `${term} ${word}`;
    let found = this.memo.get(key);
    if (found) return found;
    const matches = new Set<string>();
    for (const prefix of new Set([term, word])) {
      if (prefix.length < MIN_HEAD) continue;
      for (const t of withPrefix(this.forward, prefix)) {
        if (t.length >= prefix.length + MIN_REST && this.isPart(t.slice(prefix.length), false)) matches.add(t);
      }
    }
    if (term.length >= MIN_HEAD) {
      for (const r of withPrefix(this.backward, reverse(term))) {
        const t = reverse(r);
        if (t.length >= term.length + MIN_REST && this.isPart(t.slice(0, t.length - term.length), true)) matches.add(t);
      }
    }
    found = [...matches];
    this.memo.set(key, found);
    return found;
  }
}

function reverse(s: string): string {
  return [...s].reverse().join('');
}
