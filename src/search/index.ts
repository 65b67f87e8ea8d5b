import type { Article } from '../articles/types.js';
import { runSteps, type Steps } from '../steps.js';
import { detectLanguage, type Language } from './language.js';
import { assemblePackedSteps } from './assemble.js';
import { isStopword, termOf, wordsOf } from './normalize.js';
import { packAnalysis, stringTable, type PackedAnalysis, type PackedArticle } from './packed.js';

/**
 * The version of how the product reads articles (cleaning, paragraph splitting, language, stopwords,
 * stemming): bumped with every such change, so a store that keeps what was read (the PostgreSQL
 * backend's `search_files.reading`) reads its files again. Numbered by the index cache format
 * (`CACHE_FORMAT`, src/app/cache.ts) that came with the change; of its history, 3-9, 11, 13 and 15-18
 * changed what is read, 10, 12 and 14 only the cache file's layout, hence a number of its own.
 */
export const READING_VERSION = 18;

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
  /** The words those terms are of, as written (lowercased), in the same order. */
  paragraphWords: string[][];
  /** Each distinct lowercased word of the text with its term, for fuzzy matching of misspellings. */
  words: Array<[word: string, term: string]>;
}

/** Words of a text minus its language's stopwords, as index terms (and, into `words` when given, as written). */
export function analyzeText(text: string, language: Language, words?: string[]): string[] {
  const terms: string[] = [];
  for (const word of wordsOf(text)) {
    if (isStopword(word, language)) continue;
    terms.push(termOf(word, language));
    words?.push(word);
  }
  return terms;
}

export function analyzeArticle(article: Article): AnalyzedArticle {
  // The language is guessed once per article: paragraphs are too short to decide reliably alone.
  const sample = article.paragraphs
    .slice(0, 8)
    .map((p) => p.text)
    .join(' ');
  const language = detectLanguage(wordsOf(sample), 'en');
  const words = new Map<string, string>();
  const paragraphWords = article.paragraphs.map((p) => wordsOf(p.text).filter((word) => !isStopword(word, language)));
  const paragraphs = paragraphWords.map((list) =>
    list.map((word) => {
      const term = termOf(word, language);
      words.set(word, term);
      return term;
    }),
  );
  return { article, language, title: analyzeText(article.title, language), paragraphs, paragraphWords, words: [...words] };
}

/** How a word reads in one language within `analyzeArticles`: its term's and its own string numbers. */
interface WordEntry {
  term: number;
  /** -1 until the word is listed in an article's words. */
  word: number;
  /** The last article whose words list it. */
  listedIn: number;
}

/**
 * `packAnalysis(articles.map(analyzeArticle), shared)` in one pass, as a reload reads each file: the
 * same strings, terms and words (numbered in another order, which the index does not depend on).
 * Written out because the two steps looked each word up about five times (stopword, stem cache,
 * word list, then each string's number twice); here a file's words are looked up once per use.
 */
export function analyzeArticles(articles: readonly Article[], shared?: Map<string, string>): PackedAnalysis {
  const { strings, id } = stringTable(shared);
  const dictionaryOf = wordDictionaries(id);
  const languages: Language[] = [];
  const titleAt = new Uint32Array(articles.length + 1);
  const paragraphAt = new Uint32Array(articles.length + 1);
  const wordAt = new Uint32Array(articles.length + 1);
  const lists: AnalysisLists = { title: [], tokenAt: [0], tokens: [], words: [], wordTerms: [] };
  articles.forEach((article, i) => {
    const paragraphWords = article.paragraphs.map((p) => wordsOf(p.text));
    // As analyzeArticle: the words of the first 8 paragraphs decide the language.
    const language = detectLanguage(paragraphWords.slice(0, 8).flat(), 'en');
    languages.push(language);
    const lookUp = dictionaryOf(language);
    for (const word of wordsOf(article.title)) {
      const entry = lookUp(word);
      if (entry) lists.title.push(entry.term);
    }
    titleAt[i + 1] = lists.title.length;
    addParagraphs(paragraphWords, i, lookUp, id, lists);
    paragraphAt[i + 1] = lists.tokenAt.length - 1;
    wordAt[i + 1] = lists.words.length;
  });
  return {
    languages,
    strings,
    titleAt,
    title: Uint32Array.from(lists.title),
    paragraphAt,
    tokenAt: Uint32Array.from(lists.tokenAt),
    tokens: Uint32Array.from(lists.tokens),
    wordAt,
    words: Uint32Array.from(lists.words),
    wordTerms: Uint32Array.from(lists.wordTerms),
  };
}

