import type { Answer, AnswerOptions, Passage, SentenceModel, YearMismatch } from './types.js';
import { isCompounding } from './compound.js';
import type { SearchIndex } from './index.js';
import { CAPITALIZES_NOUNS, detectLanguage, replyLanguage, type Language } from './language.js';
import { capitalizedWordsOf, isStopword, termOf, tokenize, type Token } from './normalize.js';
import { trimPassage } from './passage.js';
import { sentencesOf } from './reading.js';
import { meaningWords, queryGroups, repeated, TRANSLATED_TO, type Translate } from './query.js';
import { installedLexicon, type Lexicon } from './lexicon.js';
import {
  ARTICLE_SUPPORT_WEIGHT,
  articleSupport,
  backgroundWeight,
  bm25Of,
  confidence,
  rankBm25,
  rerank,
  type QueryGroup,
  type Ranked,
} from './rank.js';
import { MeaningMatch, rerankByMeaning, VECTOR_LANGUAGE } from './semantic.js';
import { rerankBySentence, SENTENCE_LANGUAGE, similarityOf, type SentenceRead } from './sentences.js';
import { chitChat } from './smalltalk.js';
import { expandShorthand } from './chat.js';
import { articleDocs, CHECK_LANGUAGE, CHECK_MARGIN, CHECK_WEIGHT, sentenceFit, slotOf, translatedSlot } from './check.js';
import { missingPhrase } from './phrases.js';
import { missingName } from './proper-names.js';
import { otherEdition } from './editions.js';
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
import {
  answerKind,
  hasAnswerKind,
  isHeading,
  missingYears,
  readsAsHeading,
  recencyOf,
  unreportedYears,
  yearsIn,
  type AnswerKind,
  type Recency,
} from './fit.js';

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
 * How much a question's names that no article mentions ("Tesla" in "Where did Tesla live?") count
 * against answering, by their share of the question's weight: a question about someone the
 * articles never mention is seldom answered by them. It declines more off-topic questions at
 * almost no cost in right answers (figures in docs/benchmarks.md and docs/search.md).
 */
const UNKNOWN_NAME_PENALTY = 0.5;
/**
 * How much it counts against answering that the best paragraph matches only one of the question's
 * words ("who invented the telephone?" answered by a paragraph that only says "invented"). Small:
 * more turns away right answers (Russian first). Not in compounding languages, where one word says
 * what others say in three ("Klassifizierungssystem"): there it only cost right answers. Chosen
 * with `npm run bench:quality -- --abstain`; figures in docs/benchmarks.md.
 */
const LONE_MATCH_PENALTY = 0.05;
/**
 * With word vectors, the best passage's meaning match above MEANING_NEUTRAL counts for answering,
 * below against, this much per unit: right answers match in meaning more closely than passages for
 * questions about unindexed articles, and the neutral point sits between the two. Chosen with
 * `npm run bench:quality -- --abstain`; figures in docs/search.md and docs/benchmarks.md.
 */
const MEANING_EVIDENCE = 0.8;
const MEANING_NEUTRAL = 0.7;
/**
 * With the sentence model, the best passage's similarity to the question above SENTENCE_NEUTRAL
 * counts for answering, below against, this much per unit; the neutral point sits below where right
 * answers' similarities lie. Chosen with `npm run bench:quality -- --abstain` over a grid of both;
 * figures in docs/benchmarks.md and docs/search.md ("Tuning notes").
 */
const SENTENCE_EVIDENCE = 1;
const SENTENCE_NEUTRAL = 0.5;
/**
 * How many paragraphs the first BM25 pass hands to the second: more changed nothing in
 * `npm run bench:quality` (figures in docs/benchmarks.md) and costs time.
 */
