import { transliterate } from 'transliteration';
import { editDistance } from './fuzzy.js';
import { fold } from './normalize.js';

/**
 * Names written in Cyrillic letters meeting their Latin spelling: "Грайнер" is Griner, "Смита"
 * Smith, "Нэшвилле" Nashville. Transliteration alone gets "grayner", "smita", "neshville": Russian
 * writes English names by their sound, with its own conventions (э and е for a and e, у for w, х
 * and г for h, a case ending on every name). So both sides are reduced to a sound key: consonants
 * by class, each run of vowels one vowel, English silent letters dropped. Written here because
 * English phonetic codes (Soundex, Metaphone) know nothing of Russian transcription.
 */

/**
 * Letter groups written as one sound, longest first; capitals stand for sounds Latin has no one
 * letter for (S: sh, zh, shch).
 */
const GROUPS: Array<[RegExp, string]> = [
  [/shch|sch/g, 'S'],
  [/dzh|dj/g, 'j'],
  [/sh|zh/g, 'S'],
  [/tch/g, 'k'],
  [/ch|kh|ck/g, 'k'],
  [/th/g, 't'],
  [/ph/g, 'f'],
  [/c(?=[eiy])/g, 's'],
  [/x/g, 'ks'],
  [/[cq]/g, 'k'],
  [/w/g, 'v'],
  [/z/g, 's'],
  // h is silent in English names as often as not, and Russian writes it with х, г or nothing.
  [/h/g, ''],
  // A silent final e ("Vance", "Nashville"); Russian writes none.
  [/(?<=...[^aeiouy])e$/, ''],
  [/(.)\1+/g, '$1'],
];

/** A Latin-letter word as it sounds, spelled plainly ("nashville" → "naSvil", "smith" → "smit"). */
export function plainSpelling(latin: string): string {
  let w = fold(latin.toLowerCase()).replace(/[^a-z]/g, '');
  for (const [from, to] of GROUPS) w = w.replace(from, to);
  return w;
}

/** The sound key of a Latin-letter word: its plain spelling with each run of vowels one "a". */
export function soundKey(latin: string): string {
  return vowelsAsOne(plainSpelling(latin));
}

/** A plain spelling with each run of vowels one "a". */
function vowelsAsOne(plain: string): string {
  return plain.replace(/[aeiouy]+/g, 'a');
}

/**
 * Russian case endings a name takes ("Криса", "Нэшвилле", "Вэнсом"): the name is tried with and
 * without one. Only noun endings, and only these: Snowball's stemmer cuts names shorter than
 * their Latin spelling ("Байден" → "байд").
 */
const CASE_ENDINGS = /(?:ами|ями|ом|ем|ём|ой|ей|ою|ам|ям|ах|ях|ов|ев|а|я|у|ю|е|ы|и)$/u;

/**
 * The endings of an adjective Russian makes of a name or a borrowed word ("Гарвардская" Harvard,
 * "Эдинбургскому" Edinburgh, "методистскую" Methodist, "Плейстоценовая" Pleistocene): a suffix
 * (-ск-, -ов-, -ев-) and an adjective ending, a closed set of Russian grammar. The word is also tried
 * without them, if at least MIN_NAME_STEM letters are left.
 */
const NAME_ADJECTIVE = /(?:ск|ов|ев)(?:ий|ый|ой|ая|яя|ое|ее|ого|его|ому|ему|ую|юю|ым|им|ом|ем|ых|их|ыми|ими|ые|ие)$/u;

const MIN_NAME_STEM = 4;

/**
 * The Latin spellings a Cyrillic word may stand for, as transliterations: as written, without a
 * case ending, and without an adjective's suffix and ending (see NAME_ADJECTIVE), each also with х
 * and г read as the h Russian writes them for ("Хьюстон", "Гарри") or the k they are in German
 * names ("Кирхнер"), э also as a, and у before a vowel as w ("Уэльс").
 */
