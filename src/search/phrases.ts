import { analyzeText, type SearchIndex } from './index.js';
import type { QueryGroup } from './rank.js';
import { articleDocs } from './check.js';

/**
 * The thing a question names that its answer's article never says: an article can hold each word
 * of "halftime show" ("Super Bowl halftime", "the show") without being about the halftime show.
 * Two content words next to each other in the question (stopwords left out, as the index leaves
 * them out of paragraphs) are a phrase; an article says it when a paragraph or its headline has the
 * two terms in a row. Only set phrases count: those the other candidate paragraphs, where they hold
 * both words, nearly always say as one ("halftime show"; not "won … house"). Judged among the
 * candidates, not the whole folder, so the PostgreSQL backend, which holds only those, judges alike.
 */

/** Two of the question's content words next to each other, in its order, both used in the folder. */
export interface Phrase {
  first: QueryGroup;
  second: QueryGroup;
}

/**
 * Of the other candidates holding both words of a phrase, the share that must say them as one for
 * it to be a set phrase, and how many must hold both: below, a pair of words is no evidence of a
 * named thing (with the whole folder as the judge, at 0.8 "next year" qualified and a right
 * RealTime QA answer was noted; figures in docs/benchmarks.md).
 */
export const SET_PHRASE = 0.9;
const SET_PHRASE_SUPPORT = 3;

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

/**
 * Whether a phrase is set among paragraphs `among`: at least SET_PHRASE of those holding both its
 * words say them as one, and at least SET_PHRASE_SUPPORT hold both.
 */
export function isSetPhrase(index: SearchIndex, p: Phrase, among: readonly number[]): boolean {
  const firsts = termsOf(p.first);
  const seconds = termsOf(p.second);
  let both = 0;
  let said = 0;
  for (const doc of among) {
    const terms = index.paragraphTerms(doc);
    if (!terms.some((t) => firsts.has(t)) || !terms.some((t) => seconds.has(t))) continue;
    both++;
    if (says(terms, firsts, seconds)) said++;
  }
  return both >= SET_PHRASE_SUPPORT && both - said <= Math.floor((1 - SET_PHRASE) * both + 1e-9);
}

/**
 * The set phrase of the question (the one of rarest words, when several; set among the candidate
 * paragraphs `candidates` of other articles) whose two words the article holds but never as the
 * phrase: it has the words of the thing asked about, not the thing.
 */
export function missingPhrase(index: SearchIndex, groups: readonly QueryGroup[], article: number, candidates: readonly number[]): Phrase | undefined {
  const phrases = phrasesOf(groups);
  if (phrases.length === 0) return undefined;
  // A headline made from the text's opening (see `headlineTerms`) repeats the first paragraph.
  const headline = index.headlineTerms[article]!;
  let title: string[] | undefined;
  const titleTerms = () => (title ??= analyzeText(index.articles[article]!.title, index.articleLanguage(article)));
  const unsaid = (p: Phrase) => {
    const firsts = termsOf(p.first);
    const seconds = termsOf(p.second);
    const inFirst = articleDocs(index, [p.first], article);
    const holds = (terms: ReadonlySet<string>, docs: readonly number[]) => docs.length > 0 || [...terms].some((t) => headline.has(t));
    if (!holds(firsts, inFirst) || !holds(seconds, articleDocs(index, [p.second], article))) return false;
    if (headline.size > 0 && says(titleTerms(), firsts, seconds)) return false;
    return !inFirst.some((doc) => says(index.paragraphTerms(doc), firsts, seconds));
  };
  const others = candidates.filter((doc) => index.docArticle[doc] !== article);
  const weight = (p: Phrase) => Math.min(p.first.idf, p.second.idf);
  return phrases
    .filter(unsaid)
    .sort((a, b) => weight(b) - weight(a))
    .find((p) => isSetPhrase(index, p, others));
}
