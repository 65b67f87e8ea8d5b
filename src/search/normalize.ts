import { LANGUAGES, type Language } from './language.js';

/** A word of a text, lowercased, with where it stands (for bolding matches in the passage). */
export interface Token {
  word: string;
  start: number;
  end: number;
}

// Letters (with their combining marks) and digits; apostrophes, hyphens and dots split words, so
// "Russia’s" gives "russia" and "Jong-un" gives "jong", "un".
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
const DIGIT = /\p{N}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.normalize('NFC').matchAll(WORD)) {
    const word = m[0].toLowerCase();
    // A lone letter is an apostrophe's leftover ("s", "t", "l") or an initial: no help in search.
    if (word.length === 1 && !DIGIT.test(word)) continue;
    tokens.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** A word of a text with its term and as it is written; `start` is its place in the text's NFC form. */
export interface WrittenWord {
  term: string;
  written: string;
  start: number;
}

/** A text's words in order, each with its term and how it is written (a capital says "name"). */
export function writtenWords(text: string, language: Language): WrittenWord[] {
  const nfc = text.normalize('NFC');
  return tokenize(nfc).map((t) => ({ term: termOf(t.word, language), written: nfc.slice(t.start, t.end), start: t.start }));
}

/**
 * The words of `tokenize`, without their positions: indexing reads every paragraph and needs only
 * the words (a sixth less time to analyse an article than building a Token per word).
 */
export function wordsOf(text: string): string[] {
  const ascii = asciiWordsOf(text);
  if (ascii) return ascii;
  const words: string[] = [];
  for (const m of text.normalize('NFC').match(WORD) ?? []) {
    const word = m.toLowerCase();
    if (word.length === 1 && !DIGIT.test(word)) continue;
    words.push(word);
  }
  return words;
}

/**
 * `wordsOf` for text in ASCII, give or take dashes, quotes and ellipses (U+2010-U+2027, never part
 * of a word): there NFC changes nothing and a word is a run of [A-Za-z0-9], found in one pass over
 * the characters, twice as fast as the Unicode regex. Undefined for any other text. With
 * `capitalized`, only the words that start with a capital letter, past the text's first character.
 */
function asciiWordsOf(text: string, capitalized = false): string[] | undefined {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (c >= 128 && (c < 0x2010 || c > 0x2027)) return undefined;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      const first = text.charCodeAt(start);
      // A lone letter is left out, as in `tokenize`; a lone digit stays.
      const kept = i - start > 1 || first <= 57;
      if (kept && (!capitalized || (start > 0 && first >= 65 && first <= 90))) words.push(text.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return words;
}

/**
 * The words of `tokenize(text)` written with a capital letter, but one starting the text: the names
 * a paragraph carries over to the next (see `answer-check.ts`), without a Token per word.
 */
export function capitalizedWordsOf(text: string): string[] {
  const ascii = asciiWordsOf(text, true);
  if (ascii) return ascii;
  const normalized = text.normalize('NFC');
  return tokenize(normalized)
    .filter((t) => t.start > 0 && /\p{Lu}/u.test(normalized[t.start]!))
    .map((t) => t.word);
}

/**
 * Whether a word of `tokenize(text)` passes `test`, reading no further than the first that does: the
 * answer path asks this of dozens of paragraphs a question, and most answer within a few words.
 */
export function someWord(text: string, test: (word: string) => boolean): boolean {
  for (const m of text.normalize('NFC').matchAll(WORD)) {
    const word = m[0].toLowerCase();
    if (word.length === 1 && !DIGIT.test(word)) continue;
    if (test(word)) return true;
  }
  return false;
}

/** Case and accent folding after stemming, so "Zürich"/"zurich" and "ещё"/"еще" meet. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

const STEM_CACHE_LIMIT = 400_000;
const stemCaches = new Map<Language, Map<string, string>>();

/**
 * The index term for a lowercased word read in `language`: its Snowball stem, accent-folded.
 * Memoized: a news corpus repeats the same words millions of times.
 */
export function termOf(word: string, language: Language): string {
  let cache = stemCaches.get(language);
  if (!cache) stemCaches.set(language, (cache = new Map()));
  let term = cache.get(word);
  if (term === undefined) {
    if (cache.size > STEM_CACHE_LIMIT) cache.clear();
    term = uncachedTermOf(word, language);
    cache.set(word, term);
  }
  return term;
}

/**
 * `termOf` without its memo, for words read once (the word list's headwords): memoizing a
 * dictionary's worth of them would hold their stems for as long as the process runs.
 */
export function uncachedTermOf(word: string, language: Language): string {
  // Numbers and mixed tokens ("70th", "covid19") are kept whole: stemming them only loses meaning.
  if (DIGIT.test(word)) return word;
  const info = LANGUAGES.get(language)!;
  // Latin-script words are folded before stemming too, so "andalucía" and "andalucia" (typed
  // without accents) get one stem; Cyrillic keeps "й" for the stemmer's suffix rules.
  return fold(info.stem(info.script === 'latin' ? fold(word) : word));
}

export function isStopword(word: string, language: Language): boolean {
  return LANGUAGES.get(language)!.stopwords.has(word);
}
