/** One body paragraph of an article, as indexed. */
export interface Paragraph {
  /**
   * 0-based position among the article's body paragraphs as written (blank-line separated, after
   * front matter), counted before cleaning drops any: stable for operators' scripts (`ask --json`).
   */
  index: number;
  text: string;
}

/** An article ready to index: metadata plus its cleaned, indexable paragraphs. */
export interface Article {
  /** Stable identity: `file`, plus `#n` for the n-th article of a file that holds several (JSONL). */
  id: string;
  /** Path relative to the articles folder, with forward slashes. */
  file: string;
  title: string;
  url: string | null;
  /** ISO 8601 date or date-time, as given by the source. */
  published: string | null;
  source: string | null;
  /** Only the paragraphs worth indexing, in order. */
  paragraphs: Paragraph[];
}

/** Metadata a reader found for an article; anything it could not find is left out. */
export interface ArticleMeta {
  title?: string;
  url?: string;
  published?: string;
  source?: string;
}

/** What a reader makes of one file, before cleaning: metadata and the raw body paragraphs. */
export interface RawArticle {
  meta: ArticleMeta;
  /** Body paragraphs in order, as written (index i here is `Paragraph.index` i). */
  paragraphs: string[];
  /** Which reader produced it ("markdown", "text", "html", "json"), for `npm run index`. */
  reader: string;
  /** Problems the reader met in the file that did not stop it (a bad line of a JSONL export). */
  warnings?: string[];
}

/** Turns a file's text into zero or more raw articles. Throws `ArticleError` when it cannot. */
export type Reader = (content: string, file: string) => RawArticle[];

/** A file that was skipped or read with a problem: shown by `npm run index` and logged. */
export interface LoadWarning {
  file: string;
  message: string;
}
