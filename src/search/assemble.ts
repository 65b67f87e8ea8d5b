import type { Steps } from '../steps.js';
import type { IndexData } from './index.js';
import type { PackedAnalysis, PackedArticle } from './packed.js';

/** Articles, then paragraphs, assembled between two pauses of a reload (see `Steps`). */
const ARTICLES_PER_STEP = 500;
const DOCS_PER_STEP = 20_000;

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
  const vocabulary = new TermNumbers();
  const words = new Map<string, string>();
  let doc = 0;
  for (let a = 0; a < items.length; a++) {
    if (a % ARTICLES_PER_STEP === ARTICLES_PER_STEP - 1) yield;
    const { article, source, packed, at } = items[a]!;
    const { strings, termAt, terms } = packed;
    const numbers = vocabulary.of(packed);
    const from = packed.paragraphAt[at]!;
    // The article's paragraphs are the source's, some perhaps left out, in the same order.
    for (let j = 0, kept = 0; kept < article.paragraphs.length; j++) {
      if (article !== source && source.paragraphs[j]!.index !== article.paragraphs[kept]!.index) continue;
      const p = from + j;
      docArticle[doc] = a;
      docParagraph[doc] = kept++;
      docSource[doc] = p;
      docLength[doc] = Math.min(termAt[p + 1]! - termAt[p]!, 65_535);
      for (let k = termAt[p]!; k < termAt[p + 1]!; k++) vocabulary.count(numbers, terms[k]!, strings, doc);
      doc++;
    }
    for (let w = packed.wordAt[at]!; w < packed.wordAt[at + 1]!; w++) words.set(strings[packed.words[w]!]!, strings[packed.wordTerms[w]!]!);
  }
  yield;
  // A misspelling corrected to a word must lead to paragraphs that hold it.
  for (const [w, t] of words) if (!vocabulary.has(t)) words.delete(w);
  const termCount = vocabulary.size;
  const offsets = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + vocabulary.df[t]!;
  const docs = new Int32Array(offsets[termCount]!);
  const freqs = new Uint16Array(docs.length);
  const next = offsets.slice(0, termCount);
  const tf = new Int32Array(termCount);
  const seen: number[] = [];
  for (let d = 0; d < docCount; d++) {
    if (d % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
    const { packed } = items[docArticle[d]!]!;
    const numbers = vocabulary.of(packed);
    const p = docSource[d]!;
    for (let k = packed.termAt[p]!; k < packed.termAt[p + 1]!; k++) {
      const t = numbers[packed.terms[k]!]!;
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
  return {
    articles: items.map((i) => i.article),
    languages: items.map((i) => i.packed.languages[i.at]!),
    docArticle,
    docParagraph,
    docLength,
    terms: vocabulary.terms(),
    offsets,
    docs,
    freqs,
    titleTerms: items.map(({ packed, at }) =>
      Array.from(packed.title.subarray(packed.titleAt[at], packed.titleAt[at + 1]), (s) => packed.strings[s]!),
    ),
    words: [...words.keys()],
    wordTerms: [...words.values()],
    builtAt: Date.now(),
  };
}

/** The index's terms numbered in the order first met, with how many paragraphs hold each. */
class TermNumbers {
  private readonly ids = new Map<string, number>();
  /** Per analysis, its strings' term numbers (-1: not met yet), so a string is looked up once per analysis. */
  private readonly perAnalysis = new Map<PackedAnalysis, Int32Array>();
  df = new Int32Array(1024);
  /** The last paragraph counted for each term. */
  private lastDoc = new Int32Array(1024).fill(-1);

  get size(): number {
    return this.ids.size;
  }

  has(term: string): boolean {
    return this.ids.has(term);
  }

  terms(): string[] {
    return [...this.ids.keys()];
  }

  of(packed: PackedAnalysis): Int32Array {
    let numbers = this.perAnalysis.get(packed);
    if (!numbers) this.perAnalysis.set(packed, (numbers = new Int32Array(packed.strings.length).fill(-1)));
    return numbers;
  }

  /** Counts string `s` of an analysis (its `numbers`) as a term of paragraph `doc`. */
  count(numbers: Int32Array, s: number, strings: readonly string[], doc: number): void {
    let t = numbers[s]!;
    if (t < 0) {
      const term = strings[s]!;
      t = this.ids.get(term) ?? this.add(term);
      numbers[s] = t;
    }
    if (this.lastDoc[t] !== doc) {
      this.lastDoc[t] = doc;
      this.df[t]!++;
    }
  }

  private add(term: string): number {
    const t = this.ids.size;
    this.ids.set(term, t);
    if (t === this.df.length) {
      const df = new Int32Array(t * 2);
      df.set(this.df);
      this.df = df;
      const lastDoc = new Int32Array(t * 2).fill(-1);
      lastDoc.set(this.lastDoc);
      this.lastDoc = lastDoc;
    }
    return t;
  }
}
