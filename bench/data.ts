import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanArticle } from '../src/articles/clean.js';
import type { Article } from '../src/articles/types.js';
import { UsageError } from '../src/errors.js';

/** A question of a QA set with its gold paragraph. */
export interface Question {
  id: string;
  q: string;
  articleId: string;
  /** Index of the answering paragraph among the article's paragraphs. */
  para: number;
}

export interface QaSet {
  name: string;
  articles: Article[];
  questions: Question[];
}

interface QaLine {
  doc_id: string;
  title?: string;
  url?: string;
  date?: string;
  source?: string;
  paragraphs: string[];
  questions: Array<{ id: string; q: string; para: number }>;
}

function readLines(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return text.split('\n').filter((l) => l.trim() !== '');
}

function parse<T>(line: string, file: string, n: number): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new UsageError(`${file}: line ${n + 1} is not JSON`);
  }
}

/** Reads a QA set in the format of shared/eval/README.md: one article per line with its questions. */
export function loadQaSet(file: string): QaSet {
  const articles: Article[] = [];
  const questions: Question[] = [];
  readLines(file).forEach((line, n) => {
    const a = parse<QaLine>(line, file, n);
    if (!Array.isArray(a.paragraphs) || !Array.isArray(a.questions)) {
      throw new UsageError(`${file}: line ${n + 1} lacks "paragraphs" or "questions"`);
    }
    const id = `qa/${a.doc_id}`;
    // Through the product's own cleaning, as the bot would index an export of these articles.
    const meta = { title: a.title || undefined, url: a.url || undefined, published: a.date || undefined, source: a.source || undefined };
    articles.push(cleanArticle({ meta, paragraphs: a.paragraphs, reader: 'json' }, id, id));
    for (const q of a.questions) questions.push({ id: q.id, q: q.q, articleId: id, para: q.para });
  });
  return { name: path.basename(file), articles, questions };
}

/**
 * Reads the news corpus (`{"id","title","text","url","date"}` per line, blank-line paragraphs) as
 * articles, `copies` times over with changed ids, so scale can be measured past its own size.
 */
export function loadCorpus(file: string, options: { copies?: number; maxParagraphs?: number } = {}): Article[] {
  const base = readLines(file).map((line, n) => parse<{ id: string; title?: string; text: string; url?: string; date?: string }>(line, file, n));
  const out: Article[] = [];
  let count = 0;
  const max = options.maxParagraphs ?? Infinity;
  for (let copy = 0; copy < (options.copies ?? 1); copy++) {
    for (const a of base) {
      if (count >= max) return out;
      const id = copy === 0 ? `corpus/${a.id}` : `corpus/${a.id}~${copy}`;
      const meta = { title: a.title || undefined, url: a.url || undefined, published: a.date || undefined };
      const article = cleanArticle({ meta, paragraphs: a.text.split(/\n\s*\n/), reader: 'json' }, id, id);
      article.paragraphs = article.paragraphs.slice(0, max - count);
      count += article.paragraphs.length;
      out.push(article);
    }
  }
  return out;
}

/** In a synthetic copy, a marker word after every this many words (and one in every paragraph). */
export const MARKER_EVERY = 20;

/**
 * Copy `copy` (> 0) of a paragraph for sizes past the corpus: a marker word `zzcopyN` after every
 * MARKER_EVERY words and at least one per paragraph. The loader indexes a paragraph several articles
 * share once and drops near-identical articles, so plain copies would vanish; with the markers each
 * copy's paragraphs hash apart and its 5-word shingles differ from the original's, while the words,
 * their frequencies and the paragraph lengths stay those of real news. Copy 0 is the text unchanged.
 */
export function syntheticParagraph(text: string, copy: number): string {
  if (copy === 0) return text;
  const words = text.split(' ');
  const out: string[] = [];
  words.forEach((w, i) => {
    out.push(w);
    if (i % MARKER_EVERY === MARKER_EVERY - 1) out.push(`zzcopy${copy}`);
  });
  if (words.length % MARKER_EVERY !== 0) out.push(`zzcopy${copy}`);
  return out.join(' ');
}

/**
 * One JSONL article line (the format the bot reads) for copy `copy` of a corpus article: copy 0 as
 * it is, later copies with synthetic paragraphs and their own URL (`?copy=N`).
 */
export function corpusArticleLine(a: Article, copy: number): string {
  const url = copy === 0 || !a.url ? a.url : `${a.url}${a.url.includes('?') ? '&' : '?'}copy=${copy}`;
  const text = a.paragraphs.map((p) => syntheticParagraph(p.text, copy)).join('\n\n');
  return JSON.stringify({ title: a.title, url, date: a.published, text });
}
