import { isInterrogative, type Language } from './language.js';
import type { Token } from './normalize.js';

/**
 * Which of an English question's "when" and "where" ask. The same words also open a clause inside
 * the question: "did anyone die when the delta plane flipped", "At least 12 people were injured when
 * a crane collapsed this week in which major city?", "nine years after fleeing the US where he is
 * wanted". Read as question words there, they asked for a date or a place the question does not
 * want, and the answer check credited any date or name. Not "who": the person a relative "who"
 * describes is most often the one asked about ("the name of the player who scored"), and reading it
 * as no question word lost declines among the news corpus (figures in docs/benchmarks.md). Only
 * English: elsewhere the cue lists are read as they are.
 */

/** The words that may ask or open a clause. */
const CLAUSE_OPENERS = new Set(['when', 'where']);
/** Words after which a question word asks: "kick in when?", "by when", "did they say when …". */
const ASKING_AFTER = new Set(
  (
    'by as to for from of in on at with since until till about than and or but so then ' +
    'know knows knew known say says said tell tells told ask asks asked wonder reveal revealed announce announced explain explained confirm confirmed out'
  ).split(' '),
);
/** Auxiliaries: "when will", "where did" turn a question around; "when the plane flipped" does not. */
const AUXILIARIES = new Set('do does did is are was were will would can could should has have had may might must'.split(' '));

/**
 * The question's words without the "when" and "where" that do not ask (see the module's note), for
 * reading what kind of answer it asks for. Such a word asks when it opens a sentence of the question
 * or ends one, follows a preposition or a verb of saying ("due to kick in when?", "did they say
 * when"), or comes before an auxiliary ("where does the link take you"); else when the question has
 * no other question word and does not open with an auxiliary. `tokens` are `text`'s, one for each
 * of `words`.
 */
export function askingWords(text: string, tokens: readonly Token[], words: readonly string[], language: Language): string[] {
  if (language !== 'en') return [...words];
  const opens = (i: number) => i === 0 || SENTENCE_END.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
  const ends = (i: number) => i === tokens.length - 1 || /[.?!;:]/u.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start));
  const yesNo = AUXILIARIES.has(words[0] ?? '');
  const clause = (i: number): boolean => {
    if (!CLAUSE_OPENERS.has(words[i]!) || opens(i) || ends(i)) return false;
    if (ASKING_AFTER.has(words[i - 1]!) || AUXILIARIES.has(words[i + 1] ?? '')) return false;
    return yesNo || words.some((o, j) => j !== i && isInterrogative(o, 'en'));
  };
  return words.filter((_, i) => !clause(i));
}

/** What ends a sentence before a word: a full stop, question mark or colon, with any quote marks around. */
const SENTENCE_END = /[.?!;:]["”'’)\]]*\s*["“'‘(]*\s*$/u;
