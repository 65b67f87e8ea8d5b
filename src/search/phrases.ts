import { analyzeText, type SearchIndex } from './index.js';
import type { QueryGroup } from './rank.js';
import { lowerBound } from './check.js';

/**
 * The thing a question names that its answer's article never says: an article can hold each word
 * of "halftime show" ("Super Bowl halftime", "the show") without being about the halftime show.
 * Two content words next to each other in the question (stopwords left out, as the index leaves
 * them out of paragraphs) are a phrase; an article says it when a paragraph or its headline has the
 * two terms in a row. Only set phrases count: those the folder, where it holds both words in one
 * paragraph, nearly always says as one ("world cup", "halftime show"; not "won … house").
 */

/** Two of the question's content words next to each other, in its order, both used in the folder. */
export interface Phrase {
  first: QueryGroup;
  second: QueryGroup;
}

/**
 * Of the folder's paragraphs holding both words of a phrase, the share that must say them as one
 * for it to be a set phrase, and how many must hold both: below, a pair of words is no evidence of
 * a named thing (`npm run bench:reader`: at 0.8, "next year" and "record high" qualified and noted
 * right answers; figures in docs/benchmarks.md).
 */
export const SET_PHRASE = 0.9;
const SET_PHRASE_SUPPORT = 3;
/** At most this many paragraphs holding both words are read to judge a phrase (common pairs hold thousands). */
const SET_PHRASE_READ = 300;

/** The question's phrases: neighbouring groups that are words (not numbers: years have their own note) the folder uses. */
export function phrasesOf(groups: readonly QueryGroup[]): Phrase[] {
  const word = (g: QueryGroup) => g.terms.length > 0 && /\p{L}/u.test(g.word);
  const out: Phrase[] = [];
  for (let i = 1; i < groups.length; i++) if (word(groups[i - 1]!) && word(groups[i]!)) out.push({ first: groups[i - 1]!, second: groups[i]! });
  return out;
}

const termsOf = (g: QueryGroup) => new Set(g.terms.map((t) => t.term));

/** Whether `terms` has a term of `firsts` right before one of `seconds`. */
function says(terms: readonly string[], firsts: ReadonlySet<string>, seconds: ReadonlySet<string>): boolean {
  for (let k = 1; k < terms.length; k++) if (firsts.has(terms[k - 1]!) && seconds.has(terms[k]!)) return true;
  return false;
}

/** The article's paragraphs holding any of `terms`, from the postings (an article's paragraphs are numbered in a row). */
function docsIn(index: SearchIndex, article: number, terms: ReadonlySet<string>): number[] {
  const from = lowerBound(index.docArticle, article);
  const to = lowerBound(index.docArticle, article + 1);
  const found: number[] = [];
  for (const t of terms) {
    const docs = index.postings.get(t)?.docs;
    if (docs) for (let i = lowerBound(docs, from); i < docs.length && docs[i]! < to; i++) found.push(docs[i]!);
  }
  return found;
}

/** The folder's paragraphs holding any of `terms`, in order. */
function docsOf(index: SearchIndex, terms: ReadonlySet<string>): ArrayLike<number> {
  const lists = [...terms].map((t) => index.postings.get(t)?.docs ?? []);
  return lists.length === 1 ? lists[0]! : [...new Set(lists.flatMap((l) => [...l]))].sort((x, y) => x - y);
}

/** The first `limit` numbers two sorted lists share: each of the shorter's looked up in the longer by bisection. */
function common(a: ArrayLike<number>, b: ArrayLike<number>, limit: number): number[] {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  const out: number[] = [];
  for (let i = 0, from = 0; i < short.length && out.length < limit; i++) {
    let lo = from;
    let hi = long.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (long[mid]! < short[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo === long.length) break;
    if (long[lo] === short[i]) out.push(short[i]!);
    from = lo;
  }
  return out;
}

/**
 * Whether a phrase is set: of the folder's paragraphs holding both its words (the first
 * SET_PHRASE_READ), at least SET_PHRASE say them as one, and at least SET_PHRASE_SUPPORT hold both.
 * Reading stops once too many do not (most pairs of a question's words are no set phrase).
 */
export function isSetPhrase(index: SearchIndex, p: Phrase): boolean {
  const firsts = termsOf(p.first);
  const seconds = termsOf(p.second);
  const both = common(docsOf(index, firsts), docsOf(index, seconds), SET_PHRASE_READ);
  if (both.length < SET_PHRASE_SUPPORT) return false;
  const allowed = Math.floor((1 - SET_PHRASE) * both.length + 1e-9);
  let misses = 0;
  for (const doc of both) if (!says(index.paragraphTerms(doc), firsts, seconds) && ++misses > allowed) return false;
  return true;
}

/**
 * The set phrase of the question (the one of rarest words, when several) whose two words the
 * article holds but never as the phrase: it has the words of the thing asked about, not the thing.
 */
export function missingPhrase(index: SearchIndex, groups: readonly QueryGroup[], article: number): Phrase | undefined {
  const phrases = phrasesOf(groups);
  if (phrases.length === 0) return undefined;
  // A headline made from the text's opening (see `headlineTerms`) repeats the first paragraph.
  const headline = index.headlineTerms[article]!;
  let title: string[] | undefined;
  const titleTerms = () => (title ??= analyzeText(index.articles[article]!.title, index.articleLanguage(article)));
  const unsaid = (p: Phrase) => {
    const firsts = termsOf(p.first);
    const seconds = termsOf(p.second);
    const inFirst = docsIn(index, article, firsts);
    const holds = (terms: ReadonlySet<string>, docs: readonly number[]) => docs.length > 0 || [...terms].some((t) => headline.has(t));
    if (!holds(firsts, inFirst) || !holds(seconds, docsIn(index, article, seconds))) return false;
    if (headline.size > 0 && says(titleTerms(), firsts, seconds)) return false;
    return !inFirst.some((doc) => says(index.paragraphTerms(doc), firsts, seconds));
  };
  const weight = (p: Phrase) => Math.min(p.first.idf, p.second.idf);
  return phrases
    .filter(unsaid)
    .sort((a, b) => weight(b) - weight(a))
    .find((p) => isSetPhrase(index, p));
}
