import type { Answer, AnswerOptions, SentenceModel } from './types.js';
import type { SearchIndex } from './index.js';
import { CHECK_MARGIN } from './check.js';
import {
  calibrated,
  DECLINE_BELOW,
  DEFAULT_CALIBRATION,
  featuresOf,
  SENTENCE_CALIBRATION,
  SENTENCE_DECLINE_BELOW,
  SENTENCE_UNSURE_BELOW,
  UNSURE_BELOW,
  type ConfidenceFeatures,
} from './calibrate.js';
import { convictionOf, evidenceOf, MEANING_NEUTRAL, SENTENCE_NEUTRAL, type Evidence } from './conviction.js';
import { similarityOf, type SentenceRead } from './sentences.js';
import { paragraphOf } from './lookup.js';
import { YEAR_DOUBT } from './misfit.js';
import { readQuestion, type Question } from './question.js';
import { rankCandidates, type Candidates } from './candidates.js';
import { askedOf, checkBestArticle, type Checked } from './answer-check.js';
import { doubtsOf } from './doubts.js';
import { mismatchNote, notFound, passagesOf, round } from './reply.js';

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
 * For questions judged by the calibrated confidence, a conviction below SURE_CONFIDENCE says "not
 * sure" only while the confidence is below this too: above it, such answers were right more often
 * than not, while a passage sharing a word or two in a small folder can still reach 0.3-0.4.
 * Figures in docs/benchmarks.md.
 */
export const WEAK_SURE_BELOW = 0.4;
/**
 * For questions judged by the calibrated confidence, a conviction below this says "not sure" when the
 * answer check found another paragraph of the article nearly as fitting (within CHECK_MARGIN), also
 * where it kept word match's choice: the words barely carry the answer and the article offers a second
 * one about as likely. Such answers were wrong in both new reader sets (5 of 5, none in the development
 * set); with a strong conviction a close second paragraph was as often right as not. Only for those
 * questions: across languages it flagged right answers. Figures in docs/benchmarks.md.
 */
export const CLOSE_CALL_BELOW = 0.35;
/**
 * Below this calibrated confidence, a best paragraph without any number for a question asking for an
 * amount ("how much did the new skate park cost") is declined: ranking already prefers paragraphs
 * with a number, so when the best one has none the folder mostly lacks the story, and the model no
 * longer favours it. Only amounts: a date or a name the paragraph seems to lack was more often a
 * misread cue ("who was on the throne when …") or a name `hasAnswerKind` does not see, and declining
 * those cost right answers. Figures (held-out halves of the reader set, RealTime QA and XQuAD) in
 * docs/benchmarks.md.
 */
export const AMOUNT_DECLINE_BELOW = 0.5;

/**
 * How much it counts against answering that the best paragraph by the question's words was from an
 * article lacking a name the question asks about, so that a candidate from an article saying it
 * was ranked first instead (see `unnamedPenalty`): the story asked about may well be missing, and
 * the named article only shares a name with the question.
 */
export const UNNAMED_DOUBT = 0.2;

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
  const candidates = rankCandidates(index, q, options);
  const checked = checkBestArticle(index, q, candidates);
  const { ranked } = checked;
  if (ranked.length === 0) return { answer: notFound(index, q.base) };
  const doc = ranked[0]!.doc;
  const evidence = evidenceOf(index, q, candidates, doc);
  const today = options.today ?? new Date().toISOString();
  const doubts = doubtsOf(index, q, ranked, doc, evidence.misfit, today, options.vectors);
  const conviction =
    convictionOf(index, q.groups, evidence) -
    (doubts.missingThing || doubts.unreported || doubts.stale ? YEAR_DOUBT : candidates.unnamed ? UNNAMED_DOUBT : 0);
  const { features, probability, decline, unsure } = judge(index, { q, candidates, checked }, { doc, evidence, conviction }, options);
  if (decline) return { answer: notFound(index, q.base), features };

  const mismatch = mismatchNote(index, doc, q, doubts, today);
  // A year or thing the question names that the best article is not about ("who won super bowl 61"
  // against Super Bowl 58's story): the folder lacks the news asked for. The reply says so and points
  // to that closest article instead of showing its passage as the answer. "This year", "latest" and
  // "now" are answered with the newest the folder has, noted (figures in docs/benchmarks.md).
  if (mismatch && mismatch.kind !== 'recent' && abstains(options))
    return { answer: { ...notFound(index, q.base), mismatch, closest: index.articles[index.docArticle[doc]!]! }, features };

  const passages = passagesOf(index, q.groups, ranked, limit, askedOf(q));
  const sureness = probability === undefined ? {} : { confidence: round(probability) };
  return {
    answer: { ...q.base, passages, ...(unsure ? { tentative: true as const } : {}), ...(mismatch ? { mismatch } : {}), ...sureness },
    features,
  };
}

/** An answer and the features of its best passage (English questions with a ranked passage only: the answer check's language). */
export interface Explained {
  answer: Answer;
  features?: ConfidenceFeatures;
}

/** What the stages before the decision found. */
interface Found {
  q: Question;
  candidates: Candidates;
  checked: Checked;
}

