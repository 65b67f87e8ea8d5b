import { articleRange, postingsIn } from './article-range.js';
import type { SearchIndex } from './index.js';

/** One concept of the question: a word's term, or the terms its misspelling may stand for. */
export interface QueryGroup {
  /** The question's word (lowercased). */
  word: string;
  /**
   * Alternatives with their weight in (0, 1]: 1 for the word itself, less for fuzzy guesses and for
   * another naming of it (`naming`: "justice" for "doj", see `register.ts`).
   */
  terms: Array<{ term: string; weight: number; naming?: true }>;
  /** The group's share of the question: its rarest alternative's idf (unknown words get the max). */
  idf: number;
  /** Whether the word is common in its language (see `LanguageInfo.common`): little sign of a topic. */
  common?: boolean;
}

export interface Ranked {
  doc: number;
  /** BM25 normalized by the best score this question could reach, in [0, 1]. */
  score: number;
}

// BM25's usual constants (Robertson; Lucene's defaults): k1 caps how much repeating a word helps,
// b how much long paragraphs are discounted.
const K1 = 1.2;
const B = 0.75;

/** The BM25 of a paragraph with every group matched by long runs of its word: what scores are normalized by. */
function idealScore(groups: readonly QueryGroup[]): number {
  return groups.reduce((s, g) => s + g.idf * (K1 + 1), 0);
}

/** BM25's length normalization for a paragraph of `length` terms. */
function lengthNorm(index: SearchIndex, length: number): number {
  return K1 * (1 - B + (B * length) / (index.avgDocLength || 1));
}

/** One term's BM25 in a paragraph: its `weight` (idf, times the alternative's weight) for `tf` mentions, at length normalization `norm`. */
function termScore(weight: number, tf: number, norm: number): number {
  return (weight * tf * (K1 + 1)) / (tf + norm);
}

/** How often each term occurs in a paragraph's terms. */
function termCounts(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/**
 * Scores every paragraph holding a query term with BM25, normalized by the score of an ideal
 * paragraph (every group matched, long runs of each word), so the result is comparable across
 * questions and can be thresholded for abstention. Returns the best `limit` paragraphs.
 */
export function rankBm25(index: SearchIndex, groups: readonly QueryGroup[], limit: number): Ranked[] {
  const ideal = idealScore(groups);
  if (ideal === 0) return [];
  const { scores, touched, norms } = scratchFor(index);
  let count = 0;
  for (const g of groups) {
    for (const { term, weight } of g.terms) {
      const p = index.postings.get(term);
      if (!p) continue;
      const w = weight * index.idf(term);
      const { docs, freqs } = p;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        if (scores[d] === 0) touched[count++] = d;
        scores[d]! += termScore(w, freqs[i]!, norms[d]!);
      }
    }
  }
  const top = topK(touched.subarray(0, count), scores, limit);
  const ranked = top.map((doc) => ({ doc, score: scores[doc]! / ideal }));
  for (let i = 0; i < count; i++) scores[touched[i]!] = 0; // clean for the next question
  return ranked;
}

/** Per index, what every question's first pass reuses (answering is synchronous, so questions never share it at once). */
interface Scratch {
  /** Each paragraph's score so far: allocating and zeroing 800 KB per question at 100,000 paragraphs cost more than the scoring. */
  scores: Float64Array;
  /** The paragraphs scored so far, in the order first met. */
  touched: Int32Array;
  /** Each paragraph's `lengthNorm`, computed once instead of once per posting. */
  norms: Float64Array;
}

const scratch = new WeakMap<SearchIndex, Scratch>();

function scratchFor(index: SearchIndex): Scratch {
  let s = scratch.get(index);
  if (!s) {
    const n = index.documentCount;
    s = { scores: new Float64Array(n), touched: new Int32Array(n), norms: Float64Array.from(index.docLength, (length) => lengthNorm(index, length)) };
    scratch.set(index, s);
  }
  return s;
}

/** The `k` highest-scoring docs, best first, without sorting everything. */
function topK(docs: Int32Array, scores: Float64Array, k: number): number[] {
  if (docs.length <= k) return Array.from(docs).sort((a, b) => scores[b]! - scores[a]! || a - b);
  // A bounded min-heap of size k.
  const heap: number[] = [];
  const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  let at = 0;
  for (; at < docs.length && heap.length < k; at++) {
    heap.push(docs[at]!);
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }
  // Most of tens of thousands of docs score below the heap's weakest: one comparison each, not a call.
  let floor = scores[heap[0]!]!;
  for (; at < docs.length; at++) {
    const d = docs[at]!;
    if (scores[d]! < floor || !less(heap[0]!, d)) continue;
    heap[0] = d;
    down(0);
    floor = scores[heap[0]!]!;
  }
  return heap.sort((a, b) => scores[b]! - scores[a]! || a - b);
}

