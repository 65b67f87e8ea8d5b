import type { Article } from '../articles/types.js';
import { detectLanguage, type Language } from './language.js';
import { isStopword, termOf, tokenize } from './normalize.js';

/**
 * An article reduced to index terms: the slow part of indexing (tokenizing, stemming), kept apart
 * so a persisted index can reuse it for unchanged files and only re-analyze the changed ones.
 */
export interface AnalyzedArticle {
  article: Article;
  language: Language;
  /** Index terms of the title (stopwords dropped). */
  title: string[];
  /** Index terms of each indexed paragraph, in order (stopwords dropped). */
  paragraphs: string[][];
  /** Each distinct lowercased word of the text with its term, for fuzzy matching of misspellings. */
  words: Array<[word: string, term: string]>;
}

/** Words of a text minus its language's stopwords, as index terms. */
export function analyzeText(text: string, language: Language): string[] {
  const terms: string[] = [];
  for (const { word } of tokenize(text)) {
    if (!isStopword(word, language)) terms.push(termOf(word, language));
  }
  return terms;
}

export function analyzeArticle(article: Article): AnalyzedArticle {
  // The language is guessed once per article: paragraphs are too short to decide reliably alone.
  const sample = article.paragraphs
    .slice(0, 8)
    .map((p) => p.text)
    .join(' ');
  const language = detectLanguage(
    tokenize(sample).map((t) => t.word),
    'en',
  );
  const words = new Map<string, string>();
  const paragraphs = article.paragraphs.map((p) => {
    const terms: string[] = [];
    for (const { word } of tokenize(p.text)) {
      if (isStopword(word, language)) continue;
      const term = termOf(word, language);
      terms.push(term);
      words.set(word, term);
    }
    return terms;
  });
  return { article, language, title: analyzeText(article.title, language), paragraphs, words: [...words] };
}

/** Postings of one term: the documents (paragraphs) that hold it and how often. */
export interface Postings {
  docs: Int32Array;
  freqs: Uint16Array;
}

/**
 * The inverted index over every indexed paragraph. A document is one paragraph; `docArticle` and
 * `docParagraph` say which. Built once from analyzed articles and never mutated: a reload builds a
 * new one and swaps it in.
 */
export class SearchIndex {
  readonly articles: readonly Article[];
  readonly docArticle: Int32Array;
  readonly docParagraph: Int32Array;
  readonly docLength: Uint16Array;
  readonly avgDocLength: number;
  readonly postings: ReadonlyMap<string, Postings>;
  /** Title terms per article, for the title boost. */
  readonly titleTerms: ReadonlyArray<ReadonlySet<string>>;
  /** Lowercased surface words → index term, the vocabulary fuzzy matching searches. */
  readonly words: ReadonlyMap<string, string>;
  /** The index's main language: questions with no telling words are read in it. */
  readonly language: Language;
  private readonly languages: readonly Language[];
  readonly builtAt: Date;

  private constructor(analyzed: readonly AnalyzedArticle[]) {
    this.builtAt = new Date();
    this.articles = analyzed.map((a) => a.article);
    const docCount = analyzed.reduce((n, a) => n + a.paragraphs.length, 0);
    this.docArticle = new Int32Array(docCount);
    this.docParagraph = new Int32Array(docCount);
    this.docLength = new Uint16Array(docCount);

    const lists = new Map<string, { docs: number[]; freqs: number[] }>();
    const words = new Map<string, string>();
    const languages = new Map<Language, number>();
    const tf = new Map<string, number>();
    let doc = 0;
    let totalLength = 0;
    analyzed.forEach((a, articleIdx) => {
      languages.set(a.language, (languages.get(a.language) ?? 0) + a.paragraphs.length);
      for (const [w, t] of a.words) words.set(w, t);
      a.paragraphs.forEach((terms, paragraphIdx) => {
        this.docArticle[doc] = articleIdx;
        this.docParagraph[doc] = paragraphIdx;
        this.docLength[doc] = Math.min(terms.length, 65_535);
        totalLength += terms.length;
        tf.clear();
        for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const [t, n] of tf) {
          let list = lists.get(t);
          if (!list) lists.set(t, (list = { docs: [], freqs: [] }));
          list.docs.push(doc);
          list.freqs.push(Math.min(n, 65_535));
        }
        doc++;
      });
    });
    const postings = new Map<string, Postings>();
    for (const [t, l] of lists) {
      postings.set(t, { docs: Int32Array.from(l.docs), freqs: Uint16Array.from(l.freqs) });
    }
    this.postings = postings;
    this.words = words;
    this.avgDocLength = docCount ? totalLength / docCount : 0;
    this.titleTerms = analyzed.map((a) => new Set(a.title));
    this.languages = analyzed.map((a) => a.language);
    let main: Language = 'en';
    let most = -1;
    for (const [lang, n] of languages) if (n > most) [main, most] = [lang, n];
    this.language = main;
  }

  static build(articles: readonly Article[]): SearchIndex {
    return new SearchIndex(articles.map(analyzeArticle));
  }

  static fromAnalyzed(analyzed: readonly AnalyzedArticle[]): SearchIndex {
    return new SearchIndex(analyzed);
  }

  get documentCount(): number {
    return this.docArticle.length;
  }

  get paragraphCount(): number {
    return this.docArticle.length;
  }

  articleLanguage(article: number): Language {
    return this.languages[article] ?? this.language;
  }

  /** Inverse document frequency (BM25's, floored at a small positive value). */
  idf(term: string): number {
    const df = this.postings.get(term)?.docs.length ?? 0;
    return Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
  }
}
