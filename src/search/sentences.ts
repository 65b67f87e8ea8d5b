import type { Language } from './language.js';
import type { Ranked } from './rank.js';
import type { SentenceModel } from './types.js';

/** The sentence model reads English (Universal Sentence Encoder's English model). */
export const SENTENCE_LANGUAGE: Language = 'en';

/**
 * How many of the best candidates the sentence model reads (with the question, in one batch): its
 * cost grows with every text read, its gain with every candidate it may lift. Chosen with
 * `SENTENCE_MODEL=on npm run bench:quality`; figures in docs/benchmarks.md and docs/search.md.
 */
export const SENTENCE_CANDIDATES = 5;
/** How much the question-paragraph similarity adds to a candidate's score (chosen with `bench:quality`; figures in docs/benchmarks.md). */
export const SENTENCE_WEIGHT = 0.5;

/** Cosine of two vectors; 0 when either is all zeros. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Re-orders the best SENTENCE_CANDIDATES by word match plus SENTENCE_WEIGHT × how close each
 * paragraph is in meaning to the whole question, as a sentence model reads them. Word matching
 * finds the paragraphs about the question's subject; the model tells which of them says what the
 * question asks ("this east African nation" against a paragraph on Ethiopia), which no single word
 * shows. The candidates it does not read follow, as if no closer than the least close one it read.
 * Returns the new order, each read candidate's similarity and the question's vector (to read
 * another paragraph against later); undefined when the model fails (its adapter logs why), so that
 * the question is answered as without it rather than not at all.
 */
export function rerankBySentence(
  model: SentenceModel,
  question: string,
  candidates: readonly Ranked[],
  text: (doc: number) => string,
): SentenceRead | undefined {
  const read = candidates.slice(0, SENTENCE_CANDIDATES);
  const similarity = new Map<number, number>();
  if (read.length === 0) return { ranked: [], similarity, question: undefined };
  let vectors: Float32Array[];
  try {
    vectors = model.embed([question, ...read.map((c) => text(c.doc))]);
  } catch {
    return undefined;
  }
  const [q, ...paragraphs] = vectors;
  read.forEach((c, i) => similarity.set(c.doc, cosine(q!, paragraphs[i]!)));
  const floor = Math.min(...similarity.values());
  const ranked = candidates
    .map((c) => ({ doc: c.doc, score: (c.score + SENTENCE_WEIGHT * (similarity.get(c.doc) ?? floor)) / (1 + SENTENCE_WEIGHT) }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
  return { ranked, similarity, question: q };
}

/** What `rerankBySentence` read: the new order, the read candidates' similarities, the question's vector. */
export interface SentenceRead {
  ranked: Ranked[];
  similarity: Map<number, number>;
  question: Float32Array | undefined;
}

/**
 * A paragraph's similarity to the question: the one `rerankBySentence` read, else read now (the
 * answer check may show a paragraph the rerank did not read). Undefined when the model fails.
 */
export function similarityOf(model: SentenceModel, read: SentenceRead, doc: number, text: () => string): number | undefined {
  const known = read.similarity.get(doc);
  if (known !== undefined || !read.question) return known;
  try {
    return cosine(read.question, model.embed([text()])[0]!);
  } catch {
    return undefined;
  }
}
