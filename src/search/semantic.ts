import type { SearchIndex } from './index.js';
import type { Language } from './language.js';
import { isStopword, termOf, tokenize } from './normalize.js';
import type { Ranked } from './rank.js';
import type { WordVectors } from './vectors.js';

/**
 * How much the meaning match adds to a paragraph's word-match score (measured with
 * `npm run bench:quality`: RealTime QA top-1 51.9% → 55.5%, XQuAD English 95.1% → 96.4%; flat
 * between 0.5 and 1, so the figure is not a knife edge).
 */
export const SEMANTIC_WEIGHT = 0.7;
/** The word vectors are English ones: other languages' words mostly have none, or false friends. */
export const VECTOR_LANGUAGE: Language = 'en';

/**
 * For each content word of the question, the paragraph word closest in meaning (the word itself
 * scores 1, "ousted" against "replaced" about 0.6), averaged with the words' idf as weights: a
 * soft version of "how many of the question's words does the paragraph have". It rewards a
 * paragraph that says the same thing in other words, which BM25 cannot see.
 */
export class MeaningMatch {
  private readonly question: Array<{ id: number; weight: number }> = [];
  private readonly total: number;
  /**
   * Per paragraph word met so far, its similarity to each question word: candidates share many
   * words, and one lookup per paragraph word beats one per (question word, paragraph word) pair.
   */
  private readonly similarities = new Map<number, Float32Array>();
  private readonly best: Float32Array;
  /** The question words' unit vectors as floats, one after another. */
  private readonly questionVectors: Float32Array;
  private readonly cache: IdsCache;

  constructor(
    private readonly vectors: WordVectors,
    private readonly index: SearchIndex,
    words: readonly string[],
    private readonly language: Language,
  ) {
    for (const word of words) {
      const id = vectors.id(word);
      if (id !== undefined) this.question.push({ id, weight: index.idf(termOf(word, language)) });
    }
    this.total = this.question.reduce((s, q) => s + q.weight, 0);
    this.best = new Float32Array(this.question.length);
    this.questionVectors = new Float32Array(this.question.length * vectors.dimensions);
    this.question.forEach((q, i) => vectors.unitVector(q.id, this.questionVectors.subarray(i * vectors.dimensions)));
    this.cache = idsCache(vectors, index);
  }

  /**
   * Paragraph `doc`'s match in [0, 1] (negative similarities count as none); 0 when no question word
   * has a vector. `words` gives the paragraph's content words, when they are not known yet.
   */
  score(doc: number, words: () => readonly string[]): number {
    if (this.total === 0) return 0;
    const best = this.best.fill(0);
    const visit = (ids: Uint32Array) => {
      for (let i = 0; i < ids.length; i++) {
        const sims = this.similaritiesOf(ids[i]!);
        for (let q = 0; q < sims.length; q++) if (sims[q]! > best[q]!) best[q] = sims[q]!;
      }
    };
    // A paragraph is read under its headline: "Mayor Helena Marsh…" is about Riverton when the title says so.
    visit(this.titleIds(this.index.docArticle[doc]!));
    visit(this.paragraphIds(doc, words));
    let sum = 0;
    this.question.forEach((q, i) => (sum += q.weight * best[i]!));
    return sum / this.total;
  }

  private similaritiesOf(id: number): Float32Array {
    let sims = this.similarities.get(id);
    if (!sims) {
      const { data, scales, dimensions: dims } = this.vectors;
      const qv = this.questionVectors;
      sims = new Float32Array(this.question.length);
      const at = id * dims;
      const scale = scales[id]!;
      for (let q = 0, qAt = 0; q < sims.length; q++, qAt += dims) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += qv[qAt + d]! * data[at + d]!;
        sims[q] = this.question[q]!.id === id ? 1 : dot * scale;
      }
      this.similarities.set(id, sims);
    }
    return sims;
  }

  private paragraphIds(doc: number, words: () => readonly string[]): Uint32Array {
    let ids = this.cache.paragraphs.get(doc);
    if (!ids) {
      ids = this.idsOf(words());
      if (this.cache.paragraphs.size >= IDS_CACHED) this.cache.paragraphs.clear();
      this.cache.paragraphs.set(doc, ids);
    }
    return ids;
  }

  private titleIds(article: number): Uint32Array {
    let ids = this.cache.titles.get(article);
    if (!ids) {
      const words: string[] = [];
      for (const { word } of tokenize(this.index.articles[article]!.title)) if (!isStopword(word, this.language)) words.push(word);
      ids = this.idsOf(words);
      if (this.cache.titles.size >= IDS_CACHED) this.cache.titles.clear();
      this.cache.titles.set(article, ids);
    }
    return ids;
  }

  /** The distinct words that have vectors, by number. */
  private idsOf(words: readonly string[]): Uint32Array {
    const found = new Set<number>();
    for (const word of words) {
      const id = this.vectors.id(word);
      if (id !== undefined) found.add(id);
    }
    return Uint32Array.from(found);
  }
}

/**
 * Paragraphs' and titles' word numbers are kept between questions (the same paragraphs come up again
 * and again), up to this many of each per index: about 10 MB.
 */
const IDS_CACHED = 50_000;
interface IdsCache {
  paragraphs: Map<number, Uint32Array>;
  titles: Map<number, Uint32Array>;
}
const idsCaches = new WeakMap<WordVectors, WeakMap<SearchIndex, IdsCache>>();

function idsCache(vectors: WordVectors, index: SearchIndex): IdsCache {
  let byIndex = idsCaches.get(vectors);
  if (!byIndex) idsCaches.set(vectors, (byIndex = new WeakMap()));
  let cache = byIndex.get(index);
  if (!cache) byIndex.set(index, (cache = { paragraphs: new Map(), titles: new Map() }));
  return cache;
}

/** The word-match ranking re-ordered by word match plus meaning match. Scores stay in [0, 1]. `words` gives a paragraph's content words. */
export function rerankByMeaning(match: MeaningMatch, candidates: readonly Ranked[], words: (doc: number) => readonly string[]): Ranked[] {
  return candidates
    .map((c) => ({ doc: c.doc, score: (c.score + SEMANTIC_WEIGHT * match.score(c.doc, () => words(c.doc))) / (1 + SEMANTIC_WEIGHT) }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}
