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
 * fuse.js over the index's vocabulary, to map a misspelled question word to words the articles
 * really contain. The vocabulary is split by first letter and length, and each slice gets its own
 * Fuse, built on first use: a word within 2 edits has a length within 2 of the misspelling, and
 * people rarely get the first letter wrong (Elasticsearch's `prefix_length` makes the same bet), so
 * a search scans a few hundred words instead of the whole vocabulary. Results are memoized: the
 * same misspellings come back.
 */
export class FuzzyVocabulary {
  private readonly slices = new Map<string, string[]>();
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly known = new Set<string>();
  private readonly memo = new Map<string, FuzzyMatch[]>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      if (w.length < 3) continue;
      this.known.add(w);
      const key = sliceKey(w, w.length);
      let slice = this.slices.get(key);
      if (!slice) this.slices.set(key, (slice = []));
      slice.push(w);
    }
  }

  /** Vocabulary words within the allowed edits of `word`, closest first. */
  search(word: string, limit = 3): FuzzyMatch[] {
    // One search serves every limit: a question's misspelling is looked up for ranking (all: see
    // `nearestFirst` in query.ts) and for the meaning match (3), and the shorter list is the longer one's start.
    let found = this.memo.get(word);
    if (!found) {
      found = this.find(word);
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(word, found);
    }
    return found.length > limit ? found.slice(0, limit) : found;
  }

  /** Every vocabulary word within the allowed edits of `word` that fuse.js proposes, closest first. */
  private find(word: string): FuzzyMatch[] {
    const max = allowedEdits(word.length);
    const found: FuzzyMatch[] = [];
    const add = (item: string) => {
      const edits = editDistance(word, item, max);
      if (edits <= max && item !== word && !found.some((f) => f.word === item)) found.push({ word: item, edits });
    };
    const scan = (probe: string, spread: number) => {
      for (let len = probe.length - spread; max > 0 && len <= probe.length + spread; len++) {
        const key = sliceKey(probe, len);
        // fuse.js scores every word of the slice; only words within the edits are kept of what it
        // finds, so a slice with none of those is not searched (the same result, much sooner).
        if (!this.slices.get(key)?.some((w) => w !== word && editDistance(word, w, max) <= max)) continue;
        for (const { item } of this.fuse(key)?.search(probe, { limit: FUSE_LIMIT }) ?? []) add(item);
      }
    };
    scan(word, max);
    // The one first-letter slip the slices would miss and people often make: the first two letters
    // swapped ("rpesident"). Looked up in the other letter's slice, at its own length only.
    if (word.length > 3 && word[0] !== word[1]) scan(word[1]! + word[0]! + word.slice(2), 0);
    // Any two neighbouring letters swapped, looked up directly: fuse.js's bitap scores a swap as two
    // slips, and among a slice's many two-slip words "fair" fell out of its best guesses for "fiar".
    for (const swapped of swapsOf(word)) if (max > 0 && this.known.has(swapped)) add(swapped);
    return found.sort((a, b) => a.edits - b.edits);
  }

  private fuse(key: string): Fuse<string> | undefined {
    let fuse = this.fuses.get(key);
    if (!fuse) {
      const slice = this.slices.get(key);
      if (!slice) return undefined;
      // Threshold 0.4 lets fuse's bitap through anything 2 edits away in words of 5+ letters;
      // editDistance then applies the exact bound. Location does not matter inside one word.
      fuse = new Fuse(slice, { threshold: 0.4, ignoreLocation: true, isCaseSensitive: true });
      this.fuses.set(key, fuse);
    }
    return fuse;
  }
}

/** The word with each pair of neighbouring letters swapped in turn. */
export function swapsOf(word: string): string[] {
  const chars = [...word];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === chars[i + 1]) continue;
    const c = chars.slice();
    [c[i], c[i + 1]] = [c[i + 1]!, c[i]!];
    out.push(c.join(''));
  }
  return out;
}

const MEMO_LIMIT = 10_000;
/**
 * How many of fuse.js's best guesses per slice are checked for edits: fuse.js scores by its own
 * measure, and at 20 a word one letter short ("aply", "orgin") missed its word among a few hundred
 * of the same first letter and length.
 */
const FUSE_LIMIT = 60;

function sliceKey(word: string, length: number): string {
  return `${String.fromCodePoint(word.codePointAt(0)!)}${length}`;
}
