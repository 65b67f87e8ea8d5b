/**
 * An article's paragraphs are numbered in a row, and a term's postings list paragraphs in order, so
 * the paragraphs of one article that hold a term are one slice of its postings, found by binary search.
 */

/** Paragraph numbers `from` up to, not including, `to`. */
export interface DocRange {
  from: number;
  to: number;
}

/** The paragraphs of article `article` (`docArticle`: each paragraph's article, in order). */
export function articleRange(docArticle: ArrayLike<number>, article: number): DocRange {
  return { from: lowerBound(docArticle, article), to: lowerBound(docArticle, article + 1) };
}

/** The positions in `docs` (a term's postings, in paragraph order) of the paragraphs in `range`: `start` up to, not including, `end`. */
export function postingsIn(docs: ArrayLike<number>, range: DocRange): { start: number; end: number } {
  return { start: lowerBound(docs, range.from), end: lowerBound(docs, range.to) };
}

/** The first position in `sorted` holding `value` or more (postings' docs; the compound vocabulary's sorted words). */
export function lowerBound<T extends number | string>(sorted: ArrayLike<T>, value: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The strings of `sorted` starting with `prefix`, in order. */
export function* withPrefix(sorted: readonly string[], prefix: string): Generator<string> {
  for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i]!.startsWith(prefix); i++) yield sorted[i]!;
}
