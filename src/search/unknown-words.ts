import type { SearchIndex } from './index.js';
import type { QueryGroup } from './rank.js';
import { neverSays } from './check.js';
import type { WordVectors } from './vectors.js';

/**
 * A rare word of the question that the folder never writes and the answer's article holds no
 * correction of: "why was the pinecrest mayor arrested" answered from a Tuscaloosa story about a
 * mayor, "pinecrest" read as "pinterest", which that story lacks too. The question's most
 * distinctive word is then absent from the article that answers it. A misspelt name whose
 * correction the article holds ("mcconaughy" for a McConaughey story) is no doubt.
 *
 * Rare means the word vectors do not know it, nor a word one slip from it: an everyday word the
 * folder happens not to use ("attribute", or "discoverd" for "discovered") says nothing of the
 * topic, and counting those turned away right XQuAD answers by the dozen, typos' most (figures in
 * docs/benchmarks.md). So without word vectors there is no such doubt. As for names (see
 * `missingName`), an article of one paragraph leaves most of its story's words unsaid.
 */

/** The question's rare word (as written) that the folder lacks and article `article` holds no correction of. */
export function unknownWord(
  index: SearchIndex,
  groups: readonly QueryGroup[],
  article: number,
  vectors: WordVectors | undefined,
): string | undefined {
  if (!vectors) return undefined;
  for (const g of groups) {
    if (!/^\p{L}+$/u.test(g.word) || g.terms.some((t) => t.weight >= 1)) continue;
    if (vectors.id(g.word) !== undefined || slipOfKnown(vectors, g.word)) continue;
    if (neverSays(index, g, article)) return g.word;
  }
  return undefined;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Whether one slip (a letter dropped, doubled or added, two swapped, one replaced) turns `word` into
 * one the word vectors know: then it is as likely a misspelt everyday word as a name.
 */
export function slipOfKnown(vectors: WordVectors, word: string): boolean {
  const letters = new Set(LETTERS + word);
  const known = (w: string) => w !== word && vectors.id(w) !== undefined;
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail.length > 0 && known(head + tail.slice(1))) return true;
    if (tail.length > 1 && known(head + tail[1]! + tail[0]! + tail.slice(2))) return true;
    for (const c of letters) {
      if (known(head + c + tail)) return true;
      if (tail.length > 0 && known(head + c + tail.slice(1))) return true;
    }
  }
  return false;
}
