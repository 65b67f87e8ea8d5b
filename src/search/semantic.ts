import type { SearchIndex } from './index.js';
import type { Language } from './language.js';
import { isStopword, termOf, tokenize } from './normalize.js';
import type { Ranked } from './rank.js';
import type { WordVectors } from './vectors.js';

/**
 * How much the meaning match adds to a paragraph's word-match score. Chosen with
 * `npm run bench:quality`, where results are flat around it, so the figure is not a knife edge
 * (figures in docs/benchmarks.md).
 */
export const SEMANTIC_WEIGHT = 0.7;
/** The word vectors are English ones: other languages' words mostly have none, or false friends. */
export const VECTOR_LANGUAGE: Language = 'en';
const DIGIT = /\p{N}/u;

/**
 * For each content word of the question, the paragraph word closest in meaning (the word itself
 * scores 1, "ousted" against "replaced" about 0.6), averaged with the words' idf as weights: a
 * soft version of "how many of the question's words does the paragraph have". It rewards a
 * paragraph that says the same thing in other words, which BM25 cannot see.
 */
export class MeaningMatch {
  private readonly question: Array<{ id: number; weight: number }> = [];
  /**
   * The question's words the vectors lack but the folder has (a hashtag such as "saveourpier", a rare name), by
   * term: matched literally, 1 when the paragraph or its title says the word, else 0. Left out, they
   * let a paragraph with only the question's common words ("launched", "campaign") match fully, and
   * such words are mostly the rarest, the ones that say which story is asked about. Not numbers:
   * a year or an amount is judged by its own fit (`misfit.ts`), and matched here it raised the
   * meaning of passages for years the folder lacks (figures in docs/benchmarks.md).
   */
  private readonly literal: Array<{ term: string; weight: number }> = [];
  /** The question words' vector numbers, in `question`'s order. */
  private readonly ids: Uint32Array;
  private readonly total: number;
  /**
   * Per paragraph word met so far, its similarity to each question word, one row per word (where
   * each word's row is, is in the shared `Scratch`): candidates share many words, and computing a
   * word's row once beats once per paragraph.
   */
  private similarities: Float32Array;
  private rows = 0;
  private readonly scratch: Scratch;
  private readonly generation: number;
  private readonly best: Float32Array;
  private readonly cache: IdsCache;

  constructor(
    private readonly vectors: WordVectors,
    private readonly index: SearchIndex,
    words: readonly string[],
    private readonly language: Language,
  ) {
    for (const word of words) {
      const id = vectors.id(word);
      const term = termOf(word, language);
      if (id !== undefined) this.question.push({ id, weight: index.idf(term) });
      else if (!DIGIT.test(word) && index.postings.has(term)) this.literal.push({ term, weight: index.idf(term) });
    }
    this.total = this.question.reduce((s, q) => s + q.weight, 0) + this.literal.reduce((s, q) => s + q.weight, 0);
    this.ids = Uint32Array.from(this.question, (q) => q.id);
    this.best = new Float32Array(this.question.length);
    this.cache = idsCache(vectors, index);
    this.similarities = new Float32Array(256 * this.question.length);
    this.scratch = scratchFor(vectors);
    this.generation = nextGeneration(this.scratch);
  }

  /** Paragraph `doc`'s match in [0, 1] (negative similarities count as none); 0 when no question word has a vector or is the folder's. */
  score(doc: number): number {
    if (this.total === 0) return 0;
    const best = this.best.fill(0);
    const title = this.titleIds(this.index.docArticle[doc]!);
    const paragraph = this.paragraphIds(doc);
    // A paragraph's own copy of a question word settles that word at 1: its similarities to the
    // paragraph's other words need not be computed (about half of them, where candidates share the
    // question's words), nor any when it has them all.
    const settled = this.settle(title, best) + this.settle(paragraph, best);
    if (settled < best.length) {
      // A paragraph is read under its headline: "Mayor Helena Marsh…" is about Riverton when the title says so.
      this.closest(title, best);
      this.closest(paragraph, best);
    }
    let sum = 0;
    this.question.forEach((q, i) => (sum += q.weight * best[i]!));
    if (this.literal.length > 0) {
      // Such words are one or two: a scan of the paragraph's terms is cheaper than a set of them.
      const terms = this.index.paragraphTerms(doc);
      const title = this.index.titleTerms[this.index.docArticle[doc]!]!;
      for (const l of this.literal) if (title.has(l.term) || terms.includes(l.term)) sum += l.weight;
    }
    return sum / this.total;
  }

  /** Sets `best` to 1 (or 0, for a vector of zeros) for each question word among `ids`; how many it set to 1 that were not. */
  private settle(ids: Uint32Array, best: Float32Array): number {
    const question = this.ids;
    let settled = 0;
    for (let i = 0; i < ids.length; i++)
      for (let q = 0; q < question.length; q++)
        if (ids[i] === question[q]) {
          const before = best[q];
          best[q] = this.vectors.similarity(ids[i]!, ids[i]!);
          if (best[q] === 1 && before !== 1) settled++;
        }
    return settled;
  }