const CANDIDATES = 20;

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;

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
  const articleCount = index.articleCount;
  // A link pasted with the question ("is this true? https://…") is not words of it: "https", "www"
  // and the host would count as unknown names and turn the answer down.
  const asked = question.replace(LINK, ' ');
  const tokens = tokenize(asked);
  const written = tokens.map((t) => t.word);
  if (written.length === 0)
    return { answer: { question, articleCount, language: options.readerLanguage ?? index.language, passages: [], reason: 'empty' } };

  const language = detectLanguage(written, index.language);
  const words = expandShorthand(written, language, (w) => {
    const term = index.words.get(w);
    return term === undefined ? 0 : index.df(term);
  });
  const base = { question, articleCount, language: replyLanguage(words, language, index.language, options.readerLanguage) };
  const content = [...new Set(words.filter((w) => !isStopword(w, language)))];
  const names = namesIn(asked, tokens);
  const chat = chitChat(words, content, names);
  if (chat) return { answer: { ...base, passages: [], reason: chat } };

  const translate = translator(index, language, options.lexicon);
  const groups = queryGroups(index, content, language, translate, names);
  const rankingGroups = repeated(groups, words, language);
  const termsOf = (doc: number) => index.paragraphTerms(doc);
  const vectors = language === VECTOR_LANGUAGE ? options.vectors : undefined;
  const lexical = rerank(index, rankingGroups, rankBm25(index, rankingGroups, CANDIDATES), termsOf);
  const meaning = vectors && new MeaningMatch(vectors, index, meaningWords(index, vectors, content), language);
  const byMeaning = meaning ? rerankByMeaning(meaning, lexical) : lexical;
  const model = language === SENTENCE_LANGUAGE ? options.sentences : undefined;
  const fit: Fit = { kind: answerKind(words), years: yearsIn(words) };
  const read = model && rerankBySentence(model, asked, byMeaning, (doc) => paragraphOf(index, doc).text);
  const misfits = new Map<number, Misfit>();
  const misfitOf = (doc: number) => {
    let m = misfits.get(doc);
    if (!m) misfits.set(doc, (m = misfit(index, doc, fit)));
    return m;
  };
  const supports = new Map<number, number>();
  // Each article's support, weighted: computed once per article among the candidates.
  const supportOf = (doc: number) => {
    const article = index.docArticle[doc]!;
    let s = supports.get(article);
    if (s === undefined) supports.set(article, (s = ARTICLE_SUPPORT_WEIGHT * articleSupport(index, rankingGroups, article)));
    return s;
  };
  let ranked = withSupport(rerankByFit(read ? read.ranked : byMeaning, misfitOf), supportOf);
  const recency = recencyOf(words);
  if (prefersNewest(recency)) ranked = newestFirst(index, ranked);
  const first = ranked[0]?.doc;
  let margin = Infinity;
  let fitOf: ((doc: number) => number) | undefined;
  // A translated question is checked against the English sentences through its translated terms.
  const checked = language === CHECK_LANGUAGE ? language : translate ? TRANSLATED_TO : undefined;
  if (first !== undefined && checked) {
    const article = index.docArticle[first]!;
    // More of the best article's paragraphs, scored as the first candidates were.
    const scored = (docs: readonly number[]) => {
      const more = rerank(
        index,
        rankingGroups,
        docs.map((doc) => ({ doc, score: bm25Of(index, rankingGroups, doc, termsOf(doc)) })),
        termsOf,
      );
      return withSupport(rerankByFit(meaning ? rerankByMeaning(meaning, more) : more, misfitOf), supportOf);
    };
    const slot =
      checked === language ? slotOf(words, fit.kind, language) : translatedSlot(words, fit.kind, language, englishTerms(groups, translate));
    // Across languages the question's names are known by their terms ("Смит" → smith).
    const said = checked === language ? new Set(words) : new Set([...words, ...groups.flatMap((g) => g.terms.map((t) => t.term))]);
    const headline = index.headlineTerms[article]!;
    // A paragraph may say "she" or "the balloon" for whom the one before it names: those names count
    // in its fit as the headline's words do (figures in docs/benchmarks.md, "Readers' questions").
    const context = (doc: number) =>
      index.docArticle[doc - 1] === article ? new Set([...headline, ...namedTerms(paragraphOf(index, doc - 1).text, checked)]) : headline;
    const fits = (doc: number) => sentenceFit(sentencesOf(index, doc, checked), groups, context(doc), slot, said);
    // The calibrated confidence was fitted on English questions only.
    if (checked === language) fitOf = fits;
    ({ ranked, margin } = withAnswerCheck(index, ranked, article, rankingGroups, scored, fits));
    // The check re-sorts by score: the newest article checked stays first.
    if (prefersNewest(recency)) ranked = newestFirst(index, ranked);
  }
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
      ...(read && model ? sentenceFeature(model, read, best, () => paragraphOf(index, best).text) : {}),
    });
  // Only with the answer models a model was fitted with (word vectors; with or without the sentence
  // model, each its own): without vectors the same passage's features read lower, and right answers
  // in small folders were declined.
  const fitted = features && options.minConfidence === undefined && meaning !== undefined;
  const probability = fitted ? calibrated(features, read ? SENTENCE_CALIBRATION : DEFAULT_CALIBRATION) : undefined;
  const [declineBelow, unsureBelow] = read ? [SENTENCE_DECLINE_BELOW, SENTENCE_UNSURE_BELOW] : [DECLINE_BELOW, UNSURE_BELOW];
  const decline = threshold > 0 && (conviction < threshold || (probability !== undefined && probability < declineBelow));
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
    (conviction < SURE_CONFIDENCE || (ranked[0]!.doc !== first && margin < CHECK_MARGIN) || (probability !== undefined && probability < unsureBelow));
  const mismatch =
    mismatchOf(index, best, fit.years, recency, options.today ?? new Date().toISOString()) ??
    (unreported ? eventMismatchOf(index, best, unreported, 'year') : missingThing && eventMismatchOf(index, best, missingThing));
  const sureness = probability === undefined ? {} : { confidence: round(probability) };
  return {
    answer: { ...base, passages, ...(unsure ? { tentative: true as const } : {}), ...(mismatch ? { mismatch } : {}), ...sureness },
    features,
  };
}

