import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { Article } from '../src/articles/types.js';
import { answer } from '../src/search/answer.js';
import { SearchIndex } from '../src/search/index.js';
import type { AnswerModels } from '../src/app/open.js';

/** A hit as benchmarks compare them: which paragraph of which article. */
export interface BenchHit {
  articleId: string;
  para: number;
  /** This product only: the answer only narrowly passed the bar, and the reply says it is not sure. */
  tentative?: boolean;
}

/** A retrieval system under test: built once over the articles, then asked questions. */
export interface System {
  name: string;
  /** Best first, at most `limit`; empty when the system abstains. */
  search(question: string, limit: number): BenchHit[];
}

interface Doc {
  id: number;
  articleId: string;
  para: number;
  title: string;
  text: string;
}

function docs(articles: readonly Article[]): Doc[] {
  const out: Doc[] = [];
  for (const a of articles) {
    for (const p of a.paragraphs) out.push({ id: out.length, articleId: a.id, para: p.index, title: a.title, text: p.text });
  }
  return out;
}

/** This product, through the same `answer()` the bot uses (with the answer models given, as the bot has them). */
export function productSystem(
  articles: readonly Article[],
  options: { minConfidence?: number } & AnswerModels = {},
): System & { index: SearchIndex } {
  const index = SearchIndex.build(articles);
  const { minConfidence, vectors, sentences } = options;
  return {
    name: `this product${vectors ? '' : ' (word vectors off)'}${sentences ? ' + sentence model' : ''}`,
    index,
    search: (q, limit) => {
      const a = answer(index, q, { limit, minConfidence, vectors, sentences });
      return a.passages.map((p) => ({ articleId: p.article.id, para: p.paragraph.index, ...(a.tentative ? { tentative: true } : {}) }));
    },
  };
}

/** What a newcomer would write first: one Fuse over every paragraph, `ignoreLocation` on. */
export function fuseSystem(articles: readonly Article[]): System {
  const all = docs(articles);
  const fuse = new Fuse(all, { keys: ['text'], ignoreLocation: true, includeScore: true });
  return {
    name: 'fuse.js (one Fuse, ignoreLocation)',
    search: (q, limit) => fuse.search(q, { limit }).map((r) => ({ articleId: r.item.articleId, para: r.item.para })),
  };
}

/** MiniSearch with its defaults (BM25+ over text and title, no fuzzy). */
export function miniSearchSystem(articles: readonly Article[]): System {
  const all = docs(articles);
  const ms = new MiniSearch<Doc>({ fields: ['text', 'title'], storeFields: [] });
  ms.addAll(all);
  return {
    name: 'MiniSearch (BM25+, defaults)',
    search: (q, limit) =>
      ms
        .search(q)
        .slice(0, limit)
        .map((r) => {
          const d = all[r.id as number]!;
          return { articleId: d.articleId, para: d.para };
        }),
  };
}