/** Weights of the second pass, each chosen with `npm run bench:quality`; figures in docs/benchmarks.md. */
// Title: a question naming the article's subject favours its paragraphs. Proximity: kept small, since
// it helps questions worded like their answer but hurts paraphrased ones (news quizzes), the more so
// once words are also matched by meaning.
export const TITLE_WEIGHT = 0.1;
export const PROXIMITY_WEIGHT = 0.025;
/**
 * A question word in the article's headline counts, for every paragraph of that article, as this
 * much of one mention in the paragraph, however often the paragraph itself repeats it (see
 * `withHeadline`): stories name their subject in the headline and then say "he". Below a full
 * mention, because a roundup's headline ("Coronavirus updates: … Trump, Biden …") would otherwise
 * lift all its paragraphs. Chosen with `npm run bench:quality`; figures in docs/benchmarks.md.
 */
export const HEADLINE_WEIGHT = 0.7;
/**
 * When two paragraphs answer about equally well (scores within this), the newer article wins: at
 * most this much is added, in proportion to the article's date between the oldest and newest.
 * Kept tiny: questions that favour no date lose a little by it (figure in docs/search.md, "Tuning notes").
 */
export const FRESHNESS_WEIGHT = 0.01;
/**
 * How much an article's second-best paragraph (see `articleSupport`) adds to each of its candidates:
 * a story that answers a question says its words in several paragraphs, while a related story (a
 * quiz, a roundup, last year's report) often matches them in one paragraph only. Every paragraph of
 * an article gets the same, so it decides between articles, not within one. Chosen with
 * `npm run bench:reader` (held-out folds); figures in docs/benchmarks.md.
 */
export const ARTICLE_SUPPORT_WEIGHT = 0.2;
/**
 * What a common word of the question (a number word: see `LanguageInfo.common`) counts for in
 * `confidence`, against a plain word of the same rarity: it helps find the paragraph, but "dos" or
 * "tercera" fits any topic, so matching it says little about whether the paragraph is the answer.
 * Chosen with `npm run bench:quality -- --abstain`; figures in docs/benchmarks.md and docs/search.md ("Tuning notes").
 */
const COMMON_EVIDENCE = 0.3;
/**
 * In `confidence`, a paragraph longer than this many times the average is read as that long: ranking
 * marks long paragraphs down, but whether one answers depends on whether it has the question's words,
 * and its answer sits in a sentence or two however long the rest is ("Parlamentswahlen finden alle
 * fünf Jahre statt" inside a long paragraph on the EU parliament). Lowering the threshold instead
 * does not keep those answers; no cap at all makes the bot answer off-topic questions over short
 * paragraphs ("What is the new signing like?" in the test fixture). Chosen with
 * `npm run bench:quality -- --abstain`; figures in docs/benchmarks.md.
 */
const CONFIDENCE_LENGTH_CAP = 2;
/** Two question words count as "together" in a paragraph within this many content words. */
const PROXIMITY_WINDOW = 3;

/**
 * The second pass over the best BM25 candidates: a paragraph whose article title carries the
 * question's words, or that has the question's words side by side as the question does, is
 * more likely the answer than one that merely mentions them apart.
 */
export function rerank(
  index: SearchIndex,
  groups: readonly QueryGroup[],
  candidates: readonly Ranked[],
  paragraphTerms: (doc: number) => string[],
): Ranked[] {
  const total = groups.reduce((s, g) => s + g.idf, 0) || 1;
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.terms.forEach((t) => groupOf.set(t.term, i)));
  const out = candidates.map((c) => {
    const title = index.titleTerms[index.docArticle[c.doc]!]!;
    let titleIdf = 0;
    groups.forEach((g) => {
      if (g.terms.some((t) => title.has(t.term))) titleIdf += g.idf;
    });
    let prox = 0;
    if (groups.length > 1) {
      const seq = paragraphTerms(c.doc);
      const lastSeen = new Map<number, number>();
      const pairs = new Set<number>();
      seq.forEach((term, pos) => {
        const g = groupOf.get(term);
        if (g === undefined) return;
        for (const [other, at] of lastSeen) {
          if (other !== g && pos - at <= PROXIMITY_WINDOW) pairs.add(Math.min(g, other) * 1000 + Math.max(g, other));
        }
        lastSeen.set(g, pos);
      });
      let pairIdf = 0;
      for (const p of pairs) pairIdf += Math.min(groups[Math.floor(p / 1000)]!.idf, groups[p % 1000]!.idf);
      prox = Math.min(1, pairIdf / total);
    }
    const fresh = FRESHNESS_WEIGHT * index.freshness[index.docArticle[c.doc]!]!;
    const score = withHeadline(index, groups, c, paragraphTerms);
    return { ...c, score: Math.min(1, score + TITLE_WEIGHT * (titleIdf / total) + PROXIMITY_WEIGHT * prox + fresh) };
  });
  return out.sort((a, b) => b.score - a.score || a.doc - b.doc);
}

/**
 * A candidate's BM25 with its article's headline read into every paragraph: a question word in the
 * headline ("Doctor Who") scores as HEADLINE_WEIGHT of one mention, whether or not the paragraph
 * repeats it, so among an article's paragraphs the question's other words decide. Articles and
 * encyclopedia entries name their subject in the headline and then say "he" or "the Doctor"; the
 * one paragraph that repeated the name used to beat the one that answers.
 */
