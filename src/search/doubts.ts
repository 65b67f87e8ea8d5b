import type { SearchIndex } from './index.js';
import type { Ranked } from './rank.js';
import { CHECK_LANGUAGE } from './check.js';
import { missingPhrase } from './phrases.js';
import { missingName } from './proper-names.js';
import { otherEdition } from './editions.js';
import { unreportedYears } from './fit.js';
import type { Misfit } from './misfit.js';
import type { Question } from './question.js';

/**
 * What says the best passage is about something else than asked, each counting against answering
 * as a missing year does; for English questions only (the answer check's language).
 */
export interface Doubts {
  /** A thing the question names that the article does not say: a phrase, a name or another edition. */
  missingThing: string | undefined;
  /** A year the question asks the outcome of, after the article was written. */
  unreported: string | undefined;
}

/** The doubts about the best passage `best` among the candidates `ranked`. */
export function doubtsOf(index: SearchIndex, q: Question, ranked: readonly Ranked[], best: number, misfit: Misfit): Doubts {
  const { language, groups, words } = q;
  // A thing the question names that the article has the words of but never says, while other
  // candidates do ("halftime show" against "Super Bowl halftime"), counts against answering as a
  // missing year does (see `phrases.ts`).
  const unnamed =
    language === CHECK_LANGUAGE
      ? missingPhrase(
          index,
          groups,
          index.docArticle[best]!,
          ranked.map((r) => r.doc),
        )
      : undefined;
  // So does a name the question asks about that the article never says (see `proper-names.ts`).
  const absentName =
    !unnamed && language === CHECK_LANGUAGE
      ? missingName(
          index,
          groups,
          index.docArticle[best]!,
          ranked.map((r) => r.doc),
        )
      : undefined;
  // And so does another edition of a numbered thing ("iPhone 13" for "iPhone 18": see `editions.ts`).
  const edition = !unnamed && !absentName && language === CHECK_LANGUAGE ? otherEdition(index, words, groups, index.docArticle[best]!) : undefined;
  const missingThing = unnamed ? `${unnamed.first.word} ${unnamed.second.word}` : (absentName ?? edition);
  // A year the question asks the outcome of, after the article was written, counts as a missing year.
  const unreported =
    language === CHECK_LANGUAGE && !misfit.year
      ? unreportedYears(words, q.fit.years, index.articles[index.docArticle[best]!]!.published)[0]
      : undefined;
  return { missingThing, unreported };
}
