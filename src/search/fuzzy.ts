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
  // Three rows reused from call to call: this runs over whole slices of the vocabulary.
  if (rows[0].length <= n) rows = [new Int32Array(2 * n + 2), new Int32Array(2 * n + 2), new Int32Array(2 * n + 2)];
  let [prev2, prev, cur] = rows;
  prev2.fill(0, 0, n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
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

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * The index's vocabulary, to map a misspelled question word to words the articles really contain.
 * It is split by first letter and length: a word within 2 edits has a length within 2 of the
 * misspelling, and people rarely get the first letter wrong (Elasticsearch's `prefix_length` makes
 * the same bet), so a search measures the edits to a few hundred words instead of the whole
 * vocabulary. Every word of those slices is measured: a ranked search (fuse.js's bitap, tried first)
 * scores a swap as two slips and left "fair" out of its best guesses for "fiar". Results are
 * memoized: the same misspellings come back.
 */
export class FuzzyVocabulary {
  private readonly slices = new Map<string, string[]>();
  private readonly memo = new Map<string, FuzzyMatch[]>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length < 3) continue;
      const key = sliceKey(w, w.length);
      let slice = this.slices.get(key);
      if (!slice) this.slices.set(key, (slice = []));
      slice.push(w);
    }
  }

  /** Vocabulary words within the allowed edits of `word`, closest first. */
  search(word: string, limit = 3): FuzzyMatch[] {
    const key = `${limit}:${word}`;
    const known = this.memo.get(key);
    if (known) return known;
    const max = allowedEdits(word.length);
    const found: FuzzyMatch[] = [];
    const scan = (probe: string, spread: number) => {
      for (let len = probe.length - spread; max > 0 && len <= probe.length + spread; len++) {
        for (const item of this.slices.get(sliceKey(probe, len)) ?? []) {
          if (item === word) continue;
          const edits = editDistance(word, item, max);
          if (edits <= max && !found.some((f) => f.word === item)) found.push({ word: item, edits });
        }
      }
    };
    scan(word, max);
    // The one first-letter slip the slices would miss and people often make: the first two letters
    // swapped ("rpesident"). Looked up in the other letter's slice, at its own length only.
    if (word.length > 3 && word[0] !== word[1]) scan(word[1]! + word[0]! + word.slice(2), 0);
    // Ties in the order of the vocabulary, as they were found.
    found.sort((a, b) => a.edits - b.edits);
    const result = found.slice(0, limit);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(key, result);
    return result;
  }
}

const MEMO_LIMIT = 10_000;

function sliceKey(word: string, length: number): string {
  return `${String.fromCodePoint(word.codePointAt(0)!)}${length}`;
}