/** The growing lists of `analyzeArticles`, packed into typed arrays at the end. */
interface AnalysisLists {
  title: number[];
  tokenAt: number[];
  tokens: number[];
  words: number[];
  wordTerms: number[];
}

/**
 * Per language, each word met in the file, looked up once: its entry, or null for a stopword. The
 * dictionary of an article's language is taken once per article, not once per word.
 */
function wordDictionaries(id: (s: string) => number): (language: Language) => (word: string) => WordEntry | null {
  const dictionaries = new Map<Language, Map<string, WordEntry | null>>();
  return (language) => {
    let dictionary = dictionaries.get(language);
    if (!dictionary) dictionaries.set(language, (dictionary = new Map()));
    const known = dictionary;
    return (word) => {
      let entry = known.get(word);
      if (entry === undefined) {
        entry = isStopword(word, language) ? null : { term: id(termOf(word, language)), word: -1, listedIn: -1 };
        known.set(word, entry);
      }
      return entry;
    };
  };
}

/** Article `i`'s paragraphs into `lists`: each word's number per token, and the article's words (listed once each). */
function addParagraphs(
  paragraphWords: readonly string[][],
  i: number,
  lookUp: (word: string) => WordEntry | null,
  id: (s: string) => number,
  lists: AnalysisLists,
): void {
  for (const list of paragraphWords) {
    for (const word of list) {
      const entry = lookUp(word);
      if (!entry) continue;
      if (entry.listedIn !== i) {
        entry.listedIn = i;
        if (entry.word < 0) entry.word = id(word);
        lists.words.push(entry.word);
        lists.wordTerms.push(entry.term);
      }
      lists.tokens.push(entry.word);
    }
    lists.tokenAt.push(lists.tokens.length);
  }
}

/** Postings of one term: the documents (paragraphs) that hold it and how often. */
export interface Postings {
  docs: Int32Array;
  freqs: Uint16Array;
}

/**
 * Everything an index is, as flat arrays: what `SearchIndex` is built from and what is persisted
 * (structured-clone friendly, so `v8.serialize` writes it in one pass and reads it back fast).
 */
export interface IndexData {
  articles: Article[];
  languages: Language[];
  docArticle: Int32Array;
  docParagraph: Int32Array;
  docLength: Uint16Array;
  /**
   * Paragraph d's index terms in order, as numbers into `terms`: `docTerms[docTermAt[d] ..
   * docTermAt[d+1])`. What `analyzeText` gives for its text, kept so answering need not read the
   * candidates' text again (tokenizing and stemming them was a fifth of a question's time). Absent
   * from the small index of a database's candidates (see `postgres/candidates.ts`): there the text is
   * read when a paragraph is asked for.
   */
  docTermAt?: Uint32Array;
  docTerms?: Uint32Array;
  /**
   * Paragraph d's distinct words (stopwords left out), as written (lowercased), in the order first
   * met, as numbers into `allWords`: `docWords[docWordAt[d] .. docWordAt[d+1])`. What the meaning
   * match reads of a paragraph (see `semantic.ts`). Absent where `docTerms` is.
   */
  docWordAt?: Uint32Array;
  docWords?: Uint32Array;
  /** Every word the analyses list: what `docWords` number into (`words` keeps those fuzzy matching may propose). */
  allWords?: string[];
  /** Term i's postings are docs/freqs[offsets[i] .. offsets[i+1]). */
  terms: string[];
  offsets: Int32Array;
  docs: Int32Array;
  freqs: Uint16Array;
  titleTerms: string[][];
  words: string[];
  wordTerms: string[];
  builtAt: number;
}

/** Turns analyzed articles into index data: the postings lists of every term. */
export function assemble(analyzed: readonly AnalyzedArticle[]): IndexData {
  return runSteps(assembleSteps(analyzed));
}

