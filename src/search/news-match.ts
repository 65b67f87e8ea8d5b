import type { Article } from '../articles/types.js';
import { answer } from './answer.js';
import { SearchIndex } from './index.js';
import type { AnswerOptions, Passage } from './types.js';

/** What subscriptions and channels match a new article by: the article's key and a one-article index. */
export interface NewArticle {
  article: Article;
  /** The article's URL, else its id (its file, plus `#n` inside a multi-article file): what "posted to a chat" is kept by. */
  key: string;
  index: SearchIndex;
}

/** The key an article is posted under: its URL, else its file (with `#n` for one of several in a file). */
export function articleKey(a: Article): string {
  return a.url ?? a.id;
}

export function newArticle(article: Article): NewArticle {
  return { article, key: articleKey(article), index: SearchIndex.build([article]) };
}

/**
 * The passage of `item` that answers `words` as a question would be answered (the same `answer()`
 * and threshold, on an index of this article alone), or undefined when the article does not match.
 * Alone, the article is not outranked by older ones, and the threshold (measured against a background
 * collection, see `confidence`) means the same as in the full index.
 */
export function matchNewArticle(item: NewArticle, words: string, options: Omit<AnswerOptions, 'limit'> = {}): Passage | undefined {
  return answer(item.index, words, { ...options, limit: 1 }).passages[0];
}

/** The passage shown for an article that every new one is posted for (a channel without words): its opening. */
export function leadPassage(article: Article): Passage | undefined {
  const paragraph = article.paragraphs[0];
  return paragraph && { article, paragraph, text: paragraph.text, highlights: [], score: 1 };
}
