import type { Steps } from '../steps.js';
import type { IndexData } from './index.js';
import type { PackedAnalysis, PackedArticle } from './packed.js';

/** Articles, then paragraphs, assembled between two pauses of a reload (see `Steps`): a few ms each. */
const ARTICLES_PER_STEP = 25;
const DOCS_PER_STEP = 2_000;

/**
 * Index data from packed analyses, in steps: the postings lists of every term. Two passes over the
 * paragraphs' term numbers, the first counting each term's paragraphs and the second writing them
 * straight into their place in the postings: no list per term, no analysis turned back into strings.
 */
export function* assemblePackedSteps(items: readonly PackedArticle[]): Steps<IndexData> {
  const docCount = items.reduce((n, i) => n + i.article.paragraphs.length, 0);
  const docArticle = new Int32Array(docCount);
  const docParagraph = new Int32Array(docCount);
  const docLength = new Uint16Array(docCount);
  /** Where in its analysis each paragraph's terms are. */
  const docSource = new Int32Array(docCount);
  const terms = new Numbering();
  let df = new Int32Array(1024);
  /** The last paragraph counted in each term's `df`. */
  let lastDoc = new Int32Array(1024).fill(-1);
  const words = new Numbering();
  /** Each word's term, as the last article using the word has it. */
  const wordTerms: string[] = [];
  let doc = 0;
  for (let a = 0; a < items.length; a++) {
    if (a % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const { article, source, packed, at } = items[a]!;
    const { strings, termAt } = packed;
    const termNumbers = terms.of(packed);
    const from = packed.paragraphAt[at]!;
    // The article's paragraphs are the source's, some perhaps left out, in the same order.
    for (let j = 0, kept = 0; kept < article.paragraphs.length; j++) {
      if (article !== source && source.paragraphs[j]!.index !== article.paragraphs[kept]!.index) continue;
      const p = from + j;
      docArticle[doc] = a;
      docParagraph[doc] = kept++;
      docSource[doc] = p;
      docLength[doc] = Math.min(termAt[p + 1]! - termAt[p]!, 65_535);
      for (let k = termAt[p]!; k < termAt[p + 1]!; k++) {
        const t = terms.number(termNumbers, packed.terms[k]!, strings);
        if (t === df.length) [df, lastDoc] = [grown(df, 0), grown(lastDoc, -1)];
        if (lastDoc[t] !== doc) {
          lastDoc[t] = doc;
          df[t]!++;
        }
      }
      doc++;
    }
    const wordNumbers = words.of(packed);
    for (let w = packed.wordAt[at]!; w < packed.wordAt[at + 1]!; w++) {
      wordTerms[words.number(wordNumbers, packed.words[w]!, strings)] = strings[packed.wordTerms[w]!]!;
    }
  }
  yield;
  const termCount = terms.size;
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + df[t]!;
  const docs = new Int32Array(offsets[termCount]!);
  const freqs = new Uint16Array(docs.length);
  const next = offsets.slice(0, termCount);
  const tf = new Int32Array(termCount);
  const seen: number[] = [];
  for (let d = 0; d < docCount; d++) {
    if (d % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
    const { packed } = items[docArticle[d]!]!;
    const termNumbers = terms.of(packed);
    const p = docSource[d]!;
    for (let k = packed.termAt[p]!; k < packed.termAt[p + 1]!; k++) {
      const t = termNumbers[packed.terms[k]!]!;
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
  // A misspelling corrected to a word must lead to paragraphs that hold it.
  const allWords = words.list();
  const kept = allWords.map((_, w) => terms.has(wordTerms[w]!));
  return {
    articles: items.map((i) => i.article),
    languages: items.map((i) => i.packed.languages[i.at]!),
    docArticle,
    docParagraph,
    docLength,
    terms: terms.list(),
    offsets,
    docs,
    freqs,
    titleTerms: items.map(({ packed, at }) =>
      Array.from(packed.title.subarray(packed.titleAt[at], packed.titleAt[at + 1]), (s) => packed.strings[s]!),
    ),
    words: allWords.filter((_, w) => kept[w]),
    wordTerms: wordTerms.filter((_, w) => kept[w]),
    builtAt: Date.now(),
  };
}

function grown(list: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(list.length * 2).fill(fill);
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
