import type { Article } from '../../articles/types.js';
import { analyzeText, type IndexData } from '../index.js';
import type { Language } from '../language.js';

/** A paragraph of a candidate article as the candidate statement returns it. */
export interface CandidateParagraph {
  position: number;
  index: number;
  text: string;
  /** Its length in index terms, as stored. */
  length: number;
  /** How often it holds each question term it holds (none: a paragraph sent only as context). */
  terms: Record<string, number> | null;
}

/** A candidate article with the paragraphs answer() can use (see `PostgresSearch.candidates`). */
export interface CandidateArticle {
  article_id: string;
  language: Language;
  meta: Omit<Article, 'paragraphs'>;
  paragraphs: CandidateParagraph[];
}

/**
 * The small index answer() runs over, built from what the database says of the candidates: each
 * paragraph's length and how often it holds each question term. No paragraph is analysed again (that
 * cost more than all the rest of a question): the index holds the postings of the question's terms
 * only, which is all ranking reads; terms the pipeline looks up beyond them are added with `add`.
 */
export class CandidateIndex {
  private readonly docOf = new Map<string, number>();
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly articles: Article[];
  private readonly docArticle: number[] = [];
  private readonly docParagraph: number[] = [];
  private readonly docLength: number[] = [];

  /** `words`: surface words and their terms that fuzzy matching may correct a question's word to. */
  constructor(
    private readonly candidates: readonly CandidateArticle[],
    private readonly words: ReadonlyArray<readonly [word: string, term: string]>,
  ) {
    this.articles = candidates.map((a, at) => {
      const paragraphs = a.paragraphs.map((p, k) => {
        const doc = this.docArticle.length;
        this.docArticle.push(at);
        this.docParagraph.push(k);
        this.docLength.push(Math.min(p.length, 65_535));
        this.docOf.set(`${a.article_id}:${p.position}`, doc);
        for (const [term, tf] of Object.entries(p.terms ?? {})) this.add(a.article_id, p.position, term, tf);
        return { index: p.index, text: p.text };
      });
      return { ...a.meta, paragraphs };
    });
  }

  /** The database ids of the candidate articles. */
  get articleIds(): string[] {
    return this.candidates.map((a) => a.article_id);
  }

  /** Notes that paragraph `position` of article `articleId` holds `term` `tf` times. */
  add(articleId: string, position: number, term: string, tf: number): void {
    const doc = this.docOf.get(`${articleId}:${position}`);
    if (doc === undefined) return;
    let list = this.postings.get(term);
    if (!list) this.postings.set(term, (list = new Map()));
    list.set(doc, Math.min(tf, 65_535));
  }

  /** The index data, as `assemble` would give it for these paragraphs and terms. */
  data(): IndexData {
    const terms = [...this.postings.keys()];
    const offsets = new Int32Array(terms.length + 1);
    terms.forEach((t, i) => (offsets[i + 1] = offsets[i]! + this.postings.get(t)!.size));
    const docs = new Int32Array(offsets[terms.length]!);
    const freqs = new Uint16Array(docs.length);
    terms.forEach((t, i) => {
      const list = [...this.postings.get(t)!].sort((a, b) => a[0] - b[0]);
      list.forEach(([doc, tf], k) => {
        docs[offsets[i]! + k] = doc;
        freqs[offsets[i]! + k] = tf;
      });
    });
    // A misspelling corrected to a word must lead to paragraphs that hold it (as in `assemble`).
    const known = this.words.filter(([, term]) => this.postings.has(term));
    return {
      articles: this.articles,
      languages: this.candidates.map((a) => a.language),
      docArticle: Int32Array.from(this.docArticle),
      docParagraph: Int32Array.from(this.docParagraph),
      docLength: Uint16Array.from(this.docLength),
      terms,
      offsets,
      docs,
      freqs,
      titleTerms: this.candidates.map((a) => titleTermsOf(a)),
      words: known.map(([w]) => w),
      wordTerms: known.map(([, t]) => t),
      builtAt: Date.now(),
    };
  }
}

/**
 * Titles analysed before, by article id: the same articles come back question after question, and
 * an id is never given to another article (a changed file's articles get new ids).
 */
const titleCache = new Map<string, string[]>();
const TITLE_CACHE_SIZE = 20_000;

function titleTermsOf(a: CandidateArticle): string[] {
  const key = `${a.article_id}\u0000${a.language}\u0000${a.meta.title}`;
  let terms = titleCache.get(key);
  if (terms) {
    // Used again: the newest entry, so the least recently used leave first.
    titleCache.delete(key);
  } else {
    terms = analyzeText(a.meta.title, a.language);
    if (titleCache.size >= TITLE_CACHE_SIZE) titleCache.delete(titleCache.keys().next().value!);
  }
  titleCache.set(key, terms);
  return terms;
}
