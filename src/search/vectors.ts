/**
 * Word vectors: a point in space per word, near for words used alike ("oust" and "replace",
 * "farmers" and "agriculture"). They let the ranking see that a paragraph answers a question that
 * shares few of its words. Stored as one signed byte per dimension with a scale per word: a quarter
 * of the memory of floats, and cosines still right to about 0.01.
 */
export class WordVectors {
  private readonly ids: Map<string, number>;

  constructor(
    readonly words: readonly string[],
    /** words.length × dimensions bytes: word i's vector is data[i·dimensions .. (i+1)·dimensions). */
    readonly data: Int8Array,
    /** Per word: the factor that turns its bytes back into a unit-length vector. */
    readonly scales: Float32Array,
    readonly dimensions: number,
  ) {
    if (data.length !== words.length * dimensions || scales.length !== words.length) {
      throw new RangeError(`word vectors: ${words.length} words do not fit ${data.length} bytes of ${dimensions} dimensions`);
    }
    this.ids = new Map(words.map((w, i) => [w, i]));
  }

  /** Unit-length float vectors in, bytes out. */
  static fromFloats(words: readonly string[], vectors: Float32Array, dimensions: number): WordVectors {
    const data = new Int8Array(words.length * dimensions);
    const scales = new Float32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const at = i * dimensions;
      let norm = 0;
      let max = 0;
      for (let d = 0; d < dimensions; d++) {
        const x = vectors[at + d]!;
        norm += x * x;
        max = Math.max(max, Math.abs(x));
      }
      norm = Math.sqrt(norm);
      if (norm === 0 || max === 0) continue; // stays a zero vector: similar to nothing
      const unitMax = max / norm;
      for (let d = 0; d < dimensions; d++) data[at + d] = Math.round((vectors[at + d]! / norm / unitMax) * 127);
      scales[i] = unitMax / 127;
    }
    return new WordVectors(words, data, scales, dimensions);
  }

  get size(): number {
    return this.words.length;
  }

  /** The word's number, or undefined when it has no vector (names, misspellings, other languages). */
  id(word: string): number | undefined {
    return this.ids.get(word);
  }

  /** Word `id`'s unit vector as floats, written into `out` (length at least `dimensions`). */
  unitVector(id: number, out: Float32Array): void {
    const at = id * this.dimensions;
    const scale = this.scales[id]!;
    for (let d = 0; d < this.dimensions; d++) out[d] = this.data[at + d]! * scale;
  }

  /** Cosine similarity of two words by number, in [-1, 1]; 1 for a word with itself. */
  similarity(a: number, b: number): number {
    if (a === b) return this.scales[a] === 0 ? 0 : 1;
    const dims = this.dimensions;
    const x = a * dims;
    const y = b * dims;
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += this.data[x + d]! * this.data[y + d]!;
    return dot * this.scales[a]! * this.scales[b]!;
  }
}
