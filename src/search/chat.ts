import { editDistance, swapsOf } from './fuzzy.js';
import { LANGUAGES, type Language } from './language.js';

/**
 * How people shorten English words when typing in a chat ("how many ppl", "wat did u say"): the
 * word each stands for. A shortening is rarely within the edit distance that fuzzy matching allows
 * of its word ("ppl" → "people" is three), so without this it is an unknown word, or corrected to
 * the wrong one ("wat" → "was").
 */
const SHORTHAND: Record<string, string> = {
  u: 'you',
  ur: 'your',
  ppl: 'people',
  peeps: 'people',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  whats: 'what',
  wats: 'what',
  wen: 'when',
  hw: 'how',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  tonite: 'tonight',
  '2nite': 'tonight',
  nite: 'night',
  '2day': 'today',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  '2moro': 'tomorrow',
  b4: 'before',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  bcuz: 'because',
  becuz: 'because',
  gonna: 'going',
  wanna: 'want',
  gotta: 'got',
  govt: 'government',
  gov: 'government',
  txt: 'text',
  msg: 'message',
  pic: 'picture',
  pics: 'pictures',
  vid: 'video',
  vids: 'videos',
  yr: 'year',
  yrs: 'years',
  hr: 'hour',
  hrs: 'hours',
  abt: 'about',
  thru: 'through',
  tho: 'though',
  bday: 'birthday',
  prez: 'president',
  luv: 'love',
  hav: 'have',
  bf: 'boyfriend',
  gf: 'girlfriend',
  dept: 'department',
  info: 'information',
  approx: 'approximately',
  isnt: 'is',
  didnt: 'did',
  doesnt: 'does',
  dont: 'do',
  wasnt: 'was',
  arent: 'are',
  cant: 'can',
  wont: 'will',
  // Question words and pronouns with the apostrophe left out ("wheres", "whos"): one word the
  // articles never use, where "where's" splits into "where" and a dropped "s".
  wheres: 'where',
  whos: 'who',
  hows: 'how',
  whens: 'when',
  whys: 'why',
  whered: 'where',
  howd: 'how',
  thats: 'that',
  theres: 'there',
  theyre: 'they',
  youre: 'you',
  hes: 'he',
  shes: 'she',
  im: 'i',
  ive: 'i',
  rn: 'now',
  smth: 'something',
  sth: 'something',
  mins: 'minutes',
  secs: 'seconds',
  wk: 'week',
  wks: 'weeks',
  yday: 'yesterday',
  mil: 'million',
  bil: 'billion',
  dems: 'democrats',
  vax: 'vaccine',
  natl: 'national',
  intl: 'international',
};

/**
 * The question's words with chat shorthand spelled out (English questions only), except where the
 * articles use the word often enough to be a name of theirs ("Ur Jaddou"): `uses` says how many
 * paragraphs hold a word.
 */
export function expandShorthand(words: readonly string[], language: Language, uses: (word: string) => number): string[] {
  if (language !== 'en') return [...words];
  return words.map((w) => (SHORTHAND[w] !== undefined && uses(w) < NAME_USES ? SHORTHAND[w] : w));
}
/** A shorthand the articles use in this many paragraphs is read as they use it. */
const NAME_USES = 2;

/**
 * A word the articles do not use that is one slip from a function word of the question's language
 * ("teh", "becuase", "wich"): that function word, or undefined. Such a slip was otherwise corrected
 * to the articles' nearest content words ("wich" → wish, wick, witch), junk terms that pull up
 * unrelated paragraphs. Read as a function word only where that is the likelier reading: two
 * neighbouring letters swapped (every letter of the function word is there, in a slip people make
 * all the time), or, in English, one edit past the first letter of a question word, the word a
 * question is likeliest to hold ("wher", "wich"). Other slips stay corrections: "mony" is "money" as
 * much as "many", "thre" "three" as much as "there".
 */
export function functionWordOf(word: string, language: Language): string | undefined {
  if (word.length < 3 || !/^\p{L}+$/u.test(word)) return undefined;
  const stopwords = LANGUAGES.get(language)!.stopwords;
  if (stopwords.has(word)) return undefined;
  const swapped = swapsOf(word).filter((w) => stopwords.has(w));
  const asking = ASKING[language] ?? [];
  return asking.find((q) => swapped.includes(q) || (q[0] === word[0] && editDistance(word, q, 1) === 1)) ?? swapped[0];
}

/** Question words, in the order a slip one edit from two of them is read ("hwo": how, then who). */
const ASKING: Partial<Record<Language, readonly string[]>> = {
  en: ['what', 'which', 'how', 'who', 'where', 'when', 'why', 'whom'],
};
