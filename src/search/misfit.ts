import type { SearchIndex } from './index.js';
import { hasAnswerKind, isHeading, missingYears, reportsOutcome, type AnswerKind } from './fit.js';
import { paragraphOf } from './lookup.js';

/** What the question asks for besides its words (see `fit.ts`). */
export interface Fit {
  kind: AnswerKind | undefined;
  years: string[];
  /** It asks how something came out ("who won …"; English questions only: see `asksOutcome`). */
  outcome: boolean;
}

/**
 * How much a candidate loses in ranking when it lacks a year the question names (in itself, its
 * headline and, for a dated article, its date: see `missingYears`), the kind of answer asked for
 * (see `answerKind`; an outcome asked that it does not report, see `reportsOutcome`, weighs as
 * much again), or is a heading-like line (see `isHeading`); and how much a best passage
 * lacking the year counts against answering: readers name a year to pick one story among many.
 * A missing kind weighs nothing against the conviction, since that cost right answers (a missing
 * amount does count, through the calibrated confidence: see AMOUNT_DECLINE_BELOW). Chosen with
 * `npm run bench:reader` and `npm run bench:quality`; figures in docs/benchmarks.md and docs/search.md.
 */
const YEAR_MISSING = 0.15;
const KIND_MISSING = 0.05;
const HEADING_PENALTY = 0.1;
export const YEAR_DOUBT = 0.5;

/** What paragraph `doc` lacks of what the question asks besides its words. */
export function misfit(index: SearchIndex, doc: number, fit: Fit): Misfit {
  const article = index.articles[index.docArticle[doc]!]!;
  const text = paragraphOf(index, doc).text;
  return {
    year: missingYears(fit.years, text, article.title, article.published).length > 0,
    kind: fit.kind !== undefined && !hasAnswerKind(text, fit.kind, index.articleLanguage(index.docArticle[doc]!)),
    heading: isHeading(text),
    outcome: fit.outcome && !reportsOutcome(text),
  };
}

export interface Misfit {
  /** It lacks a year the question names. */
  year: boolean;
  /** It lacks the kind of answer the question asks for. */
  kind: boolean;
  /** It is a heading or a link teaser, not a sentence (see `isHeading`). */
  heading: boolean;
  /**
   * It reports no outcome where the question asks one (see `reportsOutcome`): a nominations story
   * or a preview written before the result. Marked down as much as a missing kind of answer, so that
   * "who won … at the latest Grammys" is not answered by a newer story naming the nominees.
   */
  outcome: boolean;
}

export function rankPenalty(m: Misfit): number {
  return (m.year ? YEAR_MISSING : 0) + (m.kind ? KIND_MISSING : 0) + (m.outcome ? KIND_MISSING : 0) + (m.heading ? HEADING_PENALTY : 0);
}

export function convictionPenalty(m: Misfit): number {
  return m.year ? YEAR_DOUBT : 0;
}
