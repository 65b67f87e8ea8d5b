import type { Answer, Passage, YearMismatch } from './types.js';
import type { SearchIndex } from './index.js';
import { MAX_PASSAGE_CHARS, trimPassage } from './passage.js';
import { MAX_JOINED_CHARS, withNeighbour, type Shown, type Wanted } from './neighbour.js';
import type { QueryGroup, Ranked } from './rank.js';
import { missingYears, readsAsHeading, type Recency } from './fit.js';
import { languagesOf, paragraphOf } from './lookup.js';
import type { Doubts } from './doubts.js';
import type { Question } from './question.js';

/** The reply that nothing answers the question. */
export function notFound(index: SearchIndex, base: Question['base']): Answer {
  // The reply's language, not the guess: it is the question's only when the question clearly is in it.
  const written = languagesOf(index);
  return base.language === undefined || written.includes(base.language)
    ? { ...base, passages: [], reason: 'not-found' }
    : { ...base, passages: [], reason: 'not-found', articleLanguages: written };
}

/**
 * The best `limit` candidates as shown: a heading with the paragraph under it, a short paragraph with
 * a neighbour (see `withNeighbour`; `wanted`: what the question asks for), a long one trimmed around
 * the question's terms. A paragraph already shown, as a passage or beside one, is not shown again:
 * the next candidate takes its place, and a neighbour already shown is left out.
 */
export function passagesOf(
  index: SearchIndex,
  groups: readonly QueryGroup[],
  ranked: readonly Ranked[],
  limit: number,
  wanted: Wanted | undefined,
): Passage[] {
  const termWeights = new Map<string, number>();
  for (const g of groups) for (const t of g.terms) termWeights.set(t.term, t.weight);
  const seen = new Set<string>();
  const key = (doc: number, paragraph: number) => `${index.docArticle[doc]!}:${paragraph}`;
  const passages: Passage[] = [];
  for (const r of ranked) {
    if (passages.length === limit) break;
    const own = paragraphOf(index, r.doc);
    if (seen.has(key(r.doc, own.index))) continue;
    let shown = withBody(index, r.doc) ?? withNeighbour(index, r.doc, wanted);
    if (shown.neighbour !== undefined && seen.has(key(r.doc, shown.neighbour))) shown = { paragraph: own };
    for (const p of [own.index, shown.neighbour]) if (p !== undefined) seen.add(key(r.doc, p));
    passages.push(passageOf(index, r, shown, termWeights));
  }
  return passages;
}

/**
 * A candidate's passage: what `shown` holds, trimmed when long. A short paragraph with its neighbour is
 * shown whole (trimmed to the question's words, it could lose the neighbour); a heading's body may be long.
 */
function passageOf(index: SearchIndex, r: Ranked, { paragraph, neighbour }: Shown, termWeights: ReadonlyMap<string, number>): Passage {
  const article = index.articles[index.docArticle[r.doc]!]!;
  const max = neighbour !== undefined && paragraph.text.length <= MAX_JOINED_CHARS ? MAX_JOINED_CHARS : MAX_PASSAGE_CHARS;
  const trimmed = trimPassage(paragraph.text, index.articleLanguage(index.docArticle[r.doc]!), termWeights, max);
  return {
    article,
    paragraph,
    text: trimmed.text,
    highlights: trimmed.highlights,
    score: round(r.score),
    ...(neighbour === undefined ? {} : { neighbour }),
  };
}

/** The note that the best passage `best` is from another year or about another thing than asked, if it is. */
export function mismatchNote(index: SearchIndex, best: number, q: Question, doubts: Doubts, today: string) {
  const { unreported } = doubts;
  // A day asked about ("last night") is noted as a thing: "I have nothing on “last night”".
  const thing = doubts.missingThing ?? doubts.stale;
  return (
    mismatchOf(index, best, q.fit.years, q.recency, today) ??
    (unreported ? datedNote(index, best, unreported, true) : thing && datedNote(index, best, thing))
  );
}

/**
 * The year the question asks about that the best passage is not from: one it names and the
 * passage, its headline and its date all lack; else, for "this year" or "latest", today's year when
 * the passage's article is older and does not say it. Undated articles say nothing (see `missingYears`).
 */
function mismatchOf(
  index: SearchIndex,
  doc: number,
  years: readonly string[],
  recency: Recency | undefined,
  today: string,
): YearMismatch | undefined {
  const article = index.articles[index.docArticle[doc]!]!;
  if (!article.published) return undefined;
  const text = paragraphOf(index, doc).text;
  const named = missingYears(years, text, article.title, article.published)[0];
  if (named !== undefined) return { asked: named, shown: article.published, kind: 'year' };
  if (recency === undefined || years.length > 0) return undefined;
  const year = today.slice(0, 4);
  return missingYears([year], text, article.title, article.published).length > 0
    ? { asked: year, shown: article.published, kind: 'recent' }
    : undefined;
}

/**
 * The note, dated by the best passage's article, for a thing the question names that the article has
 * the words of but never says (see `missingPhrase`), a name it never says (see `missingName`) or
 * another edition (see `otherEdition`): kind 'event'; or for a year whose outcome the article was
 * written too early to tell (see `unreportedYears`): kind 'year' with `outcome`, since the article
 * may well name the year ("the 2026 World Cup bid") and the note says it has no results from it,
 * not nothing on it. Undated articles get none, as for years.
 */
function datedNote(index: SearchIndex, doc: number, asked: string, outcome = false): YearMismatch | undefined {
  const published = index.articles[index.docArticle[doc]!]!.published;
  if (!published) return undefined;
  return outcome ? { asked, shown: published, kind: 'year', outcome: true } : { asked, shown: published, kind: 'event' };
}

/**
 * A heading-like line is shown with the paragraph under it, as one paragraph under the heading's
 * number (as `clean.ts` reads a question heading with its answer): the line names a topic and the
 * paragraph says what happened. Asked where the convention will be, a reader wants "… at the event
 * August 24-27 in Charlotte" under "Trump threatens to move Republican National Convention from N.C.".
 */
function withBody(index: SearchIndex, doc: number): Shown | undefined {
  const paragraph = paragraphOf(index, doc);
  const next = index.articles[index.docArticle[doc]!]!.paragraphs[index.docParagraph[doc]! + 1];
  if (!next || !readsAsHeading(paragraph.text) || readsAsHeading(next.text)) return undefined;
  return { paragraph: { index: paragraph.index, text: `${paragraph.text} ${next.text}` }, neighbour: next.index };
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
