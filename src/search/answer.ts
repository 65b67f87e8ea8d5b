import type { Answer, AnswerOptions, Passage } from './types.js';
import { FuzzyVocabulary } from './fuzzy.js';
import type { SearchIndex } from './index.js';
import { detectLanguage } from './language.js';
import { isStopword, termOf, tokenize } from './normalize.js';
import { trimPassage } from './passage.js';
import { confidence, rankBm25, rerank, type QueryGroup } from './rank.js';
import { analyzeText } from './index.js';
import { isSmallTalkWord } from './smalltalk.js';

/**
 * Below this (the best paragraph's `confidence` plus its lead over the runner-up) the best
 * paragraph shares too little of the question to be its answer, and the bot says it found nothing.
 * Chosen with `npm run bench:quality -- --abstain`: on XQuAD it keeps 96-99% of right answers while
 * declining 74-84% of questions about unindexed articles (see README).
 */
export const MIN_CONFIDENCE = 0.22;
/** A fuzzy guess counts for less than the word itself, and less with each edit. */
const FUZZY_WEIGHT = [1, 0.7, 0.45];
/** How many paragraphs the first BM25 pass hands to the final ordering. */
const CANDIDATES = 50;

const fuzzyCache = new WeakMap<SearchIndex, FuzzyVocabulary>();

function fuzzyFor(index: SearchIndex): FuzzyVocabulary {
  let f = fuzzyCache.get(index);
  if (!f) fuzzyCache.set(index, (f = new FuzzyVocabulary(index.words.keys())));
  return f;
}

/**
 * The one entry point: a question in, the passages that answer it (or why there are none) out.
 * The bot, the console chat, `ask` and the benchmarks all call this.
 */
export function answer(index: SearchIndex, question: string, options: AnswerOptions = {}): Answer {
  const limit = Math.max(1, options.limit ?? 3);
  const base = { question, articleCount: index.articles.length };
  const words = tokenize(question).map((t) => t.word);
  if (words.length === 0) return { ...base, passages: [], reason: 'empty' };

  const language = detectLanguage(words, index.language);
  const content = [...new Set(words.filter((w) => !isStopword(w, language)))];
  if (content.every(isSmallTalkWord)) return { ...base, passages: [], reason: 'small-talk' };

  const groups = queryGroups(index, content, language);
  const termsOf = (doc: number) => {
    const article = index.docArticle[doc]!;
    return analyzeText(index.articles[article]!.paragraphs[index.docParagraph[doc]!]!.text, index.articleLanguage(article));
  };
  const ranked = rerank(index, groups, rankBm25(index, groups, CANDIDATES), termsOf);
  const best = ranked[0];
  // A clear lead over the runner-up is evidence too: a question about something the articles do
  // not cover tends to match many paragraphs equally weakly.
  const lead = best ? best.score - (ranked[1]?.score ?? 0) : 0;
  if (!best || confidence(index, groups, termsOf(best.doc)) + lead < (options.minConfidence ?? MIN_CONFIDENCE)) {
    return { ...base, passages: [], reason: 'not-found' };
  }

  const termWeights = new Map<string, number>();
  for (const g of groups) for (const t of g.terms) termWeights.set(t.term, t.weight);
  const passages: Passage[] = ranked.slice(0, limit).map((r) => {
    const article = index.articles[index.docArticle[r.doc]!]!;
    const paragraph = article.paragraphs[index.docParagraph[r.doc]!]!;
    const trimmed = trimPassage(paragraph.text, index.articleLanguage(index.docArticle[r.doc]!), termWeights);
    return { article, paragraph, text: trimmed.text, highlights: trimmed.highlights, score: round(r.score) };
  });
  return { ...base, passages };
}

/** Each content word of the question as a group of terms: itself, or its likely corrections. */
export function queryGroups(index: SearchIndex, words: readonly string[], language: ReturnType<typeof detectLanguage>): QueryGroup[] {
  const unknownIdf = index.idf('');
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  for (const word of words) {
    const term = termOf(word, language);
    if (seen.has(term)) continue;
    seen.add(term);
    if (index.postings.has(term)) {
      groups.push({ terms: [{ term, weight: 1 }], idf: index.idf(term) });
      continue;
    }
    const terms = fuzzyFor(index)
      .search(word)
      .map((m) => ({ term: index.words.get(m.word)!, weight: FUZZY_WEIGHT[m.edits] ?? 0 }))
      .filter((t) => t.weight > 0 && !seen.has(t.term));
    const unique = [...new Map(terms.map((t) => [t.term, t])).values()];
    const idf = unique.length ? Math.max(...unique.map((t) => index.idf(t.term))) : unknownIdf;
    groups.push({ terms: unique, idf });
  }
  return groups;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
