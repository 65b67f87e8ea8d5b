import type { Answer, AnswerOptions } from './types.js';
import type { SearchIndex } from './index.js';
import { detectLanguage, replyLanguage, type Language } from './language.js';
import { isStopword, termOf, tokenize, type Token } from './normalize.js';
import { queryGroups, repeated, TRANSLATED_TO, withVagueWords, type Translate } from './query.js';
import { installedLexicon, type Lexicon } from './lexicon.js';
import type { QueryGroup } from './rank.js';
import { chitChat } from './smalltalk.js';
import { expandShorthand, functionWordOf, isChatFiller } from './chat.js';
import { answerKind, asksOutcome, recencyOf, yearsIn, type Recency } from './fit.js';
import type { Fit } from './misfit.js';
import { languagesOf } from './lookup.js';
import { withOtherNamings } from './register.js';
import { askingWords } from './asking.js';
import { degreesIn } from './superlative.js';
import { afterAuxiliary } from './lemmas.js';
import { writtenAsName } from './proper-names.js';
import { withClippings } from './clippings.js';

/** A question as read: what every later stage of answering it works from. */
export interface Question {
  /** What every reply to it carries: the question, the folder's size, the reply's language. */
  base: Pick<Answer, 'question' | 'articleCount' | 'language'>;
  /** The question without links. */
  asked: string;
  /** Its words, shorthand expanded and slips of function words read as them (see `functionWordOf`). */
  words: string[];
  language: Language;
  /** Its words as read for what it asks: without a "who", "when" or "where" that does not ask (see `askingWords`). */
  cues: string[];
  /** Its words that are not stopwords, once each. */
  content: string[];
  /** Its capitalized words (see `namesIn`). */
  names: Set<string>;
  /** How its words become the articles' (see `translator`). */
  translate: Translate | undefined;
  /** Its words with the terms searched for each (see `queryGroups`). */
  groups: QueryGroup[];
  /** The groups as ranking weighs them (see `repeated`). */
  rankingGroups: QueryGroup[];
  fit: Fit;
  recency: Recency | undefined;
}

const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;

/** The question read; or the reply without a search, for an empty question or chit-chat. */
export function readQuestion(index: SearchIndex, question: string, options: AnswerOptions): Question | { reply: Answer } {
  const articleCount = index.articleCount;
  // A link pasted with the question ("is this true? https://…") is not words of it: "https", "www"
  // and the host would count as unknown names and turn the answer down.
  const asked = question.replace(LINK, ' ');
  const tokens = tokenize(asked);
  const written = tokens.map((t) => t.word);
  if (written.length === 0)
    return { reply: { question, articleCount, language: options.readerLanguage ?? index.language, passages: [], reason: 'empty' } };

  const language = detectLanguage(written, index.language);
  const names = namesIn(asked, tokens);
  // Shorthand spelled out, and a slip of a function word read as it ("teh", "wich"), unless the
  // articles use the word or another form of it ("сеть" for "сети" is no slip of "есть"), or it is
  // written as a name.
  const known = (w: string) => index.words.has(w) || index.postings.has(termOf(w, language)) || names.has(w);
  const isName = (w: string) => names.has(w) || writtenAsName(index, index.words.get(w) ?? termOf(w, language));
  const words = expandShorthand(
    written,
    language,
    (w) => {
      const term = index.words.get(w);
      return term === undefined ? 0 : index.df(term);
    },
    isName,
  ).map((w) => (known(w) ? w : (functionWordOf(w, language) ?? w)));
  const base = { question, articleCount, language: replyLanguage(words, language, index.language, options.readerLanguage) };
  const content = [...new Set(words.filter((w) => !isStopword(w, language) && !isChatFiller(w, language)))];
  const chat = chitChat(words, content, names);
  if (chat) return { reply: { ...base, passages: [], reason: chat } };

  const translate = translator(index, language, words, options.lexicon);
  const degrees = translate ? degreesIn(words, language, names, (w) => !isStopword(w, language)) : undefined;
  // With the other namings of readers' words ("doj": the Justice Department; see `register.ts`), a
  // word the folder hardly uses also read as the whole word a reader clipped it from ("execs"; see
  // `clippings.ts`), and vague words ("stuff", "guy") searched for less.
  const named = withOtherNamings(index, queryGroups(index, content, language, translate, names, degrees), content, language);
  const groups = withVagueWords(withClippings(index, named, language, options.vectors, isName), language);
  const rankingGroups = repeated(groups, words, language);
  // Whether it asks an outcome is read in English only: the outcome words are English.
  const cues = askingWords(asked.normalize('NFC'), tokens, words, language);
  const fit: Fit = { kind: answerKind(cues), years: yearsIn(words), outcome: language === 'en' && asksOutcome(words) };
  return { base, asked, words, cues, language, content, names, translate, groups, rankingGroups, fit, recency: recencyOf(words) };
}

/**
 * Words written with a capital inside the question (not its first word): names of people, places
 * and things. German capitalizes every noun, so there this says less.
 */
function namesIn(question: string, tokens: readonly Token[]): Set<string> {
  const text = question.normalize('NFC');
  return new Set(
    tokens
      .slice(1)
      .filter((t) => /\p{Lu}/u.test(text[t.start]!))
      .map((t) => t.word),
  );
}

/**
 * How a question's words (`asked`) become the articles' words when no article is in the question's
 * language and the lexicon translates it to theirs; undefined otherwise (then nothing changes).
 */
function translator(index: SearchIndex, language: Language, asked: readonly string[], lexicon?: Lexicon): Translate | undefined {
  const written = languagesOf(index);
  if (written.includes(language) || !written.includes(TRANSLATED_TO)) return undefined;
  const words = lexicon ?? installedLexicon();
  if (!words.has(language)) return undefined;
  // A participle after "ha" or "a" is the verb (see `afterAuxiliary`).
  const participles = afterAuxiliary(asked, language);
  return (word, superlative) => words.translate(word, language, superlative, participles.has(word));
}