export function latinForms(cyrillic: string): string[] {
  const lower = cyrillic.toLowerCase();
  const bases = new Set([lower]);
  const bare = lower.replace(CASE_ENDINGS, '');
  if (bare.length >= 3) bases.add(bare);
  const named = lower.replace(NAME_ADJECTIVE, '');
  if (named !== lower && named.length >= MIN_NAME_STEM) bases.add(named);
  // э is how Russian writes English's short a ("Вэнс" Vance, "Нэшвилл" Nashville) as often as its e.
  for (const base of [...bases]) if (base.includes('э')) bases.add(base.replace(/э/g, 'а'));
  // шт and шп are how Russian writes German names' st and sp ("Эйнштейн" Einstein, "Штутгарт").
  for (const base of [...bases]) if (/ш[тп]/u.test(base)) bases.add(base.replace(/ш(?=[тп])/gu, 'с'));
  const forms = new Set<string>();
  for (const base of bases) {
    const latin = transliterate(base)
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    const w = latin.replace(/^u(?=[aeio])/, 'w');
    forms.add(w);
    forms.add(w.replace(/h/g, 'k'));
    if (/^g/.test(w)) forms.add(w.replace(/^g/, 'h'));
  }
  return [...forms];
}

/** A Latin-letter word of the articles that a Cyrillic word may be, and how far its spelling is. */
export interface NameMatch {
  word: string;
  /** Edits between the plain spellings (see `plainSpelling`) of the closest Latin form and the word. */
  edits: number;
}

/**
 * The ways an English word may be heard, as plain spellings: as written, and with the two sounds
 * its letters hide that Russian writes out: a g before e, i or y said as j ("Angeles", "Granger":
 * "Анджелес", "Грейнджер"), and a silent e in a final -es ("James", "Charles": "Джеймс", "Чарльз"),
 * unless `isWord` says the word is another's plural ("wanes": "wane"). As written first.
 */
export function heardSpellings(latin: string, isWord: (w: string) => boolean = () => false): string[] {
  const w = fold(latin.toLowerCase());
  const soft = w.replace(/g(?=[eiy])/g, 'j');
  // English "ew" is the "ью" Russian writes ("Newton", "Andrew": "Ньютон", "Эндрю").
  const yu = w.replace(/ew/g, 'yu');
  const silentE = /(?<=.[^aeiouy])es$/.test(w) && !isWord(w.slice(0, -1));
  const spellings = new Set([w, soft, yu].flatMap((s) => (silentE ? [s, s.slice(0, -2) + 's'] : [s])));
  return [...new Set([...spellings].map(plainSpelling))];
}

/** The articles' Latin words by sound key, to look Cyrillic names up in. */
export class SoundVocabulary {
  /**
   * Per sound key, the words heard so: a word as written, or, heard another way, the word and that
   * spelling joined by a NUL (few words are, and a pair per word doubled this table's memory).
   */
  private readonly byKey = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    const all = new Set(words);
    for (const word of all) {
      if (!/^[a-z][a-z'-]*$/.test(fold(word))) continue;
      const [written, ...heard] = heardSpellings(word, (w) => all.has(w));
      for (const plain of [written!, ...heard]) {
        const key = vowelsAsOne(plain);
        if (key.length < 2) continue;
        const entry = plain === written ? word : `${word}\0${plain}`;
        const list = this.byKey.get(key);
        if (list) list.push(entry);
        else this.byKey.set(key, [entry]);
      }
    }
  }

  /** The articles' words that sound like `cyrillic`, closest spelling first. */
  match(cyrillic: string): NameMatch[] {
    const best = new Map<string, number>();
    for (const form of latinForms(cyrillic)) {
      const plain = plainSpelling(form);
      for (const entry of this.byKey.get(soundKey(form)) ?? []) {
        const [word, heard] = entry.split('\0') as [string, string?];
        const other = heard ?? plainSpelling(word);
        const d = editDistance(plain, other, Math.max(plain.length, other.length));
        best.set(word, Math.min(best.get(word) ?? Infinity, d));
      }
    }
    return [...best].map(([word, edits]) => ({ word, edits })).sort((a, b) => a.edits - b.edits || (a.word < b.word ? -1 : 1));
  }
}