/** The best passage as the decision weighs it. */
interface Best {
  doc: number;
  evidence: Evidence;
  /** How convincingly it answers (see `convictionOf`), less the doubts (see `doubts.ts`). */
  conviction: number;
}

/** Whether the bot declines, and if not whether it says it is not sure. */
interface Verdict {
  features: ConfidenceFeatures | undefined;
  /** The calibrated confidence, when it judges (see `calibrate.ts`). */
  probability: number | undefined;
  decline: boolean;
  unsure: boolean;
}

/** Whether the bot may decline: `minConfidence: 0` turns abstention off, to measure ranking alone. */
function abstains(options: AnswerOptions): boolean {
  return (options.minConfidence ?? MIN_CONFIDENCE) > 0;
}

/** The decision on the best passage: by its conviction and, where it was fitted, the calibrated confidence. */
function judge(index: SearchIndex, found: Found, best: Best, options: AnswerOptions): Verdict {
  const threshold = options.minConfidence ?? MIN_CONFIDENCE;
  const abstain = threshold > 0;
  const { conviction } = best;
  const { meaning, read } = found.candidates;
  const { ranked, first, margin } = found.checked;
  // English questions (the answer check's language) are also judged by the calibrated confidence
  // unless the caller sets its own bar: below its bars the bot declines or says it is not sure where
  // the conviction's bars alone would not (see `calibrate.ts`).
  const features = featuresFor(index, found, best);
  // Only with the answer models a model was fitted with (word vectors; with or without the sentence
  // model, each its own): without vectors the same passage's features read lower, and right answers
  // in small folders were declined.
  const fitted = features && options.minConfidence === undefined && meaning !== undefined;
  const probability = fitted ? calibrated(features, read ? SENTENCE_CALIBRATION : DEFAULT_CALIBRATION) : undefined;
  const [declineBelow, unsureBelow] = read ? [SENTENCE_DECLINE_BELOW, SENTENCE_UNSURE_BELOW] : [DECLINE_BELOW, UNSURE_BELOW];
  const noAmount = probability !== undefined && found.q.fit.kind === 'number' && features!.kindMissing === 1 && probability < AMOUNT_DECLINE_BELOW;
  const decline = abstain && (conviction < threshold || (probability !== undefined && probability < declineBelow) || noAmount);
  const unsure = abstain && saysUnsure({ conviction, probability, unsureBelow, overridden: ranked[0]!.doc !== first, margin });
  return { features, probability, decline, unsure };
}

/** What "not sure" is decided by (also in `npm run bench:calibrate`'s curve). */
export interface Sureness {
  conviction: number;
  /** The calibrated confidence, when it judges. */
  probability: number | undefined;
  /** Its "not sure" bar. */
  unsureBelow: number;
  /** Whether the answer check showed another paragraph than word match ranked first. */
  overridden: boolean;
  /** The shown paragraph's lead in the check over its article's next. */
  margin: number;
}

/**
 * Whether an answer given is flagged "not sure": a weak conviction the calibrated confidence does not
 * trust either, a calibrated confidence below its bar, a narrow override by the answer check, or a
 * close call between two of the article's paragraphs on a weak conviction (see CLOSE_CALL_BELOW).
 */
export function saysUnsure({ conviction, probability: p, unsureBelow, overridden, margin }: Sureness): boolean {
  return (
    (conviction < SURE_CONFIDENCE && (p === undefined || p < WEAK_SURE_BELOW)) ||
    (p !== undefined && p < unsureBelow) ||
    (overridden && margin < CHECK_MARGIN) ||
    (p !== undefined && conviction < CLOSE_CALL_BELOW && margin < CHECK_MARGIN)
  );
}

/** The calibrated confidence's features of the best passage; for English questions only (see `checkBestArticle`). */
function featuresFor(index: SearchIndex, { q, candidates: c, checked }: Found, { doc, evidence, conviction }: Best): ConfidenceFeatures | undefined {
  const { fitOf } = checked;
  return (
    fitOf &&
    featuresOf(index, {
      groups: q.groups,
      doc,
      article: index.docArticle[doc]!,
      terms: c.termsOf(doc),
      conviction,
      lead: evidence.lead,
      margin: checked.margin,
      overridden: doc !== checked.first,
      fit: fitOf(doc),
      kindAsked: q.fit.kind !== undefined,
      kindMissing: evidence.misfit.kind,
      // The calibrated confidence was fitted on scores without the article's support.
      ranked: checked.ranked.map((r) => ({ doc: r.doc, score: r.score - c.supportOf(r.doc) })),
      yearMissing: evidence.misfit.year,
      heading: evidence.misfit.heading,
      meaning: evidence.meaning,
      meaningNeutral: MEANING_NEUTRAL,
      ...(c.read && c.model ? sentenceFeature(c.model, c.read, doc, () => paragraphOf(index, doc).text) : {}),
    })
  );
}

/** The sentence model's similarity of the best paragraph, as the calibrated confidence reads it. */
function sentenceFeature(model: SentenceModel, read: SentenceRead, doc: number, text: () => string): { sentence?: number } {
  const similarity = similarityOf(model, read, doc, text);
  return similarity === undefined ? {} : { sentence: similarity - SENTENCE_NEUTRAL };
}
