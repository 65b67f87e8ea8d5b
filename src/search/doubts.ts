import type { SearchIndex } from './index.js';
import type { Ranked } from './rank.js';
import { CHECK_LANGUAGE } from './slots.js';
import { missingPhrase } from './phrases.js';
import { missingName } from './proper-names.js';
import { unknownWord } from './unknown-words.js';
import { otherTitled, siblingInPlace } from './siblings.js';
import { otherEdition } from './editions.js';
import { previewedMonth } from './previewed.js';
import { staleDay, unreportedYears } from './fit.js';
import type { Misfit } from './misfit.js';
import type { Question } from './question.js';
import type { WordVectors } from './vectors.js';

/**
 * What says the best passage is about something else than asked, each counting against answering
 * as a missing year does; for English questions only (the answer check's language).
 */
export interface Doubts {
  /** A thing the question names that the article does not say: a phrase, a name, another edition or a rare word. */
  missingThing: string | undefined;
  /** A year the question asks the outcome of, after the article was written. */
  unreported: string | undefined;
  /**
   * A day next to today the question asks about ("last night"), long after the article was written (see
   * `staleDay`), or a month it asks about in the past that the article only looks ahead to (see `previewedMonth`).
   */
  stale: string | undefined;
}

/** The doubts about the best passage `best` among the candidates `ranked`, on `today` (ISO). */
export function doubtsOf(
  index: SearchIndex,
  q: Question,
  ranked: readonly Ranked[],
  best: number,
  misfit: Misfit,
  today: string,
  vectors?: WordVectors,
): Doubts {
  const { language, groups, words } = q;
  if (language !== CHECK_LANGUAGE) return { missingThing: undefined, unreported: undefined, stale: undefined };
  const article = index.docArticle[best]!;
  const candidates = ranked.map((r) => r.doc);
  // A thing the question names that the article has the words of but never says, while other
  // candidates do ("halftime show" against "Super Bowl halftime"), counts against answering as a
  // missing year does (see `phrases.ts`); so does a name the question asks about that the article
  // never says (see `proper-names.ts`), and another edition of a numbered thing ("iPhone 13" for
  // "iPhone 18": see `editions.ts`), and a rare word the folder never writes whose corrections the
  // article lacks too (see `unknown-words.ts`), and a word the folder lacks whose place the article
  // gives to a name of its kind ("jupiter" against a story on Saturn: see `siblings.ts`), and, for a
  // question naming a year and asking who or what won, a story titled with another event of the kind
  // asked ("the oscars in 2025" against the Golden Globes' night of 2025). Only with a year: asked
  // "this year", the newest story is answered with its date noted, as for other recency questions.
  const unnamed = missingPhrase(index, groups, article, candidates);
  const missingThing = unnamed
    ? `${unnamed.first.word} ${unnamed.second.word}`
    : (missingName(index, groups, article, candidates) ??
      otherEdition(index, words, groups, article) ??
      unknownWord(index, groups, article, vectors) ??
      siblingInPlace(index, groups, article, vectors)?.asked ??
      otherTitled(index, groups, q.fit.outcome && q.fit.years.length > 0, article, candidates, vectors)?.asked);
  // A year the question asks the outcome of, after the article was written, counts as a missing year.
  const story = index.articles[article]!;
  const unreported = misfit.year ? undefined : unreportedYears(words, q.fit.years, story.published, today)[0];
  // So does a day next to today asked about ("last night") of a story written long before it, and a
  // month asked about in the past of a story that only looks ahead to it (see `previewed.ts`).
  return { missingThing, unreported, stale: staleDay(words, story.published, today) ?? previewedMonth(words, q.fit.years, story) };
}