  /** Raises each question word's `best` to its similarity with the closest of `ids`. */
  private closest(ids: Uint32Array, best: Float32Array): void {
    const question = this.ids;
    const n = question.length;
    for (let i = 0; i < ids.length; i++) {
      const at = this.rowOf(ids[i]!) * n;
      const similarities = this.similarities;
      for (let q = 0; q < n; q++) {
        if (best[q] === 1) continue;
        let sim = similarities[at + q]!;
        if (sim !== sim) similarities[at + q] = sim = this.vectors.similarity(question[q]!, ids[i]!); // NaN: not computed yet
        if (sim > best[q]!) best[q] = sim;
      }
    }
  }

  /** Where word `id`'s row of similarities starts (NaN until each is first needed). */
  private rowOf(id: number): number {
    const { stamp, row } = this.scratch;
    if (stamp[id] === this.generation) return row[id]!;
    const n = this.question.length;
    if ((this.rows + 1) * n > this.similarities.length) {
      const grown = new Float32Array(this.similarities.length * 2);
      grown.set(this.similarities);
      this.similarities = grown;
    }
    this.similarities.fill(NaN, this.rows * n, (this.rows + 1) * n);
    stamp[id] = this.generation;
    row[id] = this.rows;
    return this.rows++;
  }

  /** The vector numbers of the paragraph's words (see `IndexData.docWords`), each once, in the order first met. */
  private paragraphIds(doc: number): Uint32Array {
    return remember(this.cache.paragraphs, doc, () => {
      const { docWordAt, docWords } = this.index.data;
      if (!docWordAt || !docWords) return this.idsOf(this.index.paragraphWords(doc));
      const found = new Set<number>();
      for (let k = docWordAt[doc]!; k < docWordAt[doc + 1]!; k++) {
        const id = this.cache.vectorOf(docWords[k]!);
        if (id >= 0) found.add(id);
      }
      return Uint32Array.from(found);
    });
  }

  private titleIds(article: number): Uint32Array {
    return remember(this.cache.titles, article, () => {
      const words: string[] = [];
      for (const { word } of tokenize(this.index.articles[article]!.title)) if (!isStopword(word, this.language)) words.push(word);
      return this.idsOf(words);
    });
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
 * Per word of the vectors: the question (by generation) that last computed its similarities, and in
 * which row. Shared by all questions on the same vectors (answering is synchronous, so two never use
 * it at once): two array reads per paragraph word instead of a Map lookup and a small array each.
 */
interface Scratch {
  stamp: Uint32Array;
  row: Uint32Array;
  generation: number;
}
const scratches = new WeakMap<WordVectors, Scratch>();

function scratchFor(vectors: WordVectors): Scratch {
  let s = scratches.get(vectors);
  if (!s) scratches.set(vectors, (s = { stamp: new Uint32Array(vectors.size), row: new Uint32Array(vectors.size), generation: 0 }));
  return s;
}

function nextGeneration(s: Scratch): number {
  if (s.generation === 0xffffffff) {
    s.stamp.fill(0); // after four billion questions, start again
    s.generation = 0;
  }
  return ++s.generation;
}

/**
 * Paragraphs' and titles' word numbers are kept between questions (the same paragraphs come up again
 * and again), up to this many of each per index: about 10 MB.
 */
const IDS_CACHED = 50_000;
interface IdsCache {
  paragraphs: Map<number, Uint32Array>;
  titles: Map<number, Uint32Array>;
  /** The vector number of word `w` of the index's `allWords` (-1: none), looked up once per word. */
  vectorOf(w: number): number;
}
const idsCaches = new WeakMap<WordVectors, WeakMap<SearchIndex, IdsCache>>();

/** The cached value, or `compute`'s, kept (the cache starts over once it holds IDS_CACHED). */
function remember(cache: Map<number, Uint32Array>, key: number, compute: () => Uint32Array): Uint32Array {
  let ids = cache.get(key);
  if (!ids) {
    ids = compute();
    if (cache.size >= IDS_CACHED) cache.clear();
    cache.set(key, ids);
  }
  return ids;
}

/** A word whose vector number is not looked up yet. */
const UNKNOWN = -2;

function idsCache(vectors: WordVectors, index: SearchIndex): IdsCache {
  let byIndex = idsCaches.get(vectors);
  if (!byIndex) idsCaches.set(vectors, (byIndex = new WeakMap()));
  let cache = byIndex.get(index);
  if (!cache) {
    const words = index.data.allWords ?? [];
    const ids = new Int32Array(words.length).fill(UNKNOWN);
    const vectorOf = (w: number) => {
      let id = ids[w]!;
      if (id === UNKNOWN) ids[w] = id = vectors.id(words[w]!) ?? -1;
      return id;
    };
    byIndex.set(index, (cache = { paragraphs: new Map(), titles: new Map(), vectorOf }));
  }
  return cache;
}

/** The word-match ranking re-ordered by word match plus meaning match. Scores stay in [0, 1]. */
export function rerankByMeaning(match: MeaningMatch, candidates: readonly Ranked[]): Ranked[] {
  return candidates
    .map((c) => ({ doc: c.doc, score: (c.score + SEMANTIC_WEIGHT * match.score(c.doc)) / (1 + SEMANTIC_WEIGHT) }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}
