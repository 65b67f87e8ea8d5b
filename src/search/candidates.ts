import type { AnswerOptions, SentenceModel } from './types.js';
import type { SearchIndex } from './index.js';
import { meaningWords } from './query.js';
import { ARTICLE_SUPPORT_WEIGHT, articleSupport, bm25Of, rankBm25, rerank, type QueryGroup, type Ranked } from './rank.js';
import { MeaningMatch, rerankByMeaning, VECTOR_LANGUAGE } from './semantic.js';
import { rerankBySentence, SENTENCE_LANGUAGE, type SentenceRead } from './sentences.js';
import type { Recency } from './fit.js';
import { misfit, rankPenalty, type Fit, type Misfit } from './misfit.js';
import { paragraphOf } from './lookup.js';
import type { Question } from './question.js';
import { unnamedPenalty, withPenalty } from './proper-names.js';
import { CHECK_LANGUAGE } from './slots.js';

/**
 * How many paragraphs the first BM25 pass hands to the second: more changed nothing in
 * `npm run bench:quality` (figures in docs/benchmarks.md) and costs time.
 */
const CANDIDATES = 20;

/** The paragraphs that may answer a question, best first, with what they were ranked by. */
export interface Candidates {
  ranked: Ranked[];
  /** The ranking by the question's words alone (BM25, reranked). */
  lexical: Ranked[];
  /** The meaning match, when word vectors are on for the question's language. */
  meaning: MeaningMatch | undefined;
  /** The sentence model, when it is on for the question's language. */
  model: SentenceModel | undefined;
  /** Its reading, when it is on and did not fail. */
  read: SentenceRead | undefined;
  termsOf: (doc: number) => string[];
  misfitOf: (doc: number) => Misfit;
  /** A paragraph's article's support, weighted (see `articleSupport`). */
  supportOf: (doc: number) => number;
  /** What a paragraph lost in ranking for its article lacking the question's name (see `unnamedPenalty`). */
  unnamedOf: (doc: number) => number;
  /** Whether the best paragraph by the question's words was from an article lacking the question's name. */
  unnamed: boolean;
}

/** The candidates ranked by words, meaning, the sentence model, fit, article support and recency. */
export function rankCandidates(index: SearchIndex, q: Question, options: AnswerOptions): Candidates {
  const termsOf = (doc: number) => index.paragraphTerms(doc);
  const vectors = q.language === VECTOR_LANGUAGE ? options.vectors : undefined;
  const lexical = rerank(index, q.rankingGroups, rankBm25(index, q.rankingGroups, CANDIDATES), termsOf);
  const meaning = vectors && new MeaningMatch(vectors, index, meaningWords(index, vectors, q.content), q.language);
  const byMeaning = meaning ? rerankByMeaning(meaning, lexical) : lexical;
  const model = q.language === SENTENCE_LANGUAGE ? options.sentences : undefined;
  const read = model && rerankBySentence(model, q.asked, byMeaning, (doc) => paragraphOf(index, doc).text);
  const misfitOf = misfitsOf(index, q.fit);
  const supportOf = supportsOf(index, q.rankingGroups);
  let ranked = withSupport(rerankByFit(read ? read.ranked : byMeaning, misfitOf), supportOf);
  const penalty = q.language === CHECK_LANGUAGE ? unnamedPenalty(index, q.groups, ranked) : undefined;
  const unnamedOf = penalty ?? (() => 0);
  ranked = withPenalty(ranked, unnamedOf);
  if (prefersNewest(q.recency)) ranked = newestFirst(index, ranked);
  return { ranked, lexical, meaning, model, read, termsOf, misfitOf, supportOf, unnamedOf, unnamed: penalty !== undefined };
}

/** More paragraphs (`docs`), scored as the first candidates were. */
export function rescore(index: SearchIndex, q: Question, c: Candidates, docs: readonly number[]): Ranked[] {
  const more = rerank(
    index,
    q.rankingGroups,
    docs.map((doc) => ({ doc, score: bm25Of(index, q.rankingGroups, doc, c.termsOf(doc)) })),
    c.termsOf,
  );
  return withPenalty(withSupport(rerankByFit(c.meaning ? rerankByMeaning(c.meaning, more) : more, c.misfitOf), c.supportOf), c.unnamedOf);
}

/** Each paragraph's misfit, computed once. */
function misfitsOf(index: SearchIndex, fit: Fit): (doc: number) => Misfit {
  const misfits = new Map<number, Misfit>();
  return (doc: number) => {
    let m = misfits.get(doc);
    if (!m) misfits.set(doc, (m = misfit(index, doc, fit)));
    return m;
  };
}

/** Each article's support, weighted: computed once per article among the candidates. */
function supportsOf(index: SearchIndex, groups: readonly QueryGroup[]): (doc: number) => number {
  const supports = new Map<number, number>();
  return (doc: number) => {
    const article = index.docArticle[doc]!;
    let s = supports.get(article);
    if (s === undefined) supports.set(article, (s = ARTICLE_SUPPORT_WEIGHT * articleSupport(index, groups, article)));
    return s;
  };
}

/** The candidates re-ordered by how well each fits what the question asks besides its words. */
function rerankByFit(ranked: readonly Ranked[], misfitOf: (doc: number) => Misfit): Ranked[] {
  return ranked.map((r) => ({ doc: r.doc, score: r.score - rankPenalty(misfitOf(r.doc)) })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/**
 * The candidates with their article's support (see `articleSupport`) added, re-sorted: between
 * articles, the one whose other paragraphs also match the question goes first.
 */
function withSupport(ranked: readonly Ranked[], supportOf: (doc: number) => number): Ranked[] {
  return ranked.map((r) => ({ doc: r.doc, score: r.score + supportOf(r.doc) })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/**
 * How far below the best candidate ("latest", "now", "this year") a newer article's paragraph may
 * score and still be shown first: the newest article that answers nearly as well is the one asked
 * for. Bounded, since a newer story that merely shares words is not (figures in docs/search.md).
 */
const RECENCY_MARGIN = 0.05;

/**
 * Whether the newest close candidate goes first: for "latest" and "this year", not for "now", which
 * news quizzes use for the week they were asked in ("where will it now take place?"): with "now",
 * RealTime QA lost 0.6 points top-1 (figures in docs/search.md).
 */
export function prefersNewest(recency: Recency | undefined): boolean {
  return recency === 'latest' || recency === 'this-year';
}

/** The candidates with the newest article among those within RECENCY_MARGIN of the best moved first. */
export function newestFirst(index: SearchIndex, ranked: readonly Ranked[]): Ranked[] {
  if (ranked.length < 2) return [...ranked];
  const dateOf = (r: Ranked) => index.articles[index.docArticle[r.doc]!]!.published ?? '';
  let newest = ranked[0]!;
  for (const r of ranked) if (r.score >= ranked[0]!.score - RECENCY_MARGIN && dateOf(r) > dateOf(newest)) newest = r;
  return [newest, ...ranked.filter((r) => r !== newest)];
}
