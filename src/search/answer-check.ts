import type { SearchIndex } from './index.js';
import type { Language } from './language.js';
import { capitalizedWordsOf, isStopword, termOf } from './normalize.js';
import { sentencesOf } from './reading.js';
import { TRANSLATED_TO, type Translate } from './query.js';
import type { QueryGroup, Ranked } from './rank.js';
import { articleDocs, CHECK_WEIGHT, sentenceFit } from './check.js';
import { CHECK_LANGUAGE, slotOf, translatedSlot } from './slots.js';
import type { Wanted } from './neighbour.js';
import { newestFirst, prefersNewest, rescore, type Candidates } from './candidates.js';
import { paragraphOf } from './lookup.js';
import type { Question } from './question.js';

/** The candidates after the answer check over the best article. */
export interface Checked {
  /** The best candidate before the check. */
  first: number | undefined;
  ranked: Ranked[];
  /** The checked best paragraph's lead over the article's next (Infinity without a check or a next). */
  margin: number;
  /** How well a paragraph's best sentence fits the question, for the calibrated confidence (English questions only). */
  fitOf: ((doc: number) => number) | undefined;
}

/** The candidates re-ordered by the answer check over the best article, when the question's language is checked. */
export function checkBestArticle(index: SearchIndex, q: Question, c: Candidates): Checked {
  const first = c.ranked[0]?.doc;
  // A translated question is checked against the English sentences through its translated terms.
  const checked = checkedLanguage(q);
  const asked = askedOf(q);
  if (first === undefined || !checked || !asked) return { first, ranked: c.ranked, margin: Infinity, fitOf: undefined };
  const article = index.docArticle[first]!;
  // More of the best article's paragraphs, scored as the first candidates were.
  const scored = (docs: readonly number[]) => rescore(index, q, c, docs);
  const fits = fitsOf(index, q, article, checked, asked);
  const { ranked, margin } = withAnswerCheck(index, c.ranked, article, q.rankingGroups, scored, fits);
  // The check re-sorts by score: the newest article checked stays first.
  const reordered = prefersNewest(q.recency) ? newestFirst(index, ranked) : ranked;
  // The calibrated confidence was fitted on English questions only.
  return { first, ranked: reordered, margin, fitOf: checked === q.language ? fits : undefined };
}

/**
 * What the question asks for (its slot) and the words it says itself (no answer is one of them), read in
 * the check's language; undefined when its language is not checked.
 */
export function askedOf(q: Question): Wanted | undefined {
  const checked = checkedLanguage(q);
  if (!checked) return undefined;
  const { words, cues, language, groups } = q;
  if (checked === language) return { slot: slotOf(cues, q.fit.kind, language), said: new Set(words) };
  // Across languages the question's names are known by their terms ("Смит" → smith).
  return {
    slot: translatedSlot(cues, q.fit.kind, language, englishTerms(groups, q.translate)),
    said: new Set([...words, ...groups.flatMap((g) => g.terms.map((t) => t.term))]),
  };
}

/** The language the question is checked in: its own when English, English when it was translated. */
function checkedLanguage(q: Question): Language | undefined {
  return q.language === CHECK_LANGUAGE ? q.language : q.translate ? TRANSLATED_TO : undefined;
}

/** How well a paragraph of the best article fits the question, read in the `checked` language (see `sentenceFit`). */
function fitsOf(index: SearchIndex, q: Question, article: number, checked: Language, { slot, said }: Wanted): (doc: number) => number {
  const { groups } = q;
  const headline = index.headlineTerms[article]!;
  // A paragraph may say "she" or "the balloon" for whom the one before it names: those names count
  // in its fit as the headline's words do (figures in docs/benchmarks.md, "Readers' questions").
  const context = (doc: number) =>
    index.docArticle[doc - 1] === article ? new Set([...headline, ...namedTerms(paragraphOf(index, doc - 1).text, checked)]) : headline;
  return (doc: number) => sentenceFit(sentencesOf(index, doc, checked), groups, context(doc), slot, said);
}

/**
 * The answer check (see `check.ts`) for the best article: its other paragraphs holding a question
 * word join the candidates (the first pass keeps only the best 20 of the whole folder, and an
 * article's answering paragraph often says "she" where a teaser line repeats the name), scored by
 * `score`; then its paragraphs are re-ordered among the places they hold by score plus CHECK_WEIGHT
 * × how well their best sentence fits the question. Other articles keep their places.
 */
function withAnswerCheck(
  index: SearchIndex,
  ranked: readonly Ranked[],
  article: number,
  groups: readonly QueryGroup[],
  score: (docs: readonly number[]) => Ranked[],
  fits: (doc: number) => number,
): { ranked: Ranked[]; margin: number } {
  const have = new Set(ranked.map((r) => r.doc));
  const more = score(articleDocs(index, groups, article).filter((d) => !have.has(d)));
  const all = [...ranked, ...more].sort((a, b) => b.score - a.score || a.doc - b.doc);
  const places: number[] = [];
  const mine: Ranked[] = [];
  all.forEach((r, i) => {
    if (index.docArticle[r.doc] !== article) return;
    places.push(i);
    mine.push({ doc: r.doc, score: r.score + CHECK_WEIGHT * fits(r.doc) });
  });
  mine.sort((a, b) => b.score - a.score || a.doc - b.doc);
  places.forEach((at, i) => (all[at] = { doc: mine[i]!.doc, score: all[at]!.score }));
  return { ranked: all, margin: mine.length > 1 ? mine[0]!.score - mine[1]!.score : Infinity };
}

/**
 * The terms of a paragraph's capitalized words after its first: the people, places and things it
 * names. Only these carry over to the next paragraph: with all its words, XQuAD English top-1 fell
 * 0.5 points (its paragraphs are long and about one subject), with its names 0.2.
 */
function namedTerms(text: string, language: Language): string[] {
  return capitalizedWordsOf(text).map((word) => termOf(word, language));
}

/** A question word's English terms: those its group searched for, else its translations' (a stopword has no group: "horas"). */
function englishTerms(groups: readonly QueryGroup[], translate?: Translate): (word: string) => string[] {
  return (word) => {
    const searched = groups.filter((g) => g.word === word).flatMap((g) => g.terms.map((t) => t.term));
    if (searched.length) return searched;
    const content = (translate?.(word) ?? []).flat().filter((t) => !isStopword(t, TRANSLATED_TO));
    return content.map((t) => termOf(t, TRANSLATED_TO));
  };
}
