import type { Language } from './language.js';
import type { Token } from './normalize.js';

/**
 * Which of an English question's "who", "when" and "where" ask. The same words also open a clause
 * inside the question: "did anyone die when the delta plane flipped", "the player who scored", "At
 * least 12 people were injured when a crane collapsed this week in which major city?". Read as
 * question words there, they asked for a date, a person or a place the question does not want, and
 * the answer check credited any date or name. Only English: elsewhere the cue lists are read as they are.
 */

/** The words that may ask or open a clause. */
const CLAUSE_OPENERS = new Set(['who', 'whom', 'whose', 'when', 'where']);
/** Question words: a question that has another one asks with it. */
const QUESTION_WORDS = new Set(['what', 'which', 'how', 'why', ...CLAUSE_OPENERS]);
/** Words after which a question word asks: "designed by who?", "by when?", "did they say who …". */
const ASKING_AFTER = new Set(
  (
    'by as to for from of in on at with since until till about than and or but so then ' +
    'know knows knew known say says said tell tells told ask asks asked wonder reveal revealed announce announced explain explained confirm confirmed out'
  ).split(' '),
);
/** Auxiliaries: "when will", "where did" turn a question around; "when the plane flipped" does not. */
const AUXILIARIES = new Set('do does did is are was were will would can could should has have had may might must'.split(' '));

/**
 * The question's words without the "who", "when" and "where" that do not ask (see the module's
 * note), for reading what kind of answer it asks for. Such a word asks when it opens a sentence of the
 * question or ends one, follows a preposition or a verb of saying ("designed by who", "did they say
 * when"), or, for "when" and "where", comes before an auxiliary ("where does the link take you");
 * else when the question has no other question word and does not open with an auxiliary ("Prior to
 * Manning, who was the oldest quarterback"). Written with a capital inside a sentence it is a name
 * ("Doctor Who", "WHO"). `tokens` are `text`'s, one for each of `words`.
 */
export function askingWords(text: string, tokens: readonly Token[], words: readonly string[], language: Language): string[] {
  if (language !== 'en') return [...words];
  const opens = (i: number) => i === 0 || SENTENCE_END.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
  const ends = (i: number) => i === tokens.length - 1 || /[.?!;:]/u.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start));
  const yesNo = AUXILIARIES.has(words[0] ?? '');
  const clause = (i: number): boolean => {
    const w = words[i]!;
    if (!CLAUSE_OPENERS.has(w) || opens(i)) return false;
    if (/\p{Lu}/u.test(text[tokens[i]!.start]!)) return true;
    if (ends(i) || ASKING_AFTER.has(words[i - 1]!)) return false;
    if ((w === 'when' || w === 'where') && AUXILIARIES.has(words[i + 1] ?? '')) return false;
    return yesNo || words.some((o, j) => j !== i && QUESTION_WORDS.has(o));
  };
  return words.filter((_, i) => !clause(i));
}

/** What ends a sentence before a word: a full stop, question mark or colon, with any quote marks around. */
const SENTENCE_END = /[.?!;:]["”'’)\]]*\s*["“'‘(]*\s*$/u;
