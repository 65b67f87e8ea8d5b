import { stemmer as stemDanish } from '@orama/stemmers/danish';
import { stemmer as stemDutch } from '@orama/stemmers/dutch';
import { stemmer as stemFinnish } from '@orama/stemmers/finnish';
import { stemmer as stemFrench } from '@orama/stemmers/french';
import { stemmer as stemItalian } from '@orama/stemmers/italian';
import { stemmer as stemNorwegian } from '@orama/stemmers/norwegian';
import { stemmer as stemPortuguese } from '@orama/stemmers/portuguese';
import { stemmer as stemRussian } from '@orama/stemmers/russian';
import { stemmer as stemSpanish } from '@orama/stemmers/spanish';
import { stemmer as stemSwedish } from '@orama/stemmers/swedish';
import { stemmer as stemUkrainian } from '@orama/stemmers/ukrainian';
// Porter's stemmer with a step for short verbs (see english.ts).
import { stemEnglish } from './english.js';
// German's Snowball stemmer with a step for past participles (see german.ts).
import { stemGerman } from './german.js';
import { stopwords as stopDanish } from '@orama/stopwords/danish';
import { stopwords as stopDutch } from '@orama/stopwords/dutch';
import { stopwords as stopEnglish } from '@orama/stopwords/english';
import { stopwords as stopFinnish } from '@orama/stopwords/finnish';
import { stopwords as stopFrench } from '@orama/stopwords/french';
import { stopwords as stopGerman } from '@orama/stopwords/german';
import { stopwords as stopItalian } from '@orama/stopwords/italian';
import { stopwords as stopNorwegian } from '@orama/stopwords/norwegian';
import { stopwords as stopPortuguese } from '@orama/stopwords/portuguese';
import { stopwords as stopRussian } from '@orama/stopwords/russian';
import { stopwords as stopSpanish } from '@orama/stopwords/spanish';
import { stopwords as stopSwedish } from '@orama/stopwords/swedish';
// Orama's Ukrainian list has 28 words, several mis-encoded ("в╡д"), so Ukrainian text matched almost
// none and was read as Russian; the `stopword` package's list is whole (166 words).
import { ukr as stopUkrainian } from 'stopword';

/**
 * The languages the index understands without any setup by the operator: each text's language is
 * guessed from its stopwords and script, and its words are stemmed with that language's Snowball
 * stemmer. Stopword lists and stemmers come from Orama's packages (Ukrainian's list from `stopword`).
 */
export type Language = 'en' | 'de' | 'es' | 'fr' | 'it' | 'pt' | 'nl' | 'sv' | 'no' | 'da' | 'fi' | 'ru' | 'uk';

export interface LanguageInfo {
  code: Language;
  script: 'latin' | 'cyrillic';
  stem: (word: string) => string;
  stopwords: ReadonlySet<string>;
  /** Words the stopword list has that are searched for all the same (see NUMBER_WORDS). */
  common: ReadonlySet<string>;
}

const table: Array<[Language, LanguageInfo['script'], (w: string) => string, string[]]> = [
  ['en', 'latin', stemEnglish, stopEnglish],
  ['de', 'latin', stemGerman, stopGerman],
  ['es', 'latin', stemSpanish, stopSpanish],
  ['fr', 'latin', stemFrench, stopFrench],
  ['it', 'latin', stemItalian, stopItalian],
  ['pt', 'latin', stemPortuguese, stopPortuguese],
  ['nl', 'latin', stemDutch, stopDutch],
  ['sv', 'latin', stemSwedish, stopSwedish],
  ['no', 'latin', stemNorwegian, stopNorwegian],
  ['da', 'latin', stemDanish, stopDanish],
  ['fi', 'latin', stemFinnish, stopFinnish],
  ['ru', 'cyrillic', stemRussian, stopRussian],
  ['uk', 'cyrillic', stemUkrainian, stopUkrainian],
];

/**
 * Each language's interrogatives, all of them (written from the grammar, not from questions). The
 * Snowball stopword lists were made for running text, where "wer" or "pourquoi" is rare, and lack
 * many. A question word asks for nothing: the dictionaries give them English words that do ("какие"
 * → like, "pourquoi" → wherefore). It shows the question's language: "Où est née Lara Trump ?"
 * has one French stopword besides. And English's tell the answer check what a question asks for.
 */
const INTERROGATIVES: Partial<Record<Language, ReadonlySet<string>>> = {
  en: new Set('what which who whom whose where when why how'.split(' ')),
  de: new Set(
    'wer wen wem wessen was wann wo wie wieviel wieviele warum weshalb wieso weswegen welche welcher welches welchen welchem woher wohin womit wodurch worauf woraus wofür woran worin worüber wovon wozu'.split(
      ' ',
    ),
  ),
  es: new Set('qué quién quiénes cuándo dónde adónde cómo cuál cuáles cuánto cuánta cuántos cuántas'.split(' ')),
  fr: new Set('qui que quoi quand où comment pourquoi combien quel quelle quels quelles lequel laquelle lesquels lesquelles'.split(' ')),
  ru: new Set(
    'кто кого кому кем ком что чего чему чем чём когда где как почему зачем отчего откуда куда сколько скольких скольким какой какая какое какие каком какого какому какую каких каким какими который которая которое которые котором которого которому которую которых которым которыми чей чья чьё чье чьи'.split(
      ' ',
    ),
  ),
};

/**
 * Languages whose interrogatives are stopwords too, so that they match no article word: German's
 * ("wer" matched "Werk" and "Wert" fuzzily). Russian's as stopwords let more questions about articles
 * not indexed through on XQuAD (figures in docs/benchmarks.md).
 */
const STOPWORD_INTERROGATIVES: ReadonlySet<Language> = new Set(['de']);