/** `assemble` written in steps, so a live reload can let questions in between them. */
export function* assembleSteps(analyzed: readonly AnalyzedArticle[]): Steps<IndexData> {
  const packed = packAnalysis(analyzed);
  return yield* assemblePackedSteps(analyzed.map((a, at) => ({ article: a.article, source: a.article, packed, at })));
}

/**
 * Paragraphs of imagined unrelated text added to the document count when judging confidence. In a
 * small folder (one article) every word of its story is "common", and plain idf would call a
 * question about it uninformative; against a background collection those words stay telling. At
 * tens of thousands of paragraphs it changes little. Ranking uses the plain idf, which ranked better
 * in `npm run bench:quality`.
 */
export const BACKGROUND_DOCS = 1000;

/**
 * Statistics of a whole corpus that an index holds only part of: the PostgreSQL backend builds a small
 * index over each question's candidate articles and reads document frequencies, lengths, dates and
 * languages from the database, so scores are those of the embedded index over the whole folder.
 */
export interface CorpusStats {
  /** Paragraphs in the corpus. */
  documentCount: number;
  avgDocLength: number;
  articleCount: number;
  /** The corpus's languages, most paragraphs first (the first is its main language). */
  languages: readonly Language[];
  /** Oldest and newest publication dates (ms), for freshness. */
  oldest: number;
  newest: number;
  /** Paragraphs holding `term` in the corpus. */
  df(term: string): number;
}

