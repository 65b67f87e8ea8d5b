import type { Steps } from '../steps.js';
import type { IndexData } from './index.js';
import type { PackedAnalysis, PackedArticle } from './packed.js';

/** Articles, then paragraphs, assembled between two pauses of a reload (see `Steps`): a few ms each. */
const ARTICLES_PER_STEP = 25;
const DOCS_PER_STEP = 2_000;

/**
 * Index data from packed analyses, in steps: the postings lists of every term, and each paragraph's
 * terms and words. Two passes over the paragraphs' words: the first numbers their terms and words,
 * writes each paragraph's, and counts each term's paragraphs; the second writes the postings
 * straight into their place: no list per term, no analysis turned back into strings.
 */
export function* assemblePackedSteps(items: readonly PackedArticle[]): Steps<IndexData> {
  const docCount = items.reduce((n, i) => n + i.article.paragraphs.length, 0);
  const docs = new DocTable(items, docCount);
  const terms = new Numbering();
  const words = new Numbering();
  /** Each word's term, as the last article using the word has it. */
  const wordTerms: string[] = [];
  const counts = new Counts(docs.tokenCount, docCount);
  /** Per analysis, each word's term as its current article reads it (string numbers of that analysis). */
  const termOfWord = new Map<PackedAnalysis, Int32Array>();
  for (let a = 0, doc = 0; a < items.length; a++) {
    if (a % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const { packed, at } = items[a]!;
    const { strings } = packed;
    const termNumbers = terms.of(packed);
    const wordNumbers = words.of(packed);
    let wordTerm = termOfWord.get(packed);
    if (!wordTerm) termOfWord.set(packed, (wordTerm = new Int32Array(strings.length)));
    for (let w = packed.wordAt[at]!; w < packed.wordAt[at + 1]!; w++) {
      wordTerm[packed.words[w]!] = packed.wordTerms[w]!;
      wordTerms[words.number(wordNumbers, packed.words[w]!, strings)] = strings[packed.wordTerms[w]!]!;
    }
    for (; doc < docCount && docs.docArticle[doc] === a; doc++) {
      const p = docs.source[doc]!;
      for (let k = packed.tokenAt[p]!; k < packed.tokenAt[p + 1]!; k++) {
        const token = packed.tokens[k]!;
        counts.add(doc, terms.number(termNumbers, wordTerm[token]!, strings), words.number(wordNumbers, token, strings));
      }
      counts.endDoc(doc);
    }
  }
  yield;
  const { offsets, docs: postingDocs, freqs } = yield* postings(counts, docs.tokenAt, terms.size);
  // A misspelling corrected to a word must lead to paragraphs that hold it.
  const allWords = words.list();
  const kept = allWords.map((_, w) => terms.has(wordTerms[w]!));
  return {
    articles: items.map((i) => i.article),
    languages: items.map((i) => i.packed.languages[i.at]!),
    docArticle: docs.docArticle,
    docParagraph: docs.docParagraph,
    docLength: docs.docLength,
    docTermAt: docs.tokenAt,
    docTerms: counts.docTerms,
    docWordAt: counts.docWordAt,
    docWords: counts.docWords.slice(0, counts.docWordAt[docCount]),
    allWords,
    terms: terms.list(),
    offsets,
    docs: postingDocs,
    freqs,
    titleTerms: items.map(({ packed, at }) =>
      Array.from(packed.title.subarray(packed.titleAt[at], packed.titleAt[at + 1]), (s) => packed.strings[s]!),
    ),
    words: allWords.filter((_, w) => kept[w]),
    wordTerms: wordTerms.filter((_, w) => kept[w]),
    builtAt: Date.now(),
  };
}

/** Which article and paragraph each document (indexed paragraph) is, and where its words are in its analysis. */
class DocTable {
  readonly docArticle: Int32Array;
  readonly docParagraph: Int32Array;
  readonly docLength: Uint16Array;
  /** Paragraph number in its analysis. */
  readonly source: Int32Array;
  /** Document d's words are the `tokenAt[d] .. tokenAt[d+1]`th of all documents'. */
  readonly tokenAt: Uint32Array;

  constructor(items: readonly PackedArticle[], docCount: number) {
    this.docArticle = new Int32Array(docCount);
    this.docParagraph = new Int32Array(docCount);
    this.docLength = new Uint16Array(docCount);
    this.source = new Int32Array(docCount);
    this.tokenAt = new Uint32Array(docCount + 1);
    let doc = 0;
    items.forEach(({ article, source, packed, at }, a) => {
      const from = packed.paragraphAt[at]!;
      // The article's paragraphs are the source's, some perhaps left out, in the same order.
      for (let j = 0, kept = 0; kept < article.paragraphs.length; j++) {
        if (article !== source && source.paragraphs[j]!.index !== article.paragraphs[kept]!.index) continue;
        const p = from + j;
        const length = packed.tokenAt[p + 1]! - packed.tokenAt[p]!;
        this.docArticle[doc] = a;
        this.docParagraph[doc] = kept++;
        this.source[doc] = p;
        this.docLength[doc] = Math.min(length, 65_535);
        this.tokenAt[doc + 1] = this.tokenAt[doc]! + length;
        doc++;
      }
    });
  }

  get tokenCount(): number {
    return this.tokenAt[this.tokenAt.length - 1]!;
  }
}

/** Each document's terms in order and its distinct words, and each term's document frequency, as they are added. */
class Counts {
  readonly docTerms: Uint32Array;
  /** Room for every token; the first `docWordAt[docCount]` are used. */
  readonly docWords: Uint32Array;
  readonly docWordAt: Uint32Array;
  df = new Int32Array(1024);
  /** The last document counted in each term's `df`, and the last in which each word was listed. */
  private termDoc = new Int32Array(1024).fill(-1);
  private wordDoc = new Int32Array(1024).fill(-1);
  private tokens = 0;
  private words = 0;

  constructor(tokenCount: number, docCount: number) {
    this.docTerms = new Uint32Array(tokenCount);
    this.docWords = new Uint32Array(tokenCount);
    this.docWordAt = new Uint32Array(docCount + 1);
  }

  /** The next word of document `doc` (documents come in order): term number `term`, word number `word`. */
  add(doc: number, term: number, word: number): void {
    this.docTerms[this.tokens++] = term;
    if (term >= this.df.length) [this.df, this.termDoc] = [grown(this.df, 0, term), grown(this.termDoc, -1, term)];
    if (this.termDoc[term] !== doc) {
      this.termDoc[term] = doc;
      this.df[term]!++;
    }
    if (word >= this.wordDoc.length) this.wordDoc = grown(this.wordDoc, -1, word);
    if (this.wordDoc[word] !== doc) {
      this.wordDoc[word] = doc;
      this.docWords[this.words++] = word;
    }
  }

  endDoc(doc: number): void {
    this.docWordAt[doc + 1] = this.words;
  }
}

/** The postings of every term: the documents holding it, in order, and how often each does. */
function* postings(counts: Counts, docTermAt: Uint32Array, termCount: number): Steps<Pick<IndexData, 'offsets' | 'docs' | 'freqs'>> {
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + counts.df[t]!;
  const docs = new Int32Array(offsets[termCount]!);
  const freqs = new Uint16Array(docs.length);
  const next = offsets.slice(0, termCount);
  const tf = new Int32Array(termCount);
  const seen: number[] = [];
  const { docTerms } = counts;
  for (let d = 0; d < docTermAt.length - 1; d++) {
    if (d % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
    for (let k = docTermAt[d]!; k < docTermAt[d + 1]!; k++) {
      const t = docTerms[k]!;
      if (tf[t]!++ === 0) seen.push(t);
    }
    for (const t of seen) {
      const i = next[t]!++;
      docs[i] = d;
      freqs[i] = Math.min(tf[t]!, 65_535);
      tf[t] = 0;
    }
    seen.length = 0;
  }
  return { offsets, docs, freqs };
}

/** `list` with room for index `at` at least, the new room filled with `fill`. */
function grown(list: Int32Array, fill: number, at: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(list.length * 2, at + 1)).fill(fill);
  bigger.set(list);
  return bigger;
}

/**
 * Strings numbered in the order first met. Each analysis's strings are looked up once, through its
 * own table of their numbers (`of`): a file of many articles repeats most of its words.
 */
class Numbering {
  private readonly ids = new Map<string, number>();
  private readonly perAnalysis = new Map<PackedAnalysis, Int32Array>();

  get size(): number {
    return this.ids.size;
  }

  has(s: string): boolean {
    return this.ids.has(s);
  }

  list(): string[] {
    return [...this.ids.keys()];
  }

  /** The numbers of `packed`'s strings (-1: not looked up yet). */
  of(packed: PackedAnalysis): Int32Array {
    let numbers = this.perAnalysis.get(packed);
    if (!numbers) this.perAnalysis.set(packed, (numbers = new Int32Array(packed.strings.length).fill(-1)));
    return numbers;
  }

  /** The number of string `s` of an analysis (`strings`, its `numbers`). */
  number(numbers: Int32Array, s: number, strings: readonly string[]): number {
    let n = numbers[s]!;
    if (n < 0) {
      const string = strings[s]!;
      n = this.ids.get(string) ?? this.ids.size;
      if (n === this.ids.size) this.ids.set(string, n);
      numbers[s] = n;
    }
    return n;
  }
}
