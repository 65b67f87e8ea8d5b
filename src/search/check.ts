import type { SentenceReading } from './reading.js';
import type { QueryGroup } from './rank.js';
import type { SearchIndex } from './index.js';
import { articleRange, postingsIn, type DocRange } from './article-range.js';
import { isNonAnswer } from './non-answer.js';
import { BESIDE_CUE, STRONG, type Slot } from './slots.js';
import { slotStrength } from './slot-strength.js';

/**
 * The passage-level answer check: does one sentence of a paragraph hold the question's words and,
 * beside them, something of the kind the question asks for (a number for "how many", a date for
 * "when", a name that is not the question's own for "who", a quote for "what did Fain call Trump")?
 * A paragraph that only repeats the question's words, or says them in one sentence and something
 * else in the next, is the wrong one.
 */

/**
 * How much the best sentence's fit (see `sentenceFit`, about 0.3-2) adds to a paragraph's score when
 * choosing among the best article's paragraphs: enough to pass a teaser line that repeats the
 * question's words, not so much that one number outweighs the question's words. Chosen with
 * `npm run bench:reader` (held-out folds); figures in docs/benchmarks.md.
 */
export const CHECK_WEIGHT = 0.4;
/**
 * When the check puts another paragraph first than word match did, by less than this (in score plus
 * CHECK_WEIGHT × fit), the answer is flagged "not sure": two of the article's paragraphs are about
 * equally likely. Chosen with `npm run bench:reader`; figures in docs/benchmarks.md.
 */
export const CHECK_MARGIN = 0.1;
/**
 * What a question word only the headline has counts for in a sentence: the sentence may say "she"
 * for the headline's subject, but one that names it is more surely about it. Figures in docs/search.md.
 */
const HEADLINE_CREDIT = 0.5;
/**
 * What a sentence saying that something is not known ("who was not immediately identified", see
 * `non-answer.ts`) keeps of its share of the question's words; it gains no slot credit either, so the
 * article's paragraph that answers comes first. Chosen with `npm run bench:reader` (held-out halves);
 * figures in docs/benchmarks.md.
 */
const NON_ANSWER_KEEP = 0.5;
/** What a sentence holding the kind of answer asked for gains: once for a weak instance (any number), twice for a strong one ("two hours" for "how long"). */
const SLOT_CREDIT = 0.5;
/**
 * What a sentence gains on top of a strong name when that name stands beside the question's role or
 * deed ("the project's developer Greg Pettinaro" for "who is the developer"): more than a name
 * alone, since the article's first paragraph names other people too. Chosen with `npm run
 * bench:reader` (held-out halves); figures in docs/benchmarks.md.
 */
const CUE_CREDIT = 1;

/** What a sentence gains for an answer of the kind asked for of `strength` (see `slotStrength`). */
function slotCredit(strength: number): number {
  return SLOT_CREDIT * Math.min(strength, STRONG) + (strength === BESIDE_CUE ? CUE_CREDIT : 0);
}

/**
 * How well a paragraph's best sentence fits the question: its share of the question's words (by their
 * idf; a spelling alternative at its weight, a word only the headline has at HEADLINE_CREDIT), plus
 * SLOT_CREDIT per degree of the slot's strength in it (see `slotStrength`). One sentence, because a
 * paragraph that names the question's subject in one sentence and gives a number in another has
 * not said the subject's number.
 */
export function sentenceFit(
  sentences: readonly SentenceReading[],
  groups: readonly QueryGroup[],
  headline: ReadonlySet<string>,
  slot: Slot | undefined,
  said: ReadonlySet<string>,
): number {
  const total = groups.reduce((s, g) => s + g.idf, 0) || 1;
  let best = 0;
  for (const { sentence, words, terms } of sentences) {
    let cover = 0;
    for (const g of groups) {
      let m = 0;
      for (const t of g.terms) m = Math.max(m, terms.includes(t.term) ? t.weight : headline.has(t.term) ? HEADLINE_CREDIT * t.weight : 0);
      cover += g.idf * m;
    }
    // A sentence saying the thing is not known answers nothing, however many of the question's words it repeats.
    const fit = isNonAnswer(sentence)
      ? (NON_ANSWER_KEEP * cover) / total
      : cover / total + (slot ? slotCredit(slotStrength(sentence, words, slot, said)) : 0);
    best = Math.max(best, fit);
  }
  return best;
}

/** The paragraphs of `article` that hold one of the question's terms, found in the postings (which list docs in order). */
export function articleDocs(index: SearchIndex, groups: readonly QueryGroup[], article: number): number[] {
  const range = articleRange(index.docArticle, article);
  const found = new Set<number>();
  for (const g of groups) for (const { term } of g.terms) for (const doc of termDocsIn(index, term, range)) found.add(doc);
  return [...found].sort((a, b) => a - b);
}

const NO_DOCS = new Int32Array(0);

/** The paragraphs in `range` (one article's) that hold `term`: a slice of its postings, which list docs in order. */
export function termDocsIn(index: SearchIndex, term: string, range: DocRange): Int32Array {
  const docs = index.postings.get(term)?.docs;
  if (!docs) return NO_DOCS;
  const { start, end } = postingsIn(docs, range);
  return docs.subarray(start, end);
}

/**
 * Whether article `article` never says any term of `group`: in none of its paragraphs, nor its
 * headline or title. An article of one paragraph says nothing either way (it leaves most of its
 * story's words unsaid): false. What the doubts about a name or a rare word go by.
 */
export function neverSays(index: SearchIndex, group: QueryGroup, article: number): boolean {
  const range = articleRange(index.docArticle, article);
  if (range.to - range.from <= 1) return false;
  const headline = index.headlineTerms[article]!;
  const title = index.titleTerms[article]!;
  if (group.terms.some((t) => headline.has(t.term) || title.has(t.term))) return false;
  return articleDocs(index, [group], article).length === 0;
}