/**
 * The inverted index over every indexed paragraph. A document is one paragraph; `docArticle` and
 * `docParagraph` say which. Never mutated: a reload builds a new one and swaps it in.
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
  /**
   * Title terms per article when the title is a headline of its own, none when it is only the
   * opening of the text: what every paragraph of the article is about.
   */
  readonly headlineTerms: ReadonlyArray<ReadonlySet<string>>;
  /** Lowercased surface words → index term, the vocabulary fuzzy matching searches. */
  readonly words: ReadonlyMap<string, string>;
  /** The index's main language: questions with no telling words are read in it. */
  readonly language: Language;
  readonly builtAt: Date;

  constructor(
    readonly data: IndexData,
    readonly corpus?: CorpusStats,
  ) {
    this.articles = data.articles;
    this.docArticle = data.docArticle;
    this.docParagraph = data.docParagraph;
    this.docLength = data.docLength;
    let total = 0;
    for (const n of data.docLength) total += n;
    this.avgDocLength = corpus ? corpus.avgDocLength : data.docLength.length ? total / data.docLength.length : 0;
    const postings = new Map<string, Postings>();
    data.terms.forEach((t, i) => {
      const from = data.offsets[i]!;
      const to = data.offsets[i + 1]!;
      postings.set(t, { docs: data.docs.subarray(from, to), freqs: data.freqs.subarray(from, to) });
    });
    this.postings = postings;
    this.titleTerms = data.titleTerms.map((t) => new Set(t));
    // A title made from the opening of an untitled text (see `titleFromBody`) repeats that text.
    const empty: ReadonlySet<string> = new Set();
    this.headlineTerms = data.articles.map((a, i) => {
      const opening = a.paragraphs[0]?.text ?? '';
      return opening.startsWith(a.title.replace(/…$/, '')) ? empty : this.titleTerms[i]!;
    });
    this.words = new Map(data.words.map((w, i) => [w, data.wordTerms[i]!]));
    const counts = new Map<Language, number>();
    data.docArticle.forEach((a) => {
      const lang = data.languages[a]!;
      counts.set(lang, (counts.get(lang) ?? 0) + 1);
    });
    let main: Language = 'en';
    let most = -1;
    for (const [lang, n] of counts) if (n > most) [main, most] = [lang, n];
    this.language = corpus?.languages[0] ?? main;
    this.builtAt = new Date(data.builtAt);
    const times = data.articles.map((a) => (a.published ? Date.parse(a.published) : NaN));
    let oldest = Infinity;
    let newest = -Infinity;
    for (const t of times) {
      if (t < oldest) oldest = t;
      if (t > newest) newest = t;
    }
    if (corpus) [oldest, newest] = [corpus.oldest, corpus.newest];
    const span = newest - oldest || 1;
    this.freshness = Float32Array.from(times, (t) => (Number.isNaN(t) ? 0 : Math.min(1, Math.max(0, (t - oldest) / span))));
  }

  /** Per article, how recent it is among the indexed ones: 0 the oldest (or undated), 1 the newest. */
  readonly freshness: Float32Array;

  static build(articles: readonly Article[]): SearchIndex {
    const packed = analyzeArticles(articles);
    return new SearchIndex(runSteps(assemblePackedSteps(articles.map((article, at) => ({ article, source: article, packed, at })))));
  }

  static fromAnalyzed(analyzed: readonly AnalyzedArticle[]): SearchIndex {
    return new SearchIndex(assemble(analyzed));
  }

  /** `fromAnalyzed` in steps. */
  static *fromAnalyzedSteps(analyzed: readonly AnalyzedArticle[]): Steps<SearchIndex> {
    const data = yield* assembleSteps(analyzed);
    yield;
    return new SearchIndex(data);
  }

  /** An index of analyses as a live reload keeps them (see `PackedArticle`), in steps. */
  static *fromPackedSteps(items: readonly PackedArticle[]): Steps<SearchIndex> {
    const data = yield* assemblePackedSteps(items);
    yield;
    return new SearchIndex(data);
  }

  get documentCount(): number {
    return this.docArticle.length;
  }

  /** Articles searched: the whole corpus's when this index holds part of it. */
  get articleCount(): number {
    return this.corpus ? this.corpus.articleCount : this.articles.length;
  }

  /** Paragraphs holding `term` (in the whole corpus, see `CorpusStats`). */
  df(term: string): number {
    return this.corpus ? this.corpus.df(term) : (this.postings.get(term)?.docs.length ?? 0);
  }

  /** Paragraph `doc`'s index terms in order (stopwords left out): `analyzeText` of its text. */
  paragraphTerms(doc: number): string[] {
    const { docTermAt, docTerms, terms } = this.data;
    if (!docTermAt || !docTerms) return this.read(doc).terms;
    const out = new Array<string>(docTermAt[doc + 1]! - docTermAt[doc]!);
    for (let i = 0, k = docTermAt[doc]!; i < out.length; i++, k++) out[i] = terms[docTerms[k]!]!;
    return out;
  }

  /** Paragraph `doc`'s distinct words (stopwords left out) in the order first met: `IndexData.docWords`, as strings. */
  paragraphWords(doc: number): string[] {
    const { docWordAt, docWords, allWords } = this.data;
    if (!docWordAt || !docWords || !allWords) return this.read(doc).words;
    return Array.from(docWords.subarray(docWordAt[doc], docWordAt[doc + 1]), (w) => allWords[w]!);
  }

  /** A paragraph's terms and distinct words from its text, for an index that does not keep them (kept once read). */
  private read(doc: number): { terms: string[]; words: string[] } {
    let read = this.readings.get(doc);
    if (!read) {
      const article = this.docArticle[doc]!;
      const written: string[] = [];
      const terms = analyzeText(this.articles[article]!.paragraphs[this.docParagraph[doc]!]!.text, this.articleLanguage(article), written);
      this.readings.set(doc, (read = { terms, words: [...new Set(written)] }));
    }
    return read;
  }

  private readonly readings = new Map<number, { terms: string[]; words: string[] }>();

  /** Distinct index terms. */
  get vocabularySize(): number {
    return this.postings.size;
  }

  articleLanguage(article: number): Language {
    return this.data.languages[article] ?? this.language;
  }

  /** Inverse document frequency (BM25's, floored at a small positive value). */
  idf(term: string): number {
    const df = this.df(term);
    const n = this.corpus ? this.corpus.documentCount : this.documentCount;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Idf against the index plus a background collection, for judging confidence (see BACKGROUND_DOCS). */
  backgroundIdf(term: string): number {
    const df = this.df(term);
    const n = this.corpus ? this.corpus.documentCount : this.documentCount;
    return Math.log(1 + (n + BACKGROUND_DOCS - df + 0.5) / (df + 0.5));
  }
}
