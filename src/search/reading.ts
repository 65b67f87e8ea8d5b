import { analyzeText, type SearchIndex } from './index.js';
import type { Language } from './language.js';
import { isStopword, wordsOf } from './normalize.js';
import { splitSentences } from './passage.js';

/** A sentence of a paragraph as the answer check reads it. */
export interface SentenceReading {
  readonly sentence: string;
  /** All its words (`wordsOf`), stopwords too. */
  readonly words: readonly string[];
  /** The index terms of its words read in the check's language, stopwords left out. */
  readonly terms: readonly string[];
}

/**
 * Paragraph `doc`'s sentences as `splitSentences` cuts its NFC text, each with its words and its
 * terms read in `language`. A word never straddles a sentence's end (sentences end after punctuation
 * or a space), so when `language` is the article's own, a sentence's terms are the next as many of
 * the paragraph's index terms (see `IndexData.docTerms`) as it has words that are not stopwords: no
 * word is stemmed again. Otherwise each sentence is read alone.
 */
export function sentencesOf(index: SearchIndex, doc: number, language: Language): SentenceReading[] {
  const article = index.docArticle[doc]!;
  const text = index.articles[article]!.paragraphs[index.docParagraph[doc]!]!.text.normalize('NFC');
  const own = index.articleLanguage(article) === language ? index.paragraphTerms(doc) : undefined;
  let at = 0;
  return splitSentences(text).map((s) => {
    const sentence = text.slice(s.start, s.end);
    const words = wordsOf(sentence);
    if (!own) return { sentence, words, terms: analyzeText(sentence, language) };
    let count = 0;
    for (const word of words) if (!isStopword(word, language)) count++;
    at += count;
    return { sentence, words, terms: own.slice(at - count, at) };
  });
}
