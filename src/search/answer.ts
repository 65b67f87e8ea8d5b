import type { Answer, AnswerOptions, Passage, YearMismatch } from './types.js';
import { isCompounding } from './compound.js';
import type { SearchIndex } from './index.js';
import { CAPITALIZES_NOUNS } from './language.js';
import { trimPassage } from './passage.js';
import { CHECK_LANGUAGE, CHECK_MARGIN } from './check.js';
import { missingPhrase } from './phrases.js';
import { missingName } from './proper-names.js';
import { otherEdition } from './editions.js';
import { calibrated, DECLINE_BELOW, featuresOf, UNSURE_BELOW, type ConfidenceFeatures } from './calibrate.js';
import { convictionOf, MEANING_NEUTRAL, type Evidence } from './conviction.js';
import { YEAR_DOUBT } from './misfit.js';
import { languagesOf, paragraphOf } from './lookup.js';
import { readQuestion } from './question.js';
import { rankCandidates } from './candidates.js';
import { checkBestArticle } from './answer-check.js';
import { missingYears, readsAsHeading, unreportedYears, type Recency } from './fit.js';

/**
 * Below this (the best paragraph's `confidence` plus its lead over the runner-up) the best
 * paragraph shares too little of the question to be its answer, and the bot says it found nothing.
 * The trade-off: higher declines more off-topic questions but turns away right answers, first in
 * languages whose questions share fewer exact words with their answer (Russian, German). Chosen
 * with `npm run bench:quality -- --abstain`; figures in docs/benchmarks.md and docs/search.md.
 */
export const MIN_CONFIDENCE = 0.22;
/**
 * Between MIN_CONFIDENCE and this, the bot still answers but says it is not sure the passage answers
 * (`Answer.tentative`): the band where about half the wrong answers still given sit, and few right
 * ones. Chosen with `npm run bench:quality -- --abstain`; figures in docs/benchmarks.md.
 */
export const SURE_CONFIDENCE = 0.3;
/**
 * The one entry point: a question in, the passages that answer it (or why there are none) out.
 * The bot, the console chat, `ask` and the benchmarks all call this.
 */
export function answer(index: SearchIndex, question: string, options: AnswerOptions = {}): Answer {
  return explainAnswer(index, question, options).answer;
}

/**
 * `answer()` with what its confidence was computed from (for fitting the calibrated confidence:
 * `npm run bench:calibrate`). The features are those of the best passage, also when it is declined.
 */
export function explainAnswer(index: SearchIndex, question: string, options: AnswerOptions = {}): Explained {
  const limit = Math.max(1, options.limit ?? 3);
  const q = readQuestion(index, question, options);
  if ('reply' in q) return { answer: q.reply };
  const { base, words, language, names, groups, fit, recency } = q;
  const candidates = rankCandidates(index, q, options);
  const { lexical, meaning, read, termsOf, misfitOf, supportOf } = candidates;
  const { first, ranked, margin, fitOf } = checkBestArticle(index, q, candidates);
  const threshold = options.minConfidence ?? MIN_CONFIDENCE;
  const notFound = (): Answer => {
    // The reply's language, not the guess: it is the question's only when the question clearly is in it.
    const written = languagesOf(index);
    return base.language === undefined || written.includes(base.language)
      ? { ...base, passages: [], reason: 'not-found' }
      : { ...base, passages: [], reason: 'not-found', articleLanguages: written };
  };
  if (ranked.length === 0) return { answer: notFound() };
  const best = ranked[0]!.doc;
  const evidence: Evidence = {
    // The headline's words count as the paragraph's own, as in ranking (see `withHeadline`), so a
    // paragraph that says "he" for the headline's subject is not declined (figures in docs/benchmarks.md).
    terms: [...termsOf(best), ...index.headlineTerms[index.docArticle[best]!]!],
    lead: lexical[0]!.score - (lexical[1]?.score ?? 0),
    names,
    namesCount: !CAPITALIZES_NOUNS.has(language),
    compounding: isCompounding(language),
    meaning: meaning?.score(best),
    sentence: read?.similarity.get(best),
    misfit: misfitOf(best),
  };
  // A thing the question names that the article has the words of but never says, while other
  // candidates do ("halftime show" against "Super Bowl halftime"), counts against answering as a
  // missing year does (see `phrases.ts`).
  const unnamed =
    language === CHECK_LANGUAGE
      ? missingPhrase(
          index,
          groups,
          index.docArticle[best]!,
          ranked.map((r) => r.doc),
        )
      : undefined;
  // So does a name the question asks about that the article never says (see `proper-names.ts`).
  const absentName =
    !unnamed && language === CHECK_LANGUAGE
      ? missingName(
          index,
          groups,
          index.docArticle[best]!,
          ranked.map((r) => r.doc),
        )
      : undefined;
  // And so does another edition of a numbered thing ("iPhone 13" for "iPhone 18": see `editions.ts`).
  const edition = !unnamed && !absentName && language === CHECK_LANGUAGE ? otherEdition(index, words, groups, index.docArticle[best]!) : undefined;
  const missingThing = unnamed ? `${unnamed.first.word} ${unnamed.second.word}` : (absentName ?? edition);
  // A year the question asks the outcome of, after the article was written, counts as a missing year.
  const unreported =
    language === CHECK_LANGUAGE && !evidence.misfit.year
      ? unreportedYears(words, fit.years, index.articles[index.docArticle[best]!]!.published)[0]
      : undefined;
  const conviction = convictionOf(index, groups, evidence) - (missingThing || unreported ? YEAR_DOUBT : 0);
  // English questions (the answer check's language) are also judged by the calibrated confidence
  // unless the caller sets its own bar: below its bars the bot declines or says it is not sure where
  // the conviction's bars alone would not (see `calibrate.ts`).
  const features =
    fitOf &&
    featuresOf(index, {
      groups,
      doc: best,
      article: index.docArticle[best]!,
      terms: termsOf(best),
      conviction,
      lead: evidence.lead,
      margin,
      overridden: best !== first,
      fit: fitOf(best),
      kindAsked: fit.kind !== undefined,
      kindMissing: evidence.misfit.kind,
      // The calibrated confidence was fitted on scores without the article's support.
      ranked: ranked.map((r) => ({ doc: r.doc, score: r.score - supportOf(r.doc) })),
      yearMissing: evidence.misfit.year,
      heading: evidence.misfit.heading,
      meaning: evidence.meaning,
      meaningNeutral: MEANING_NEUTRAL,
    });
  // Only with the answer models it was fitted with (word vectors, no sentence model): without them
  // the same passage's features read lower, and right answers in small folders were declined.
  const fitted = features && options.minConfidence === undefined && meaning !== undefined && !read;
  const probability = fitted ? calibrated(features) : undefined;
  const decline = threshold > 0 && (conviction < threshold || (probability !== undefined && probability < DECLINE_BELOW));
  if (decline) return { answer: notFound(), features };

  const termWeights = new Map<string, number>();
  for (const g of groups) for (const t of g.terms) termWeights.set(t.term, t.weight);
  const passages: Passage[] = ranked.slice(0, limit).map((r) => {
    const article = index.articles[index.docArticle[r.doc]!]!;
    const paragraph = withBody(index, r.doc);
    const trimmed = trimPassage(paragraph.text, index.articleLanguage(index.docArticle[r.doc]!), termWeights);
    return { article, paragraph, text: trimmed.text, highlights: trimmed.highlights, score: round(r.score) };
  });
  const unsure =
    threshold > 0 &&
    (conviction < SURE_CONFIDENCE ||
      (ranked[0]!.doc !== first && margin < CHECK_MARGIN) ||
      (probability !== undefined && probability < UNSURE_BELOW));
  const mismatch =
    mismatchOf(index, best, fit.years, recency, options.today ?? new Date().toISOString()) ??
    (unreported ? eventMismatchOf(index, best, unreported, 'year') : missingThing && eventMismatchOf(index, best, missingThing));
  const sureness = probability === undefined ? {} : { confidence: round(probability) };
  return {
    answer: { ...base, passages, ...(unsure ? { tentative: true as const } : {}), ...(mismatch ? { mismatch } : {}), ...sureness },
    features,
  };
}

