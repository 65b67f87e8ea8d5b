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

/** The terms of an article's headline (when it has one of its own) and paragraphs, each in order. */
function articleTexts(index: SearchIndex, article: number): string[][] {
  // A headline made from the text's opening (see `headlineTerms`) repeats the first paragraph.
  const texts = index.headlineTerms[article]!.size > 0 ? [analyzeText(index.articles[article]!.title, index.articleLanguage(article))] : [];
  const to = lowerBound(index.docArticle, article + 1);
  for (let doc = lowerBound(index.docArticle, article); doc < to; doc++) texts.push(index.paragraphTerms(doc));
  return texts;
}

/**
 * How set a phrase is: of the folder's paragraphs holding both its words (the first SET_PHRASE_READ),
 * the share saying them as one; 0 when fewer than SET_PHRASE_SUPPORT hold both.
 */
export function phraseStrength(index: SearchIndex, p: Phrase): number {
  const firsts = termsOf(p.first);
  const seconds = termsOf(p.second);
  const docsOf = (terms: ReadonlySet<string>) => {
    const docs = new Set<number>();
    for (const t of terms) for (const d of index.postings.get(t)?.docs ?? []) docs.add(d);
    return docs;
  };
  const a = docsOf(firsts);
  const b = docsOf(seconds);
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let read = 0;
  let said = 0;
  for (const doc of small) {
    if (!large.has(doc)) continue;
    if (read++ === SET_PHRASE_READ) break;
    if (says(index.paragraphTerms(doc), firsts, seconds)) said++;
  }
  read = Math.min(read, SET_PHRASE_READ);
  return read < SET_PHRASE_SUPPORT ? 0 : said / read;
}

/**
 * The set phrase of the question (the one of rarest words, when several) whose two words the
 * article holds but never as the phrase: it has the words of the thing asked about, not the thing.
 */
export function missingPhrase(index: SearchIndex, groups: readonly QueryGroup[], article: number): Phrase | undefined {
  const phrases = phrasesOf(groups);
  if (phrases.length === 0) return undefined;
  const texts = articleTexts(index, article);
  const held = new Set(texts.flat());
  const holds = (g: QueryGroup) => g.terms.some((t) => held.has(t.term));
  const weight = (p: Phrase) => Math.min(p.first.idf, p.second.idf);
  return phrases
    .filter((p) => holds(p.first) && holds(p.second) && !texts.some((terms) => says(terms, termsOf(p.first), termsOf(p.second))))
    .sort((a, b) => weight(b) - weight(a))
    .find((p) => phraseStrength(index, p) >= SET_PHRASE);
}
