import Fuse from 'fuse.js';

/** A vocabulary word close enough to a misspelled query word. */
export interface FuzzyMatch {
  word: string;
  edits: number;
}

/**
 * How many edits a word of this length may be away from what the reader meant: Lucene's AUTO
 * fuzziness (none below 3 letters, 1 up to 5, 2 beyond). Short words have too many neighbours.
 */
export function allowedEdits(length: number): number {
  return length < 3 ? 0 : length <= 5 ? 1 : 2;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent swaps), giving up past `max`.
 * Written here because fuse.js scores similarity, not edits, and the AUTO bound is in edits.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/**
 * fuse.js over the index's vocabulary, to map a misspelled question word to words the articles
 * really contain. The vocabulary is split by word length and each bucket gets its own Fuse, built on
 * first use: a word can only be within 2 edits of words within 2 letters of its length, so each
 * search scans a slice of the vocabulary, not all of it.
 */
export class FuzzyVocabulary {
  private readonly byLength = new Map<number, string[]>();
  private readonly fuses = new Map<number, Fuse<string>>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length < 3) continue;
      let bucket = this.byLength.get(w.length);
      if (!bucket) this.byLength.set(w.length, (bucket = []));
      bucket.push(w);
    }
  }

  /** Vocabulary words within the allowed edits of `word`, closest first. */
  search(word: string, limit = 3): FuzzyMatch[] {
    const max = allowedEdits(word.length);
    if (max === 0) return [];
    const found: FuzzyMatch[] = [];
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const { item } of this.fuse(len)?.search(word, { limit: 20 }) ?? []) {
        const edits = editDistance(word, item, max);
        if (edits <= max && item !== word) found.push({ word: item, edits });
      }
    }
    found.sort((a, b) => a.edits - b.edits);
    return found.slice(0, limit);
  }

  private fuse(length: number): Fuse<string> | undefined {
    let fuse = this.fuses.get(length);
    if (!fuse) {
      const bucket = this.byLength.get(length);
      if (!bucket) return undefined;
      // Threshold 0.4 lets fuse's bitap through anything 2 edits away in words of 5+ letters;
      // editDistance then applies the exact bound. Location does not matter inside one word.
      fuse = new Fuse(bucket, { threshold: 0.4, ignoreLocation: true, isCaseSensitive: true });
      this.fuses.set(length, fuse);
    }
    return fuse;
  }
}
