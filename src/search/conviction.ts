import type { SearchIndex } from './index.js';
import { backgroundWeight, confidence, type QueryGroup } from './rank.js';
import { convictionPenalty, type Misfit } from './misfit.js';
import { isCompounding } from './compound.js';
import { CAPITALIZES_NOUNS } from './language.js';
import type { Candidates } from './candidates.js';
import type { Question } from './question.js';

/**
 * How much a question's names that no article mentions ("Tesla" in "Where did Tesla live?") count
 * against answering, by their share of the question's weight: a question about someone the
 * articles never mention is seldom answered by them. It declines more off-topic questions at
 * almost no cost in right answers (figures in docs/benchmarks.md and docs/search.md).
 */
const UNKNOWN_NAME_PENALTY = 0.5;
/**
 * How much it counts against answering that the best paragraph matches only one of the question's
 * words ("who invented the telephone?" answered by a paragraph that only says "invented"). Small:
 * more turns away right answers (Russian first). Not in compounding languages, where one word says
 * what others say in three ("Klassifizierungssystem"): there it only cost right answers. Chosen
 * with `npm run bench:quality -- --abstain`; figures in docs/benchmarks.md.
 */
const LONE_MATCH_PENALTY = 0.05;
/**
 * With word vectors, the best passage's meaning match above MEANING_NEUTRAL counts for answering,
 * below against, this much per unit: right answers match in meaning more closely than passages for
 * questions about unindexed articles, and the neutral point sits between the two. Chosen with
 * `npm run bench:quality -- --abstain`; figures in docs/search.md and docs/benchmarks.md.
 */
const MEANING_EVIDENCE = 0.8;
export const MEANING_NEUTRAL = 0.7;
/**
 * With the sentence model, the best passage's similarity to the question above SENTENCE_NEUTRAL
 * counts for answering, below against, this much per unit; the neutral point sits below where right
 * answers' similarities lie. Chosen with `npm run bench:quality -- --abstain` over a grid of both;
 * figures in docs/benchmarks.md and docs/search.md ("Tuning notes").
 */
const SENTENCE_EVIDENCE = 1;
export const SENTENCE_NEUTRAL = 0.5;

/** What the best paragraph has going for it as the answer. */
export interface Evidence {
  /** Its index terms. */
  terms: readonly string[];
  /** Its word-match lead over the runner-up. */
  lead: number;
  /** The question's capitalized words (see `namesIn`). */
  names: ReadonlySet<string>;
  /** Whether capitals mark names in the question's language (not in German). */
  namesCount: boolean;
  /** Whether the question's language writes compounds as one word (see LONE_MATCH_PENALTY). */
  compounding: boolean;
  /** Its meaning match (see `semantic.ts`), when word vectors are on. */
  meaning: number | undefined;
  /** Its similarity to the question as the sentence model reads them, when that is on. */
  sentence: number | undefined;
  /** What it lacks of what the question asks besides its words (see `misfit`). */
  misfit: Misfit;
}

/**
 * How convincingly the best paragraph answers the question: below the threshold the bot says it
 * found nothing, below SURE_CONFIDENCE it answers but says it is not sure.
 */
export function convictionOf(index: SearchIndex, groups: readonly QueryGroup[], e: Evidence): number {
  // A question naming as many things no article mentions at all ("Paris") as things the best
  // paragraph does match ("weather") is about something else.
  const unknownNames = groups.filter((g) => g.terms.length === 0 && e.names.has(g.word));
  const present = new Set(e.terms);
  const matched = groups.filter((g) => g.terms.some((t) => present.has(t.term))).length;
  if (unknownNames.length > 0 && matched <= unknownNames.length) return -Infinity;
  // Fewer unknown names still weigh against answering, by their share of the question (not in
  // German, where most capitalized words are plain nouns: there it only cost right answers).
  const weight = (g: QueryGroup) => backgroundWeight(index, g);
  const total = groups.reduce((s, g) => s + weight(g), 0) || 1;
  const penalty = e.namesCount ? (UNKNOWN_NAME_PENALTY * unknownNames.reduce((s, g) => s + weight(g), 0)) / total : 0;
  const lone = !e.compounding && groups.length >= 2 && matched < 2 ? LONE_MATCH_PENALTY : 0;
  // A passage that says what the question asks in the same sense is evidence for it, one that only
  // shares its words against it (see MEANING_EVIDENCE).
  const meaning = e.meaning === undefined ? 0 : MEANING_EVIDENCE * (e.meaning - MEANING_NEUTRAL);
  const sentence = e.sentence === undefined ? 0 : SENTENCE_EVIDENCE * (e.sentence - SENTENCE_NEUTRAL);
  // A clear lead over the runner-up is evidence too: a question about something the articles do
  // not cover tends to match many paragraphs equally weakly.
  return confidence(index, groups, e.terms) + e.lead - penalty - lone + meaning + sentence - convictionPenalty(e.misfit);
}

/** What the best paragraph `best` has going for it as the answer. */
export function evidenceOf(index: SearchIndex, q: Question, c: Candidates, best: number): Evidence {
  return {
    // The headline's words count as the paragraph's own, as in ranking (see `withHeadline`), so a
    // paragraph that says "he" for the headline's subject is not declined (figures in docs/benchmarks.md).
    terms: [...c.termsOf(best), ...index.headlineTerms[index.docArticle[best]!]!],
    lead: c.lexical[0]!.score - (c.lexical[1]?.score ?? 0),
    names: q.names,
    namesCount: !CAPITALIZES_NOUNS.has(q.language),
    compounding: isCompounding(q.language),
    meaning: c.meaning?.score(best),
    sentence: c.read?.similarity.get(best),
    misfit: c.misfitOf(best),
  };
}
