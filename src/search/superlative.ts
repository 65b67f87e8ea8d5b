import type { Language } from './language.js';

/**
 * A question in another language asking for the most of something ("la luna más grande", "la
 * plus grande ville", "самый большой", "крупнейший", "der größte Mond") is answered by a paragraph
 * that says it in one English word ("the largest moon"), which the stemmer keeps apart from "large":
 * the adjective's translations are searched as their superlatives. Other languages say it with a
 * marker word before the adjective, Russian and German also with a suffix; both are closed sets of
 * their grammars, written here from the grammar.
 */

/**
 * What a word of the question is to a superlative: its marker ("plus", "самый"), which asks for
 * nothing; the adjective after a marker ("grande" in "la plus grande"); or a word with a
 * superlative's suffix ("крупнейший", "größte"), which may also be a word of its own ("jüngste":
 * latest, last), so that its own translations are kept beside the superlatives.
 */
export type Degree = 'marker' | 'marked' | 'suffixed';

/** Russian's marker words: the forms of "самый" (most) and "наиболее". */
const RU_MARKERS = new Set('самый самая самое самые самого самой самому самым самую самых самыми наиболее'.split(' '));

/** A Russian adjective's ending. */
const RU_ENDING = '(?:ий|ый|ая|яя|ее|ое|ие|ые|его|ого|ему|ому|ей|ой|ую|юю|им|ым|их|ых|ими|ыми|ем|ом)';

/** Russian's superlative suffix before an adjective ending ("крупнейший", "высочайший"). */
const RU_SUFFIXED = new RegExp(`(?:ейш|айш)${RU_ENDING}$`, 'u');

/**
 * German's superlative suffix and ending ("größte", "ältesten", "am höchsten"): whether a word so
 * ending is one is left to the word list, which must have what is left as a headword (see
 * `superlativeBases` in lemmas.ts).
 */
const DE_SUFFIXED = /[sß]t(?:e|en|er|es|em)$/u;

/** The words that follow a comparison instead of ending a superlative ("más grande que"). */
const THAN: Partial<Record<Language, ReadonlySet<string>>> = { es: new Set(['que']), fr: new Set(['que', 'qu']) };

/** French's definite articles: "le plus grand" is the largest, "plus grand" alone larger. */
const FR_ARTICLES = new Set(['le', 'la', 'les', 'l']);

/**
 * The question's words (lowercased, in order, stopwords kept) said in or marking a superlative:
 * Spanish "más X" and French "le/la/les plus X" unless "que" follows X (then X is a comparison);
 * Russian "самый X" or "наиболее X" and a Russian adjective with the superlative suffix; a
 * lowercase German word with the superlative's ending (German capitalizes nouns: "Küste", "Fürsten"
 * are not). `isContent` tells the words that are not stopwords.
 */
export function degreesIn(
  words: readonly string[],
  language: Language,
  names: ReadonlySet<string>,
  isContent: (w: string) => boolean,
): Map<string, Degree> {
  const out = new Map<string, Degree>();
  words.forEach((w, i) => {
    const next = words[i + 1];
    const marked =
      (language === 'es' && w === 'más') ||
      (language === 'fr' && w === 'plus' && FR_ARTICLES.has(words[i - 1] ?? '')) ||
      (language === 'ru' && RU_MARKERS.has(w));
    if (marked) {
      out.set(w, 'marker');
      if (next !== undefined && isContent(next) && !THAN[language]?.has(words[i + 2] ?? '')) out.set(next, 'marked');
    }
    if (language === 'ru' && RU_SUFFIXED.test(w) && !out.has(w)) out.set(w, 'suffixed');
    if (language === 'de' && DE_SUFFIXED.test(w) && !names.has(w) && isContent(w)) out.set(w, 'suffixed');
  });
  return out;
}

/** English adjectives whose superlative is another word. */
const IRREGULAR = new Map([
  ['good', 'best'],
  ['well', 'best'],
  ['better', 'best'],
  ['bad', 'worst'],
  ['worse', 'worst'],
  ['far', 'farthest'],
  ['little', 'least'],
]);

/**
 * An English adjective's superlative by its spelling: "large" → largest, "early" → earliest, "big"
 * → biggest (a short vowel before one consonant doubles it), else -est. Some adjectives have none
 * ("important": English says "most important"); the caller keeps only the forms the articles use.
 */
export function englishSuperlative(adjective: string): string {
  const irregular = IRREGULAR.get(adjective);
  if (irregular) return irregular;
  if (adjective.endsWith('e')) return `${adjective}st`;
  if (/[^aeiou]y$/.test(adjective)) return `${adjective.slice(0, -1)}iest`;
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(adjective)) return `${adjective}${adjective.at(-1)}est`;
  return `${adjective}est`;
}
