import type { Article } from '../articles/types.js';
import type { AnalyzedArticle } from './index.js';
import type { Language } from './language.js';

/**
 * Analyzed articles (see `AnalyzedArticle`; a file's, in a live reload), packed: each distinct
 * string once, every term and word as a number into that list. The form analyses are kept in from
 * the moment they are made: in memory for every file, in `files.v8`, and what the index is assembled
 * from. As plain arrays of strings they took several times the memory (a [word, term] pair alone is
 * two objects) and most of the cache's write time.
 */
export interface PackedAnalysis {
  languages: Language[];
  strings: string[];
  /** Article i's title terms are `title[titleAt[i] .. titleAt[i+1])`. */
  titleAt: Uint32Array;
  title: Uint32Array;
  /**
   * Article i's paragraphs are `paragraphAt[i] .. paragraphAt[i+1]`; paragraph p's words (stopwords
   * left out, in order) are `tokens[tokenAt[p] .. tokenAt[p+1])`, each one's term its article's pair's.
   */
  paragraphAt: Uint32Array;
  tokenAt: Uint32Array;
  tokens: Uint32Array;
  /** Article i's [word, term] pairs, one per distinct word of its paragraphs, are `words/wordTerms[wordAt[i] .. wordAt[i+1])`. */
  wordAt: Uint32Array;
  words: Uint32Array;
  wordTerms: Uint32Array;
}

/**
 * A file's strings, numbered in the order first met; with a `shared` map, one string object for
 * every file of a rebuild instead of one per file that uses it.
 */
export function stringTable(shared?: Map<string, string>): { strings: string[]; id(s: string): number } {
  const ids = new Map<string, number>();
  const strings: string[] = [];
  const id = (s: string) => {
    let n = ids.get(s);
    if (n === undefined) {
      ids.set(s, (n = strings.length));
      const one = shared?.get(s);
      if (one === undefined) shared?.set(s, s);
      strings.push(one ?? s);
    }
    return n;
  };
  return { strings, id };
}

/**
 * Packs analyses. Pass one `shared` map to every call of a rebuild: the strings of all the files
 * read are then one string each, not one per file that uses it.
 */
export function packAnalysis(analyzed: readonly AnalyzedArticle[], shared?: Map<string, string>): PackedAnalysis {
  const { strings, id } = stringTable(shared);
  const paragraphCount = analyzed.reduce((n, a) => n + a.paragraphs.length, 0);
  const tokenCount = analyzed.reduce((n, a) => a.paragraphs.reduce((m, p) => m + p.length, n), 0);
  const wordCount = analyzed.reduce((n, a) => n + a.words.length, 0);
  const packed: PackedAnalysis = {
    languages: analyzed.map((a) => a.language),
    strings,
    titleAt: new Uint32Array(analyzed.length + 1),
    title: new Uint32Array(analyzed.reduce((n, a) => n + a.title.length, 0)),
    paragraphAt: new Uint32Array(analyzed.length + 1),
    tokenAt: new Uint32Array(paragraphCount + 1),
    tokens: new Uint32Array(tokenCount),
    wordAt: new Uint32Array(analyzed.length + 1),
    words: new Uint32Array(wordCount),
    wordTerms: new Uint32Array(wordCount),
  };
  let t = 0;
  let p = 0;
  let w = 0;
  let title = 0;
  analyzed.forEach((a, i) => {
    for (const term of a.title) packed.title[title++] = id(term);
    packed.titleAt[i + 1] = title;
    for (const words of a.paragraphWords) {
      for (const word of words) packed.tokens[t++] = id(word);
      packed.tokenAt[++p] = t;
    }
    packed.paragraphAt[i + 1] = p;
    for (const [word, term] of a.words) {
      packed.words[w] = id(word);
      packed.wordTerms[w++] = id(term);
    }
    packed.wordAt[i + 1] = w;
  });
  return packed;
}

/**
 * One article to index: `article` as indexed, and the packed analysis of `source`, the article as
 * read (article `at` of `packed`). They differ when duplicate removal left some of the source's
 * paragraphs out of `article` (a paragraph another article holds too); those are not indexed.
 */
export interface PackedArticle {
  article: Article;
  source: Article;
  packed: PackedAnalysis;
  at: number;
}
