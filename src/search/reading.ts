import type { Language } from './language.js';
import { Memo } from './memo.js';
import { eachWord, isStopword, termOf } from './normalize.js';
import { splitSentences } from './passage.js';

/**
 * A paragraph as answering reads it: the index terms of its words in order (what `analyzeText`
 * gives) and, on demand, its sentences with theirs. A question reads some 30 paragraphs this way
 * (ranking needs their terms, the answer check their sentences): one pass over each text serves
 * both, and readings are kept between questions for the paragraphs met lately (see READINGS_KEPT),
 * since the same stories come back.
 */
export interface Reading {
  /** The text, NFC-normalized: what the offsets below point into. */
  readonly text: string;
  /** The index terms of its words, stopwords left out, in order. */
  readonly terms: string[];
  /** Where each term's word starts in `text`. */
  readonly starts: Int32Array;
  /** Its sentences (see `sentencesOf`), once asked for. */
  sentences?: SentenceReading[];
}

/** A sentence of a paragraph: its text and its words' index terms (stopwords left out). */
export interface SentenceReading {
  readonly sentence: string;
  readonly terms: readonly string[];
}

/**
 * How many paragraphs' readings are kept per language: some 600 bytes each with their sentences
 * (the term strings are the stemmer memo's own), about 12 MB.
 */
const READINGS_KEPT = 20_000;
const memos = new Map<Language, Memo<string, Reading>>();

/** `text` read in `language` (memoized: see READINGS_KEPT). */
export function readingOf(text: string, language: Language): Reading {
  let memo = memos.get(language);
  if (!memo) memos.set(language, (memo = new Memo(READINGS_KEPT)));
  return memo.get(text, () => read(text, language));
}

function read(text: string, language: Language): Reading {
  const terms: string[] = [];
  const starts: number[] = [];
  eachWord(text, (word, start) => {
    if (isStopword(word, language)) return;
    terms.push(termOf(word, language));
    starts.push(start);
  });
  return { text: text.normalize('NFC'), terms, starts: Int32Array.from(starts) };
}

/**
 * The reading's sentences as `splitSentences` cuts them, each with the terms of the words inside it:
 * a word never straddles a sentence's end (sentences end after punctuation or a space), so these
 * are the terms the sentence has read alone.
 */
export function sentencesOf(reading: Reading): SentenceReading[] {
  if (reading.sentences) return reading.sentences;
  const { text, terms, starts } = reading;
  let at = 0;
  reading.sentences = splitSentences(text).map((s) => {
    const from = at;
    while (at < starts.length && starts[at]! < s.end) at++;
    return { sentence: text.slice(s.start, s.end), terms: terms.slice(from, at) };
  });
  return reading.sentences;
}
