import type { SearchIndex } from './index.js';
import type { Language } from './language.js';
import type { QueryGroup } from './rank.js';
import { termOf } from './normalize.js';
import { withPrefix } from './article-range.js';
import { OTHER_NAMING_WEIGHT } from './register.js';
import { VECTOR_LANGUAGE } from './semantic.js';
import type { WordVectors } from './vectors.js';

/**
 * Words readers clip ("the execs", "the champ", "rehab"): the folder prints the whole word, and
 * the clipped one it hardly uses, so the question's word matched a stray paragraph or none. No
 * edit bound reaches "executives" from "execs", and a table of clippings would only ever hold those
 * someone thought of. So a question word the folder uses in at most RARE_USES paragraphs also
 * stands for the word that starts with it (its plural "s" aside) which the folder uses at least
 * FULL_TIMES as often, where the word vectors put the two close (CLOSE), as another naming does
 * (`OTHER_NAMING_WEIGHT`). A name is left alone ("Willis" is no "Williams"). English only, with
 * the word vectors. Figures in docs/benchmarks.md.
 */
const RARE_USES = 2;
const FULL_TIMES = 5;
const CLOSE = 0.5;

/** The groups with a rare clipped word's whole word added (see above). */
export function withClippings(
  index: SearchIndex,
  groups: QueryGroup[],
  language: Language,
  vectors: WordVectors | undefined,
  isName: (word: string) => boolean,
): QueryGroup[] {
  if (!vectors || language !== VECTOR_LANGUAGE) return groups;
  return groups.map((g) => {
    const whole = wholeWordOf(index, vectors, g.word, language);
    if (whole === undefined || isName(g.word) || g.terms.some((t) => t.term === whole)) return g;
    return { ...g, terms: [...g.terms, { term: whole, weight: OTHER_NAMING_WEIGHT, naming: true }], idf: Math.max(g.idf, index.idf(whole)) };
  });
}

/** The index term of the word `word` clips (see `withClippings`), or undefined. */
export function wholeWordOf(index: SearchIndex, vectors: WordVectors, word: string, language: Language): string | undefined {
  const id = vectors.id(word);
  if (id === undefined || !/^\p{L}{3,}$/u.test(word)) return undefined;
  const uses = index.df(termOf(word, language));
  if (uses > RARE_USES) return undefined;
  const start = word.replace(/s$/, '');
  let best: { term: string; close: number } | undefined;
  for (const longer of wordsStarting(index, start)) {
    const other = vectors.id(longer);
    if (longer.length < word.length + 2 || other === undefined) continue;
    const term = index.words.get(longer)!;
    if (index.df(term) < FULL_TIMES * Math.max(1, uses)) continue;
    const close = vectors.similarity(id, other);
    if (close >= CLOSE && (!best || close > best.close)) best = { term, close };
  }
  return best?.term;
}

/** The folder's words in order, to find those starting with a given word (built on first use). */
const sortedCache = new WeakMap<SearchIndex, string[]>();

function wordsStarting(index: SearchIndex, start: string): Iterable<string> {
  let sorted = sortedCache.get(index);
  if (!sorted) sortedCache.set(index, (sorted = [...index.words.keys()].sort()));
  return withPrefix(sorted, start);
}
