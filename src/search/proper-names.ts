import type { SearchIndex } from './index.js';
import type { QueryGroup, Ranked } from './rank.js';
import { articleRange } from './article-range.js';
import { neverSays, termDocsIn } from './check.js';
import { writtenWords } from './normalize.js';
import { FUZZY_WEIGHT } from './query.js';
import { paragraphOf } from './lookup.js';

/**
 * A name the question asks about that its answer's article never says: "who won the stanley cup"
 * answered from a World Cup paragraph whose article never writes "Stanley". Readers type names in
 * lowercase, so a word is a name when the other candidate paragraphs write it with a capital nearly
 * everywhere a sentence does not start. Judged among the candidates, not the whole folder, as set
 * phrases are (see `phrases.ts`), so the PostgreSQL backend, which holds only those, judges alike.
 */

/**
 * The share of a word's uses away from sentence starts written with a capital for it to be a name,
 * and how many such uses it takes. Chosen with `npm run bench:reader`, where a wide range does
 * alike; figures in docs/benchmarks.md.
 */
export const NAME_SHARE = 0.9;
export const NAME_SUPPORT = 3;
/** How long a word the folder lacks must be for its one-slip correction to count as a name (figures in docs/benchmarks.md). */
const GUESS_LENGTH = 6;

/**
 * A word in capitals is a name when short, an acronym ("MLB", "JCPS"); longer, it is a masthead or a
 * shout ("USA TODAY", "BREAKING") and says nothing either way (figures in docs/benchmarks.md).
 */
const ACRONYM_LENGTH = 4;