function withHeadline(index: SearchIndex, groups: readonly QueryGroup[], c: Ranked, paragraphTerms: (doc: number) => string[]): number {
  const headline = index.headlineTerms[index.docArticle[c.doc]!]!;
  if (!groups.some((g) => g.terms.some((t) => headline.has(t.term)))) return c.score;
  const tf = termCounts(paragraphTerms(c.doc));
  const norm = lengthNorm(index, index.docLength[c.doc]!);
  const ideal = idealScore(groups);
  let score = c.score * ideal;
  for (const g of groups) {
    const title = g.terms.find((t) => headline.has(t.term));
    if (!title) continue;
    // Out goes what the paragraph's own mentions scored in `rankBm25`; in, one mention at average
    // length (BM25 then gives idf × (K1 + 1) / (1 + K1) = idf).
    for (const { term, weight } of g.terms) {
      const n = tf.get(term) ?? 0;
      if (n > 0) score -= termScore(weight * index.idf(term), n, norm);
    }
    score += HEADLINE_WEIGHT * title.weight * index.idf(title.term);
  }
  return score / ideal;
}

/**
 * A question group's weight against the background collection: its rarest alternative's idf (an
 * unknown word's: the most). Another naming of a word the folder has does not make it rarer ("gop"
 * beside "republican"): questions about stories the folder lacks were answered more often.
 */
export function backgroundWeight(index: SearchIndex, g: QueryGroup): number {
  const own = g.terms.filter((t) => !t.naming);
  const terms = own.length ? own : g.terms;
  return terms.length ? Math.max(...terms.map((t) => index.backgroundIdf(t.term))) : index.backgroundIdf('');
}

/**
 * How much of the question a paragraph answers, in [0, 1]: its BM25 against the ideal paragraph,
 * with idf taken against a background collection so that the figure means the same in a folder of
 * one article as in one of thousands. Below `MIN_CONFIDENCE` the bot says it found nothing.
 */
export function confidence(index: SearchIndex, groups: readonly QueryGroup[], terms: readonly string[]): number {
  const tf = termCounts(terms);
  const norm = lengthNorm(index, Math.min(terms.length, CONFIDENCE_LENGTH_CAP * index.avgDocLength));
  let score = 0;
  let ideal = 0;
  for (const g of groups) {
    const idf = (g.common ? COMMON_EVIDENCE : 1) * backgroundWeight(index, g);
    ideal += idf * (K1 + 1);
    let best = 0;
    for (const { term, weight } of g.terms) {
      const n = tf.get(term) ?? 0;
      if (n > 0) best = Math.max(best, termScore(weight, n, norm));
    }
    score += idf * best;
  }
  return ideal > 0 ? score / ideal : 0;
}

/**
 * `rankBm25`'s score of article `article`'s second-best paragraph (0 when only one matches): how well
 * the rest of the article backs its best paragraph. An article of one paragraph has no rest to back
 * or fail it, so its paragraph stands for it: scored 0, one-paragraph items lost to full stories
 * (figures in docs/benchmarks.md). Read from the postings within the article's range of paragraphs,
 * a few binary searches per term. (The PostgreSQL backend's small index holds every paragraph of a
 * candidate article that holds a question term, and its second paragraph, so this reads the same there.)
 */
export function articleSupport(index: SearchIndex, groups: readonly QueryGroup[], article: number): number {
  const ideal = idealScore(groups);
  if (ideal === 0) return 0;
  const range = articleRange(index.docArticle, article);
  const { norms } = scratchFor(index);
  const scores = new Map<number, number>();
  for (const g of groups) {
    for (const { term, weight } of g.terms) {
      const p = index.postings.get(term);
      if (!p) continue;
      const w = weight * index.idf(term);
      const { start, end } = postingsIn(p.docs, range);
      for (let i = start; i < end; i++) {
        const d = p.docs[i]!;
        scores.set(d, (scores.get(d) ?? 0) + termScore(w, p.freqs[i]!, norms[d]!));
      }
    }
  }
  let best = 0;
  let second = 0;
  for (const s of scores.values()) {
    if (s > best) [best, second] = [s, best];
    else if (s > second) second = s;
  }
  return (range.to - range.from === 1 ? best : second) / ideal;
}

/** `rankBm25`'s score for one paragraph, from its terms: for paragraphs the first pass did not pick. */
export function bm25Of(index: SearchIndex, groups: readonly QueryGroup[], doc: number, terms: readonly string[]): number {
  const ideal = idealScore(groups);
  if (ideal === 0) return 0;
  const tf = termCounts(terms);
  const norm = lengthNorm(index, index.docLength[doc]!);
  let score = 0;
  for (const g of groups) {
    for (const { term, weight } of g.terms) {
      const n = tf.get(term) ?? 0;
      if (n > 0) score += termScore(weight * index.idf(term), n, norm);
    }
  }
  return score / ideal;
}