/** The sentence model's similarity of the best paragraph, as the calibrated confidence reads it. */
function sentenceFeature(model: SentenceModel, read: SentenceRead, doc: number, text: () => string): { sentence?: number } {
  const similarity = similarityOf(model, read, doc, text);
  return similarity === undefined ? {} : { sentence: similarity - SENTENCE_NEUTRAL };
}

/** An answer and the features of its best passage (English questions with a ranked passage only: the answer check's language). */
export interface Explained {
  answer: Answer;
  features?: ConfidenceFeatures;
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
function prefersNewest(recency: Recency | undefined): boolean {
  return recency === 'latest' || recency === 'this-year';
}

/** The candidates with the newest article among those within RECENCY_MARGIN of the best moved first. */
function newestFirst(index: SearchIndex, ranked: readonly Ranked[]): Ranked[] {
  if (ranked.length < 2) return [...ranked];
  const dateOf = (r: Ranked) => index.articles[index.docArticle[r.doc]!]!.published ?? '';
  let newest = ranked[0]!;
  for (const r of ranked) if (r.score >= ranked[0]!.score - RECENCY_MARGIN && dateOf(r) > dateOf(newest)) newest = r;
  return [newest, ...ranked.filter((r) => r !== newest)];
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
 * Words written with a capital inside the question (not its first word): names of people, places
 * and things. German capitalizes every noun, so there this says less.
 */
function namesIn(question: string, tokens: readonly Token[]): Set<string> {
  const text = question.normalize('NFC');
  return new Set(
    tokens
      .slice(1)
      .filter((t) => /\p{Lu}/u.test(text[t.start]!))
      .map((t) => t.word),
  );
}

/**
 * The terms of a paragraph's capitalized words after its first: the people, places and things it
 * names. Only these carry over to the next paragraph: with all its words, XQuAD English top-1 fell
 * 0.5 points (its paragraphs are long and about one subject), with its names 0.2.
 */
function namedTerms(text: string, language: Language): string[] {
  return capitalizedWordsOf(text).map((word) => termOf(word, language));
}

/** What the best paragraph has going for it as the answer. */
interface Evidence {
  /** Its index terms. */
  terms: readonly string[];
  /** Its word-match lead over the runner-up. */
  lead: number;
  /** The question's capitalized words (see `namesIn`). */
  names: ReadonlySet<string>;
  /** Whether capitals mark names in the question's language (not in German). */
  namesCount: boolean;
  /** Whether the question's language writes compounds as one word (see LONE_MATCH_PENALTY). */
  compounding: boolean;
  /** Its meaning match (see `semantic.ts`), when word vectors are on. */
  meaning: number | undefined;
  /** Its similarity to the question as the sentence model reads them, when that is on. */
  sentence: number | undefined;
  /** What it lacks of what the question asks besides its words (see `misfit`). */
  misfit: Misfit;
}

/**
 * How convincingly the best paragraph answers the question: below the threshold the bot says it
 * found nothing, below SURE_CONFIDENCE it answers but says it is not sure.
 */
function convictionOf(index: SearchIndex, groups: readonly QueryGroup[], e: Evidence): number {
  // A question naming as many things no article mentions at all ("Paris") as things the best
  // paragraph does match ("weather") is about something else.
  const unknownNames = groups.filter((g) => g.terms.length === 0 && e.names.has(g.word));
  const present = new Set(e.terms);
  const matched = groups.filter((g) => g.terms.some((t) => present.has(t.term))).length;
  if (unknownNames.length > 0 && matched <= unknownNames.length) return -Infinity;
  // Fewer unknown names still weigh against answering, by their share of the question (not in
  // German, where most capitalized words are plain nouns: there it only cost right answers).
  const weight = (g: QueryGroup) => backgroundWeight(index, g);
  const total = groups.reduce((s, g) => s + weight(g), 0) || 1;
  const penalty = e.namesCount ? (UNKNOWN_NAME_PENALTY * unknownNames.reduce((s, g) => s + weight(g), 0)) / total : 0;
  const lone = !e.compounding && groups.length >= 2 && matched < 2 ? LONE_MATCH_PENALTY : 0;
  // A passage that says what the question asks in the same sense is evidence for it, one that only
  // shares its words against it (see MEANING_EVIDENCE).
  const meaning = e.meaning === undefined ? 0 : MEANING_EVIDENCE * (e.meaning - MEANING_NEUTRAL);
  const sentence = e.sentence === undefined ? 0 : SENTENCE_EVIDENCE * (e.sentence - SENTENCE_NEUTRAL);
  // A clear lead over the runner-up is evidence too: a question about something the articles do
  // not cover tends to match many paragraphs equally weakly.
  return confidence(index, groups, e.terms) + e.lead - penalty - lone + meaning + sentence - convictionPenalty(e.misfit);
}

/** What the question asks for besides its words (see `fit.ts`). */
interface Fit {
  kind: AnswerKind | undefined;
  years: string[];
}

/**
 * How much a candidate loses in ranking when it lacks a year the question names (in itself, its
 * headline and, for a dated article, its date: see `missingYears`), the kind of answer asked for
 * (see `answerKind`), or is a heading-like line (see `isHeading`); and how much a best passage
 * lacking the year counts against answering: readers name a year to pick one story among many.
 * A missing kind weighs nothing against answering, since that cost right answers. Chosen with
 * `npm run bench:reader` and `npm run bench:quality`; figures in docs/benchmarks.md and docs/search.md.
 */
const YEAR_MISSING = 0.15;
const KIND_MISSING = 0.05;
const HEADING_PENALTY = 0.1;
const YEAR_DOUBT = 0.5;

/** What paragraph `doc` lacks of what the question asks besides its words. */
function misfit(index: SearchIndex, doc: number, fit: Fit): Misfit {
  const article = index.articles[index.docArticle[doc]!]!;
  const text = paragraphOf(index, doc).text;
  return {
    year: missingYears(fit.years, text, article.title, article.published).length > 0,
    kind: fit.kind !== undefined && !hasAnswerKind(text, fit.kind, index.articleLanguage(index.docArticle[doc]!)),
    heading: isHeading(text),
  };
}

interface Misfit {
  /** It lacks a year the question names. */
  year: boolean;
  /** It lacks the kind of answer the question asks for. */
  kind: boolean;
  /** It is a heading or a link teaser, not a sentence (see `isHeading`). */
  heading: boolean;
}

function rankPenalty(m: Misfit): number {
  return (m.year ? YEAR_MISSING : 0) + (m.kind ? KIND_MISSING : 0) + (m.heading ? HEADING_PENALTY : 0);
}

function convictionPenalty(m: Misfit): number {
  return m.year ? YEAR_DOUBT : 0;
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

/** A question word's English terms: those its group searched for, else its translations' (a stopword has no group: "horas"). */
function englishTerms(groups: readonly QueryGroup[], translate?: Translate): (word: string) => string[] {
  return (word) => {
    const searched = groups.filter((g) => g.word === word).flatMap((g) => g.terms.map((t) => t.term));
    if (searched.length) return searched;
    const content = (translate?.(word) ?? []).flat().filter((t) => !isStopword(t, TRANSLATED_TO));
    return content.map((t) => termOf(t, TRANSLATED_TO));
  };
}

/**
 * How a question's words become the articles' words when no article is in the question's language
 * and the lexicon translates it to theirs; undefined otherwise (then nothing changes).
 */
function translator(index: SearchIndex, language: Language, lexicon?: Lexicon): Translate | undefined {
  const written = languagesOf(index);
  if (written.includes(language) || !written.includes(TRANSLATED_TO)) return undefined;
  const words = lexicon ?? installedLexicon();
  return words.has(language) ? (word) => words.translate(word, language) : undefined;
}

const languagesCache = new WeakMap<SearchIndex, Language[]>();

/** The languages an index's articles are written in, most paragraphs first. */
function languagesOf(index: SearchIndex): Language[] {
  let languages = index.corpus ? [...index.corpus.languages] : languagesCache.get(index);
  if (!languages) {
    const counts = new Map<Language, number>();
    for (let doc = 0; doc < index.documentCount; doc++) {
      const l = index.articleLanguage(index.docArticle[doc]!);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    languages = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l);
    languagesCache.set(index, languages);
  }
  return languages;
}

function paragraphOf(index: SearchIndex, doc: number) {
  return index.articles[index.docArticle[doc]!]!.paragraphs[index.docParagraph[doc]!]!;
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

/**
 * The answer check (see `check.ts`) for the best article: its other paragraphs holding a question
 * word join the candidates (the first pass keeps only the best 20 of the whole folder, and an
 * article's answering paragraph often says "she" where a teaser line repeats the name), scored by
 * `score`; then its paragraphs are re-ordered among the places they hold by score plus CHECK_WEIGHT
 * × how well their best sentence fits the question. Other articles keep their places.
 */
function withAnswerCheck(
  index: SearchIndex,
  ranked: readonly Ranked[],
  article: number,
  groups: readonly QueryGroup[],
  score: (docs: readonly number[]) => Ranked[],
  fits: (doc: number) => number,
): { ranked: Ranked[]; margin: number } {
  const have = new Set(ranked.map((r) => r.doc));
  const more = score(articleDocs(index, groups, article).filter((d) => !have.has(d)));
  const all = [...ranked, ...more].sort((a, b) => b.score - a.score || a.doc - b.doc);
  const places: number[] = [];
  const mine: Ranked[] = [];
  all.forEach((r, i) => {
    if (index.docArticle[r.doc] !== article) return;
    places.push(i);
    mine.push({ doc: r.doc, score: r.score + CHECK_WEIGHT * fits(r.doc) });
  });
  mine.sort((a, b) => b.score - a.score || a.doc - b.doc);
  places.forEach((at, i) => (all[at] = { doc: mine[i]!.doc, score: all[at]!.score }));
  return { ranked: all, margin: mine.length > 1 ? mine[0]!.score - mine[1]!.score : Infinity };
}
