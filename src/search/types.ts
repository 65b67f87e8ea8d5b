import type { Lexicon } from './lexicon.js';
import type { Article, Paragraph } from '../articles/types.js';
import type { Language } from './language.js';
import type { WordVectors } from './vectors.js';

/** One answering paragraph, trimmed for display. */
export interface Passage {
  article: Article;
  paragraph: Paragraph;
  /** What the reader is shown: the sentences that answer, with "…" where text was left out. */
  text: string;
  /** [start, end) offsets into `text` of the words that matched the question, for bold. */
  highlights: Array<[number, number]>;
  /** Relevance in [0, 1]; comparable within one answer, and against the abstention threshold. */
  score: number;
  /**
   * Set when `paragraph` is a short one shown with the paragraph before or after it (see
   * `withNeighbour`): that paragraph's number. `paragraph.text` then holds both, in order.
   */
  neighbour?: number;
}

/**
 * Why an answer has no passages: nothing asked, only chit-chat ("thanks!"), a request for the news in
 * general ("what's new?", answered with the newest articles), or no article answers.
 */
export type NoAnswerReason = 'empty' | 'small-talk' | 'latest' | 'not-found';

/** The single result every surface (bot, console, `ask`, benchmarks) renders. */
export interface Answer {
  question: string;
  /** Best first; empty when the bot should say it found nothing. */
  passages: Passage[];
  /** Set exactly when `passages` is empty. */
  reason?: NoAnswerReason;
  /**
   * Set when the best passage only narrowly passed the bar for answering (see `SURE_CONFIDENCE`):
   * the reply says the bot is not sure it answers the question.
   */
  tentative?: true;
  /**
   * For English questions answered with the default bar and word vectors on: the calibrated
   * probability that the best passage answers (see `calibrate.ts`; with the sentence model on, its own
   * weights and bars); below `DECLINE_BELOW` the bot declines, below `UNSURE_BELOW` it says it is not sure.
   */
  confidence?: number;
  /** How many articles were searched, for "nothing about that in my N articles". */
  articleCount: number;
  /**
   * The language the bot's own sentences around the answer are in: the question's, when it clearly
   * has one (see `replyLanguage`), else the reader's, else the articles' main language.
   */
  language?: Language;
  /**
   * Set on a decline ('not-found') when the question is in a language none of the articles is
   * written in: the languages they are in, most paragraphs first, so the reply can tell the reader
   * (in their language) what to ask in.
   */
  articleLanguages?: Language[];
  /**
   * Set when the question asks about a year (named, or "this year", "latest", "now" read against
   * today's date) and the best passage's article is from another and does not say that year: the
   * reply says so above the passage ("I have nothing from 2026; the latest I have is from …"). Else,
   * for English questions, when it names a thing in two words ("halftime show") that the article
   * holds both words of but never says (see `phrases.ts`): "I have nothing on “halftime show”; …".
   * For a named year or thing (kinds 'year' and 'event') the bot then declines, with `closest`.
   */
  mismatch?: YearMismatch;
  /**
   * On a decline for a year or thing the question names that the best article is not about
   * (`mismatch`): that article, which the reply points to ("I have nothing on “Super Bowl 61”; the
   * closest I have is from …" and its link) instead of showing its passage as the answer.
   */
  closest?: Article;
}

/** The year or thing a question asked about, and the date of what the bot shows instead (see `Answer.mismatch`). */
export interface YearMismatch {
  /** The year asked about ("2026"), or the question's words naming the thing ("halftime show"). */
  asked: string;
  /** The shown article's publication date, as its metadata gives it ("2023-05-01"). */
  shown: string;
  /**
   * 'year': the question named the year; 'recent': it asked for this year's or the latest news;
   * 'event': it named a thing the article does not (`asked` is then words, not a year).
   */
  kind: 'year' | 'recent' | 'event';
  /**
   * With kind 'year': the question asked how that year came out ("who won the 2026 world cup") and
   * the article, written before it, may name the year but cannot tell: "I have no results from 2026",
   * not "nothing on 2026".
   */
  outcome?: true;
}

export interface AnswerOptions {
  /** At most this many passages (default 3). */
  limit?: number;
  /**
   * Abstain when the best passage's conviction is below this (default: English questions by the
   * calibrated confidence of `calibrate.ts`, others below the tuned `MIN_CONFIDENCE`). Set, it applies
   * to every language. 0 turns abstention off: benchmarks pass it to measure ranking apart from abstention.
   */
  minConfidence?: number;
  /**
   * English word vectors: English questions are then also matched by meaning, not only by words
   * (see `semantic.ts`). Without them answering is by words alone.
   */
  vectors?: WordVectors;
  /**
   * A sentence model (SENTENCE_MODEL=on): English questions' best candidates are then re-ordered by
   * how close each paragraph is in meaning to the whole question (see `sentences.ts`).
   */
  sentences?: SentenceModel;
  /**
   * The language the reader's app is set to (a Telegram user's `language_code`): the bot's own
   * sentences are in it when the question's language is unclear ("Trump Brief?"), instead of the
   * articles' (see `replyLanguage`).
   */
  readerLanguage?: Language;
  /**
   * Translations for questions in another language than the articles' (default: the one
   * `npm run build-lexicon` installed, if any; `Lexicon.empty` turns translating off).
   */
  lexicon?: Lexicon;
  /**
   * Today's date (ISO, "2026-12-02"): what "this year" and "now" in a question are read against
   * (default: the clock).
   */
  today?: string;
}

/** Embeds texts as vectors whose cosine says how close they are in meaning (synchronously: `answer()` is). */
export interface SentenceModel {
  embed(texts: readonly string[]): Float32Array[];
}
