import { paragraphTextKey } from '../src/articles/dedupe.js';
import type { Article } from '../src/articles/types.js';
import type { Question } from './data.js';
import type { BenchHit } from './systems.js';

/** Whether a hit answers a question. */
export type Judge = (hit: BenchHit | undefined, q: Question) => boolean;

/**
 * A hit answers a question when it is the question's paragraph or has the same words: the bot
 * indexes a paragraph several articles share once, in the newest (`dedupeParagraphs`), and RealTime
 * QA's quizzes repeat a few paragraphs word for word, so the reader gets the same text from another
 * article.
 */
export function judge(keyOf: KeyOf): Judge {
  return (hit, q) => {
    if (hit === undefined) return false;
    if (hit.articleId === q.articleId && hit.para === q.para) return true;
    const key = keyOf(q.articleId, q.para);
    return key >= 0 && keyOf(hit.articleId, hit.para) === key;
  };
}

/** A paragraph's `paragraphTextKey` by article id and paragraph index (−1 for one not there). */
export type KeyOf = (articleId: string, para: number) => number;

/** The keys of every paragraph of `articles`, computed once. */
export function textKeys(articles: readonly Article[]): KeyOf {
  const at = (articleId: string, para: number) => `${articleId}\u0000${para}`;
  const keys = new Map<string, number>();
  for (const a of articles) for (const p of a.paragraphs) keys.set(at(a.id, p.index), paragraphTextKey(p.text));
  return (articleId, para) => keys.get(at(articleId, para)) ?? -1;
}