/** Text right before a word that starts a sentence (or a line, a quote, a list item): no sign of a name there. */
const SENTENCE_START = /(?:^|[.!?:;“‘([\n•—–-])\s*$/u;
/**
 * A straight quote before a word opens a quote after a space, a bracket, a colon, a dash or at the
 * start: after a word or a comma it closes one (`ruble," Åslund said`), and the word after it starts
 * no sentence, as after ”.
 */
const OPENING_QUOTE = /(?:^|[\s([:—–-])"\s*$/u;

/** Whether the word at `start` of `text` starts a sentence, by the few characters before it. */
function startsSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 6), start);
  return SENTENCE_START.test(before) || OPENING_QUOTE.test(before);
}

/** How paragraphs write a term away from sentence starts. */
export interface NameUse {
  /** Its uses away from sentence starts (but in capitals, when longer than an acronym). */
  uses: number;
  /** Those written with a capital. */
  capitals: number;
  /** How it is most often written with a capital ("Stanley"), for the reply's note. */
  surface: string | undefined;
}

/** How paragraphs `docs` write `term`. */
export function nameUse(index: SearchIndex, term: string, docs: readonly number[]): NameUse {
  let uses = 0;
  let capitals = 0;
  const surfaces = new Map<string, number>();
  for (const doc of docs) {
    const article = index.docArticle[doc]!;
    const language = index.articleLanguage(article);
    const text = paragraphOf(index, doc).text.normalize('NFC');
    for (const { term: t, written, start } of writtenWords(text, language)) {
      if (t !== term || startsSentence(text, start)) continue;
      if (written.length > ACRONYM_LENGTH && written === written.toUpperCase()) continue;
      uses++;
      if (!/^\p{Lu}/u.test(written)) continue;
      capitals++;
      surfaces.set(written, (surfaces.get(written) ?? 0) + 1);
    }
  }
  const surface = [...surfaces].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { uses, capitals, surface };
}

/**
 * How paragraphs `docs` write `term` when they write it as a name: with a capital in at least
 * NAME_SHARE of NAME_SUPPORT or more uses away from sentence starts ("Stanley"); else undefined.
 */
export function nameSurface(index: SearchIndex, term: string, docs: readonly number[]): string | undefined {
  const use = nameUse(index, term, docs);
  return use.uses >= NAME_SUPPORT && use.capitals >= NAME_SHARE * use.uses ? use.surface : undefined;
}

/**
 * Whether the folder writes `term` as a name: with a capital in at least NAME_SHARE of its uses away
 * from sentence starts, read in its first NAME_SAMPLE paragraphs ("Ur" of "Ur Jaddou", not the
 * "gonna" of quotes); a term only ever opening sentences is never written in lowercase, and counts
 * as one. False for a term the index holds no postings of.
 */
export function writtenAsName(index: SearchIndex, term: string): boolean {
  const docs = index.postings.get(term)?.docs;
  if (!docs || docs.length === 0) return false;
  const use = nameUse(index, term, Array.from(docs.subarray(0, NAME_SAMPLE)));
  return use.capitals >= NAME_SHARE * use.uses;
}
/** How many paragraphs `writtenAsName` reads: a share, not a count, needs no more. */
const NAME_SAMPLE = 50;

/**
 * The question's name (see NAME_SHARE among `candidates` of other articles) that article `article`
 * never says, in its paragraphs, headline or title; as the folder writes it. An article of one
 * paragraph (a brief, a quiz's note) leaves most of its story's names unsaid: its silence is no
 * evidence (on RealTime QA's one-paragraph items it turned right answers away; figures in docs/benchmarks.md).
 */
export function missingName(index: SearchIndex, groups: readonly QueryGroup[], article: number, candidates: readonly number[]): string | undefined {
  return unsaidName(index, groups, article, candidates)?.surface;
}

/** The question's name that `article` never says (see `missingName`): its term and how the folder writes it. */
interface UnsaidName {
  term: string;
  surface: string;
}

function unsaidName(index: SearchIndex, groups: readonly QueryGroup[], article: number, candidates: readonly number[]): UnsaidName | undefined {
  const others = candidates.filter((doc) => index.docArticle[doc] !== article);
  for (const g of groups) {
    if (g.terms.length === 0 || !/\p{L}/u.test(g.word) || !neverSays(index, g, article)) continue;
    // A misspelled name stands for its likeliest correction, but only a long word one slip away:
    // a short one is one slip from too many names ("kind" from "King", "saw" from "San").
    const top = [...g.terms].sort((a, b) => b.weight - a.weight)[0]!;
    if (top.weight < 1 && (top.weight < FUZZY_WEIGHT[1]! || g.word.length < GUESS_LENGTH)) continue;
    const term = top.term;
    const surface = nameSurface(
      index,
      term,
      others.filter((doc) => index.paragraphTerms(doc).includes(term)),
    );
    if (surface) return { term, surface };
  }
  return undefined;
}

/**
 * How much a candidate loses in ranking when its article never says a name the question asks about
 * while another candidate's article does (see `unnamedPenalty`).
 */
export const NAME_MISSING = 0.15;

/**
 * What each candidate loses in ranking (by its doc) when the best one's article never says a name
 * the question asks about (see `missingName`) and another candidate's article says them all: "what
 * percent of jcps kids" ranked a story on children's vaccines in general above the JCPS story, then
 * declined it for lacking "JCPS". The name the reader gave picks the story among those that share
 * its other words, as a year does (see `rankPenalty`); a lower score, not a move, so that later
 * re-sorting keeps it, and bounded, so a story far ahead on the other words stays first. Undefined
 * when the rule does not apply.
 */
export function unnamedPenalty(index: SearchIndex, groups: readonly QueryGroup[], ranked: readonly Ranked[]): ((doc: number) => number) | undefined {
  if (ranked.length < 2) return undefined;
  const docs = ranked.map((r) => r.doc);
  const name = unsaidName(index, groups, index.docArticle[ranked[0]!.doc]!, docs);
  if (!name) return undefined;
  const lacking = new Map<number, boolean>();
  const lacks = (doc: number) => {
    const article = index.docArticle[doc]!;
    let m = lacking.get(article);
    if (m === undefined)
      lacking.set(article, (m = unsaidName(index, groups, article, docs) !== undefined || !writesAsName(index, name.term, article)));
    return m;
  };
  // Every candidate judged (not just up to the first that says the name), so each lacking one is lowered.
  if (ranked.map((r) => lacks(r.doc)).every(Boolean)) return undefined;
  // Articles outside the candidates (the answer check's more paragraphs are the best article's) were not judged: no penalty.
  return (doc) => (lacking.get(index.docArticle[doc]!) ? NAME_MISSING : 0);
}

/**
 * Whether `article` says `term` as a name: in its headline or title, or with a capital where no
 * sentence starts. A story that has the word only as a word ("anywhere in the world") does not name
 * the "World Series" the reader asked about.
 */
function writesAsName(index: SearchIndex, term: string, article: number): boolean {
  if (index.headlineTerms[article]!.has(term) || index.titleTerms[article]!.has(term)) return true;
  return nameUse(index, term, Array.from(termDocsIn(index, term, articleRange(index.docArticle, article)))).capitals > 0;
}

/** The candidates with `penalty` taken off their scores, re-sorted. */
export function withPenalty(ranked: readonly Ranked[], penalty: (doc: number) => number): Ranked[] {
  return ranked.map((r) => ({ doc: r.doc, score: r.score - penalty(r.doc) })).sort((a, b) => b.score - a.score || a.doc - b.doc);
}