/** An answer and the features of its best passage (English questions with a ranked passage only: the answer check's language). */
export interface Explained {
  answer: Answer;
  features?: ConfidenceFeatures;
}

/**
 * The year the question asks about that the best passage is not from: one it names and the
 * passage, its headline and its date all lack; else, for "this year" or "latest", today's year when
 * the passage's article is older and does not say it. Undated articles say nothing (see `missingYears`).
 */
function mismatchOf(
  index: SearchIndex,
  doc: number,
  years: readonly string[],
  recency: Recency | undefined,
  today: string,
): YearMismatch | undefined {
  const article = index.articles[index.docArticle[doc]!]!;
  if (!article.published) return undefined;
  const text = paragraphOf(index, doc).text;
  const named = missingYears(years, text, article.title, article.published)[0];
  if (named !== undefined) return { asked: named, shown: article.published, kind: 'year' };
  if (recency === undefined || years.length > 0) return undefined;
  const year = today.slice(0, 4);
  return missingYears([year], text, article.title, article.published).length > 0
    ? { asked: year, shown: article.published, kind: 'recent' }
    : undefined;
}

/**
 * The note for a thing the question names that the best passage's article has the words of but
 * never says (see `missingPhrase`), a name it never says (see `missingName`) or another edition
 * (see `otherEdition`); or, as `kind` 'year', a year whose outcome it was written too early to tell
 * (see `unreportedYears`). Undated articles get none, as for years.
 */
function eventMismatchOf(index: SearchIndex, doc: number, asked: string, kind: 'event' | 'year' = 'event'): YearMismatch | undefined {
  const published = index.articles[index.docArticle[doc]!]!.published;
  return published ? { asked, shown: published, kind } : undefined;
}

/**
 * A heading-like line is shown with the paragraph under it, as one paragraph under the heading's
 * number (as `clean.ts` reads a question heading with its answer): the line names a topic and the
 * paragraph says what happened. Asked where the convention will be, a reader wants "… at the event
 * August 24-27 in Charlotte" under "Trump threatens to move Republican National Convention from N.C.".
 */
function withBody(index: SearchIndex, doc: number): Passage['paragraph'] {
  const paragraph = paragraphOf(index, doc);
  const next = index.articles[index.docArticle[doc]!]!.paragraphs[index.docParagraph[doc]! + 1];
  if (!next || !readsAsHeading(paragraph.text) || readsAsHeading(next.text)) return paragraph;
  return { index: paragraph.index, text: `${paragraph.text} ${next.text}` };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
