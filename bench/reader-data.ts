import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../src/errors.js';
import type { Answer } from '../src/search/types.js';

/** The reader questions' data (shared/eval/README.md): the questions, the corpus as a folder, and how an answer is judged. */

/** A reader question as shared/eval/README.md describes it. */
export interface ReaderQuestion {
  q: string;
  kind: string;
  /** The corpus id of the answering article; null for a question the corpus cannot answer. */
  article: string | null;
  para: number | null;
  answer: string | null;
}

export interface CorpusArticle {
  id: string;
  title?: string;
  text: string;
  url?: string;
  date?: string;
}

export type Outcome = 'right' | 'wrong' | 'declined';

/**
 * Whether the top passage answers: the text shown holds the expected span (case-insensitive, without
 * Unicode normalisation, as the README says) or it is the gold paragraph. The text shown, not the
 * paragraph: a long paragraph is cut to its best sentences, and a heading is shown with the paragraph
 * under it. For an absent question any answer is wrong.
 */
export function judgeAnswer(q: ReaderQuestion, a: Answer): Outcome {
  const top = a.passages[0];
  if (!top) return 'declined';
  if (q.article === null || q.answer === null) return 'wrong';
  // Canonically equal text is the same text: the corpus writes some accents decomposed ("Pe\u0301rez"),
  // the articles' cleaning composes them, and a reader sees no difference.
  const seen = (s: string) => s.normalize('NFC').toLowerCase();
  if (seen(top.text).includes(seen(q.answer))) return 'right';
  return articleIdOf(top.article.file) === q.article && top.paragraph.index === q.para ? 'right' : 'wrong';
}

/** The corpus id an article file was written under (see `writeCorpus`). */
export function articleIdOf(file: string): string {
  return path.basename(file).replace(/\.json$/, '');
}

/** The corpus as one JSON article file per article, paragraphs split as the README counts them. */
export function writeCorpus(articles: readonly CorpusArticle[], dir: string): void {
  for (const a of articles) {
    const body = { title: a.title, url: a.url, date: a.date, paragraphs: a.text.split('\n\n') };
    writeFileSync(path.join(dir, `${a.id}.json`), JSON.stringify(body));
  }
}

export function readJsonLines<T>(file: string): T[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)} (give --questions / --corpus)`);
  }
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch {
        throw new UsageError(`${file}: line ${i + 1} is not JSON`);
      }
    });
}