/** Whether `word` (lowercased) is an interrogative of `language`. */
export function isInterrogative(word: string, language: Language): boolean {
  return INTERROGATIVES[language]?.has(word) ?? false;
}

/**
 * Number words some stopword lists carry (Orama's Spanish list, the Snowball Russian one): a count
 * or a rank is often what a question asks about, and "dos" tells as much as "2", which is never a
 * stopword. A closed class, so listed by hand; "uno"/"один" stay stopwords, being articles and
 * pronouns as often as numbers.
 */
const NUMBER_WORDS: Partial<Record<Language, string[]>> = {
  es: [
    'dos',
    'tres',
    'cuatro',
    'cinco',
    'seis',
    'siete',
    'ocho',
    'nueve',
    'diez',
    'primer',
    'primera',
    'primero',
    'primeros',
    'primeras',
    'segundo',
    'segunda',
    'segundos',
    'segundas',
    'tercer',
    'tercera',
    'tercero',
    'terceros',
    'terceras',
  ],
  ru: ['два', 'три'],
};

const nfc = (w: string) => w.toLowerCase().normalize('NFC');

export const LANGUAGES: ReadonlyMap<Language, LanguageInfo> = new Map(
  table.map(([code, script, stem, words]) => {
    const numbers = new Set((NUMBER_WORDS[code] ?? []).map(nfc));
    const listed = new Set(words.map(nfc));
    const asks = STOPWORD_INTERROGATIVES.has(code) ? [...(INTERROGATIVES[code] ?? [])] : [];
    const stopwords = new Set([...listed, ...asks].filter((w) => !numbers.has(w)));
    const common = new Set([...numbers].filter((w) => listed.has(w)));
    return [code, { code, script, stem, stopwords, common }];
  }),
);

/** German writes every noun with a capital letter, so there a capital does not mark a name. */
export const CAPITALIZES_NOUNS: ReadonlySet<Language> = new Set(['de']);

/** A word with Cyrillic letters in it. */
export const CYRILLIC = /\p{Script=Cyrillic}/u;
/** Letters one of two close languages has and the other lacks: a word with one counts like a stopword. */
const OWN_LETTERS: Partial<Record<Language, RegExp>> = { uk: /[іїєґ]/u, ru: /[ыэъё]/u };

/** How many of the words tell of `info`'s language: its stopwords, its question words and words with its own letters. */
function tellingWords(info: LanguageInfo, words: readonly string[]): number {
  let hits = 0;
  for (const w of words) if (info.stopwords.has(w) || isInterrogative(w, info.code) || OWN_LETTERS[info.code]?.test(w)) hits++;
  return hits;
}

/** The languages in LANGUAGES' order (ties go to the first), and each stopword's or question word's as bits (bit i: CODES[i]). */
const CODES = [...LANGUAGES.keys()];
const STOPWORD_BITS = new Map<string, number>();
CODES.forEach((code, i) => {
  for (const w of [...LANGUAGES.get(code)!.stopwords, ...(INTERROGATIVES[code] ?? [])]) STOPWORD_BITS.set(w, (STOPWORD_BITS.get(w) ?? 0) | (1 << i));
});
const OWN_LETTER_BITS = CODES.flatMap((code, i): Array<[RegExp, number]> => (OWN_LETTERS[code] ? [[OWN_LETTERS[code], 1 << i]] : []));

/**
 * Guesses the language of already-lowercased words: the language whose stopwords and question words
 * cover most of them. When none has any (a short question), the index's main language (`fallback`) if it is
 * written in the words' script, else that script's first language. Counts as `tellingWords` does
 * for every language, each word looked up once (indexing guesses every article's language).
 */
export function detectLanguage(words: readonly string[], fallback: Language = 'en'): Language {
  let cyrillic = 0;
  const hits = new Array<number>(CODES.length).fill(0);
  for (const w of words) {
    let bits = STOPWORD_BITS.get(w) ?? 0;
    if (CYRILLIC.test(w)) {
      cyrillic++;
      // Every language's own letters are Cyrillic ones.
      for (const [letters, bit] of OWN_LETTER_BITS) if (letters.test(w)) bits |= bit;
    }
    for (let i = 0; bits !== 0; i++, bits >>>= 1) if (bits & 1) hits[i]!++;
  }
  const script: LanguageInfo['script'] = cyrillic * 2 > words.length ? 'cyrillic' : 'latin';
  let best: Language | undefined;
  let bestHits = 0;
  // Stopwords decide across scripts: "Что делала компания Tesla Electric Light & Manufacturing?"
  // has more Latin words than Cyrillic ones, but its stopwords are Russian.
  CODES.forEach((code, i) => {
    // A tie goes to the index's language: "In welchem Jahr … „Fog on the Tyne“?" has as many
    // English stopwords as German ones, and is asked of German articles.
    if (hits[i]! > bestHits || (hits[i] === bestHits && bestHits > 0 && code === fallback)) {
      best = code;
      bestHits = hits[i]!;
    }
  });
  if (best) return best;
  if (LANGUAGES.get(fallback)!.script === script) return fallback;
  return script === 'cyrillic' ? 'ru' : 'en';
}

/**
 * The language to reply in: the question's guessed `language` when the question clearly is in it
 * (two of its stopwords, or another script than the articles'), else the `reader`'s (their app's,
 * when known), else the articles' `main` one. One stopword says little in a short question: "de" in
 * "de gaulle airport strike" is part of a name.
 */
export function replyLanguage(words: readonly string[], language: Language, main: Language, reader?: Language): Language {
  const info = LANGUAGES.get(language)!;
  const clear = info.script !== LANGUAGES.get(main)!.script || tellingWords(info, words) >= 2;
  return clear ? language : (reader ?? main);
}
