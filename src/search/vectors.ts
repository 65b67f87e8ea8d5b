import { int8Dot, type Int8Dot } from './int8-dot.js';

/**
 * Word vectors: a point in space per word, near for words used alike ("oust" and "replace",
 * "farmers" and "agriculture"). They let the ranking see that a paragraph answers a question that
 * shares few of its words. Stored as one signed byte per dimension with a scale per word: a quarter
 * of the memory of floats, and cosines still right to about 0.01.
 */
export class WordVectors {
  /**
   * Open-addressing hash table of word numbers + 1 (0 = empty), twice the word count rounded up to a
   * power of two: finding a word hashes it and compares one or two words, with no string per word
   * (a Map of strings costs far more heap, a binary search over the sorted text many comparisons;
   * figures in docs/search.md, "Tuning notes").
   */
  private readonly table: Int32Array;
  /** The vectors' bytes, where the fast dot product reads them. */
  private readonly products: Int8Dot;

  constructor(
    /**
     * Every word, joined: word i is `text.slice(offsets[i], offsets[i + 1])`. One string and one
     * array instead of a string per word and a Map of them, which take far more heap.
     */
    readonly text: string,
    readonly offsets: Uint32Array,
    /** size × dimensions bytes: word i's vector is data[i·dimensions .. (i+1)·dimensions) (see `data`). */
    data: Int8Array,
    /** Per word: the factor that turns its bytes back into a unit-length vector. */
    readonly scales: Float32Array,
    readonly dimensions: number,
  ) {
    const size = offsets.length - 1;
    if (size < 0 || data.length !== size * dimensions || scales.length !== size || offsets[size] !== text.length) {
      throw new RangeError(`word vectors: ${size} words do not fit ${data.length} bytes of ${dimensions} dimensions`);
    }
    this.products = int8Dot(data);
    this.table = new Int32Array(2 ** Math.ceil(Math.log2(Math.max(2, size * 2))));
    const mask = this.table.length - 1;
    for (let id = 0; id < size; id++) {
      let slot = hash(text, offsets[id]!, offsets[id + 1]!) & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = id + 1;
    }
  }

  /** Words with float vectors in, bytes out. A word listed twice keeps its first vector. */
  static fromFloats(words: readonly string[], vectors: Float32Array, dimensions: number): WordVectors {
    const seen = new Set<string>();
    const kept = words.flatMap((w, i) => (seen.has(w) ? [] : (seen.add(w), [i])));
    const data = new Int8Array(kept.length * dimensions);
    const scales = new Float32Array(kept.length);
    const offsets = new Uint32Array(kept.length + 1);
    let text = '';
    kept.forEach((from, i) => {
      text += words[from]!;
      offsets[i + 1] = text.length;
      const at = from * dimensions;
      let norm = 0;
      let max = 0;
      for (let d = 0; d < dimensions; d++) {
        const x = vectors[at + d]!;
        norm += x * x;
        max = Math.max(max, Math.abs(x));
      }
      norm = Math.sqrt(norm);
      if (norm === 0 || max === 0) return; // stays a zero vector: similar to nothing
      const unitMax = max / norm;
      for (let d = 0; d < dimensions; d++) data[i * dimensions + d] = Math.round((vectors[at + d]! / norm / unitMax) * 127);
      scales[i] = unitMax / 127;
    });
    return new WordVectors(text, offsets, data, scales, dimensions);
  }

  /** The vectors' bytes, as the dot product reads them (a copy of the constructor's, with WebAssembly). */
  get data(): Int8Array {
    return this.products.data;
  }

  get size(): number {
    return this.offsets.length - 1;
  }

  /** Word number `id`. */
  word(id: number): string {
    return this.text.slice(this.offsets[id], this.offsets[id + 1]);
  }

  /** The word's number, or undefined when it has no vector (names, misspellings, other languages). */
  id(word: string): number | undefined {
    const mask = this.table.length - 1;
    for (let slot = hash(word, 0, word.length) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.table[slot]!;
      if (entry === 0) return undefined;
      if (this.is(word, entry - 1)) return entry - 1;
    }
  }

  /** Whether word number `id` is `word`, without slicing the text. */
  private is(word: string, id: number): boolean {
    const start = this.offsets[id]!;
    if (this.offsets[id + 1]! - start !== word.length) return false;
    for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== this.text.charCodeAt(start + i)) return false;
    return true;
  }

  /** Cosine similarity of two words by number, in [-1, 1]; 1 for a word with itself. */
  similarity(a: number, b: number): number {
    if (a === b) return this.scales[a] === 0 ? 0 : 1;
    const dims = this.dimensions;
    const dot = this.products.dot(a * dims, b * dims, dims);
    return dot * this.scales[a]! * this.scales[b]!;
  }
}

/** FNV-1a over UTF-16 code units of `text[start, end)`. */
function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
