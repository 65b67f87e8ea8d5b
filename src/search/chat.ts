import { editDistance, swapsOf } from './fuzzy.js';
import { LANGUAGES, type Language } from './language.js';
import { isStopword } from './normalize.js';

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
  hw: 'how',
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
  // "Going to", "got to": the future and "must", function words like "will" ("how many ppl is
  // the city gonna hire" asks what "will the city hire" does).
  gonna: 'will',
  finna: 'will',
  gotta: 'must',
  hafta: 'must',
  wanna: 'want',
  tryna: 'trying',
  shoulda: 'should',
  coulda: 'could',
  woulda: 'would',
  oughta: 'ought',
  outta: 'out',
  lemme: 'let',
  gimme: 'give',
  wud: 'would',
  wld: 'would',
  cud: 'could',
  cld: 'could',
  shud: 'should',
  shld: 'should',
  frm: 'from',
  whn: 'when',
  wen: 'when',
  dat: 'that',
  ya: 'you',
  yall: 'you',
  urs: 'yours',
  em: 'them',
  til: 'until',
  cos: 'because',
  hv: 'have',
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
  aint: 'is',
  hasnt: 'has',
  havent: 'have',
  hadnt: 'had',
  werent: 'were',
  wouldnt: 'would',
  couldnt: 'could',
  shouldnt: 'should',
  // Question words and pronouns with the apostrophe left out ("wheres", "whos"): one word the
  // articles never use, where "where's" splits into "where" and a dropped "s".
  wheres: 'where',
  whos: 'who',
  hows: 'how',
  whens: 'when',
  whys: 'why',
  whered: 'where',
  howd: 'how',
  whatd: 'what',
  whod: 'who',
  whatre: 'what',
  theyll: 'they',
  youll: 'you',
  itll: 'it',
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
  wknd: 'weekend',
  wkend: 'weekend',
  wkd: 'weekend',
  mth: 'month',
  mths: 'months',
  xmas: 'christmas',
  nxt: 'next',
  avg: 'average',
  amt: 'amount',
  num: 'number',
  bn: 'billion',
  univ: 'university',
  mgmt: 'management',
  fav: 'favorite',
  fave: 'favorite',
  diff: 'difference',
  convo: 'conversation',
  pple: 'people',
};

/**
 * The question's words with chat shorthand spelled out (English questions only), except a name
 * (`isName`: the question or the articles write it with a capital, as "Ur Jaddou"). A shorthand for
 * a function word ("gonna", "u", "cuz") is that word however often the articles use it: quotes
 * write "gonna" as people say it, and kept as a word of the question it became a term every answer
 * had to have. A shorthand for a content word is kept where the articles use it often enough to be
 * a word of theirs ("vax"): `uses` says how many paragraphs hold a word.
 */
export function expandShorthand(
  words: readonly string[],
  language: Language,
  uses: (word: string) => number,
  isName: (word: string) => boolean = () => false,
): string[] {
  if (language !== 'en') return [...words];
  return words.map((w) => {
    const spelled = SHORTHAND[w];
    if (spelled === undefined) return w;
    if (isStopword(spelled, language)) return isName(w) ? w : spelled;
    return uses(w) < NAME_USES ? spelled : w;
  });
}
/** A shorthand for a content word the articles use in this many paragraphs is read as they use it. */
const NAME_USES = 2;

/**
 * What readers add to a question in a chat that asks nothing: interjections and asides ("lol",
 * "tbh", "idk") and courtesies ("pls", "thx"). None is ever a term to search: kept, an article
 * quoting someone's "lol" or "please" was the only one to hold every word, and the question went
 * unanswered. English only, as the table above.
 */
const CHAT_FILLER = new Set(
  (
    'lol lols lmao lmfao rofl omg omfg idk idc dunno tbh tbf btw ngl smh fr frfr imo imho iirc afaik fyi lmk jk nvm ' +
    'haha hahaha hehe hmm hmmm ugh bruh wow pls plz please thx tysm thanks srsly'
  ).split(' '),
);

/** Whether a word of a question is chat filler (see CHAT_FILLER): no content of it. */
export function isChatFiller(word: string, language: Language): boolean {
  return language === 'en' && CHAT_FILLER.has(word);
}

/**
 * Vague words readers put where the article has a noun or says nothing ("the guy suing the city",
 * "maybe-privileged stuff", "what's the pic actually from"): searched as any word, each weighed as
 * much as the question's content words, and an answer lacking one looked like one lacking half the
 * question. Searched for less instead (VAGUE_WEIGHT), not dropped: now and then the article says
 * them too ("who actually invented it" of "the drink was actually invented by …"). English only.
 */
const VAGUE = new Set(
  (
    'stuff thing things guy guys maybe kinda sorta lately actually basically literally really just probably apparently ' +
    'supposedly exactly anyway somehow someone somebody something anything everything whatever'
  ).split(' '),
);
/**
 * What a vague word counts for against a plain word of the same rarity, in ranking and in
 * confidence: as much as a common word counts as evidence (see COMMON_EVIDENCE in rank.ts). Chosen
 * with `npm run bench:reader`; figures in docs/benchmarks.md.
 */
export const VAGUE_WEIGHT = 0.3;

/** Whether a word of a question is vague (see VAGUE). */
export function isVague(word: string, language: Language): boolean {
  return language === 'en' && VAGUE.has(word);
}

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
