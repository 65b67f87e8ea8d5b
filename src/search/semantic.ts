import type { SearchIndex } from './index.js';
import type { Language } from './language.js';
import { isStopword, termOf, tokenize } from './normalize.js';
import type { Ranked } from './rank.js';
import type { WordVectors } from './vectors.js';

/**
 * How much the meaning match adds to a paragraph's word-match score (measured with
 * `npm run bench:quality`: RealTime QA top-1 51.9% → 55.5%, XQuAD English 95.1% → 95.8%; flat
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
  /** Per question word, its similarity to paragraph words already compared (paragraphs share many words). */
  private readonly memo: Array<Map<number, number>>;
  private readonly paragraphIds: Map<number, Uint32Array>;

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
    this.memo = this.question.map(() => new Map());
    this.paragraphIds = idsCache(vectors, index);
  }

  /** Paragraph `doc`'s match in [0, 1] (negative similarities count as none); 0 when no question word has a vector. */
  score(doc: number): number {
    if (this.total === 0) return 0;
    const ids = this.idsOf(doc);
    let sum = 0;
    this.question.forEach((q, i) => {
      const memo = this.memo[i]!;
      let best = 0;
      for (const id of ids) {
        let s = memo.get(id);
        if (s === undefined) memo.set(id, (s = this.vectors.similarity(q.id, id)));
        if (s > best) best = s;
      }
      sum += q.weight * best;
    });
    return sum / this.total;
  }

  /** The distinct words of a paragraph and its article's title that have vectors, by number. */
  private idsOf(doc: number): Uint32Array {
    let ids = this.paragraphIds.get(doc);
    if (!ids) {
      const found = new Set<number>();
      const article = this.index.articles[this.index.docArticle[doc]!]!;
      // A paragraph is read under its headline: "Mayor Helena Marsh…" is about Riverton when the title says so.
      const text = `${article.title}\n${article.paragraphs[this.index.docParagraph[doc]!]!.text}`;
      for (const { word } of tokenize(text)) {
        if (isStopword(word, this.language)) continue;
        const id = this.vectors.id(word);
        if (id !== undefined) found.add(id);
      }
      ids = Uint32Array.from(found);
      if (this.paragraphIds.size >= IDS_CACHED) this.paragraphIds.clear();
      this.paragraphIds.set(doc, ids);
    }
    return ids;
  }
}

/**
 * Paragraphs' word numbers are kept between questions (the same paragraphs come up again and again),
 * up to this many paragraphs per index: about 10 MB.
 */
const IDS_CACHED = 50_000;
const idsCaches = new WeakMap<WordVectors, WeakMap<SearchIndex, Map<number, Uint32Array>>>();

function idsCache(vectors: WordVectors, index: SearchIndex): Map<number, Uint32Array> {
  let byIndex = idsCaches.get(vectors);
  if (!byIndex) idsCaches.set(vectors, (byIndex = new WeakMap()));
  let cache = byIndex.get(index);
  if (!cache) byIndex.set(index, (cache = new Map()));
  return cache;
}

/** The word-match ranking re-ordered by word match plus meaning match. Scores stay in [0, 1]. */
export function rerankByMeaning(match: MeaningMatch, candidates: readonly Ranked[]): Ranked[] {
  return candidates
    .map((c) => ({ doc: c.doc, score: (c.score + SEMANTIC_WEIGHT * match.score(c.doc)) / (1 + SEMANTIC_WEIGHT) }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
}
