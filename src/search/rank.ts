import type { SearchIndex } from './index.js';

/** One concept of the question: a word's term, or the terms its misspelling may stand for. */
export interface QueryGroup {
  /** Alternatives with their weight in (0, 1]: 1 for the word itself, less for fuzzy guesses. */
  terms: Array<{ term: string; weight: number }>;
  /** The group's share of the question: its rarest alternative's idf (unknown words get the max). */
  idf: number;
}

export interface Ranked {
  doc: number;
  /** BM25 normalized by the best score this question could reach, in [0, 1]. */
  score: number;
  /** The query terms this paragraph contains (for highlights and the title/proximity boosts). */
  matched: string[];
}

// BM25's usual constants (Robertson; Lucene's defaults): k1 caps how much repeating a word helps,
// b how much long paragraphs are discounted.
const K1 = 1.2;
const B = 0.75;

/**
 * Scores every paragraph holding a query term with BM25, normalized by the score of an ideal
 * paragraph (every group matched, long runs of each word), so the result is comparable across
 * questions and can be thresholded for abstention. Returns the best `limit` paragraphs.
 */
export function rankBm25(index: SearchIndex, groups: readonly QueryGroup[], limit: number): Ranked[] {
  const ideal = groups.reduce((s, g) => s + g.idf * (K1 + 1), 0);
  if (ideal === 0) return [];
  const scores = new Float64Array(index.documentCount);
  const touched: number[] = [];
  const avg = index.avgDocLength || 1;
  for (const g of groups) {
    for (const { term, weight } of g.terms) {
      const p = index.postings.get(term);
      if (!p) continue;
      const w = weight * index.idf(term);
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        const tf = p.freqs[i]!;
        const norm = K1 * (1 - B + (B * index.docLength[d]!) / avg);
        if (scores[d] === 0) touched.push(d);
        scores[d]! += (w * tf * (K1 + 1)) / (tf + norm);
      }
    }
  }
  const top = topK(touched, scores, limit);
  return top.map((doc) => ({ doc, score: scores[doc]! / ideal, matched: [] }));
}

/** The `k` highest-scoring docs, best first, without sorting everything. */
function topK(docs: readonly number[], scores: Float64Array, k: number): number[] {
  if (docs.length <= k) return [...docs].sort((a, b) => scores[b]! - scores[a]! || a - b);
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
  for (const d of docs) {
    if (heap.length < k) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
    } else if (less(heap[0]!, d)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => scores[b]! - scores[a]! || a - b);
}
