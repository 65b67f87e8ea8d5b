import type { Language } from './language.js';

/**
 * The dictionary forms an inflected Russian word may be a form of, by its ending: "выиграл" →
 * выиграть, "используется" → использоваться, использовать, "музея" → музей. The word list has
 * dictionary forms only, and the stem does not always reach them: Snowball leaves "имеет" whole and
 * cuts "иметь" to "имет", "музея" to "музе" and "музей" to "муз", and "чисел" (of numbers) shares
 * no stem with "число". The table holds the regular endings of Russian grammar (a closed set, not
 * tuned), each with the dictionary endings it may replace; the caller keeps the first candidate
 * that is a headword. Russian only: German endings ("liegt" → liegen) did not gain on XQuAD, nor
 * did Spanish endings nouns share (docs/benchmarks.md); Spanish endings only verbs have are
 * `verbCandidates` below.
 */
type Endings = ReadonlyArray<readonly [form: string, lemmas: readonly string[]]>;

/** What must be left of a word once its ending is cut. */
const MIN_STEM = 2;

const RU_VOWELS = 'аеиоуыэюяё';

/** Russian adjective (and participle) endings, the dictionary form last. */
const RU_ADJECTIVE = [
  'ого',
  'его',
  'ому',
  'ему',
  'ыми',
  'ими',
  'ым',
  'им',
  'ых',
  'их',
  'ом',
  'ем',
  'ая',
  'яя',
  'ую',
  'юю',
  'ое',
  'ее',
  'ые',
  'ие',
  'ой',
  'ей',
  'ый',
  'ий',
];

/** Participle and superlative suffixes (before an adjective ending) and the verbs or adjectives they come from. */
const RU_ADJECTIVE_STEMS: Endings = [
  ['ующ', ['овать']],
  ['ающ', ['ать']],
  ['яющ', ['ять']],
  ['ящ', ['ить', 'ять']],
  ['ащ', ['ать', 'ить']],
  ['ивш', ['ить']],
  ['авш', ['ать']],
  ['анн', ['ать']],
  ['янн', ['ять']],
  ['енн', ['ить', 'еть']],
  ['уем', ['овать']],
  ['аем', ['ать']],
  ['яем', ['ять']],
  ['им', ['ить']],
  ['ейш', ['ый', 'ий']],
  ['айш', ['ий']],
];

const RU: Endings = [
  // Adjectives: "горных" → горный, "какой"; participles: "пользующегося" → пользоваться.
  ...RU_ADJECTIVE.map((e) => [e, ['ый', 'ий', 'ой']] as const),
  ...RU_ADJECTIVE_STEMS.flatMap(([stem, lemmas]) => RU_ADJECTIVE.map((e) => [stem + e, lemmas] as const)),
  // Short participles and adjectives: "разработан" → разработать, "известна" → известный.
  ...['ан', 'ана', 'ано', 'аны'].map((e) => [e, ['ать', 'анный']] as const),
  ...['ен', 'ена', 'ено', 'ены'].map((e) => [e, ['енный', 'ить', 'еть']] as const),
  ...['на', 'но', 'ны'].map((e) => [e, ['ный']] as const),
  // Verbs: the present ("использует", "имеет", "гласит"), the past ("выиграл", "звали"), gerunds, imperatives.
  ...['ует', 'уют', 'уя'].map((e) => [e, ['овать']] as const),
  ...['ает', 'ают'].map((e) => [e, ['ать']] as const),
  ...['яет', 'яют'].map((e) => [e, ['ять']] as const),
  ...['еет', 'еют'].map((e) => [e, ['еть']] as const),
  ['ит', ['ить', 'еть', 'ять', 'ать']],
  ['ят', ['ить', 'ять', 'еть']],
  ['ат', ['ать', 'ить']],
  ['ите', ['ить', 'ать', 'ять', 'еть']],
  ...[...'аяеиыуо'].flatMap((v) => ['л', 'ла', 'ло', 'ли', 'в', 'вши'].map((e) => [v + e, [v + 'ть']] as const)),
  // Nouns: "уезде" → уезд, "музея" → музей, "записи" → запись, "решения" → решение, "школ" → школа.
  ['а', ['', 'о']],
  ['я', ['й', 'ь', 'е']],
  ['у', ['', 'а', 'о']],
  ['ю', ['й', 'ь', 'я', 'е']],
  ['ы', ['', 'а']],
  ['и', ['ь', 'я', 'а', 'й', '']],
  ['е', ['', 'а', 'о', 'я', 'ь', 'й']],
  ['ом', ['', 'о']],
  ['ем', ['й', 'ь', 'е']],
  ['ой', ['а']],
  ['ою', ['а']],
  ['ей', ['я', 'ь', 'е', 'й']],
  ['ею', ['я']],
  ['ью', ['ь']],
  ['ов', ['', 'о']],
  ['ев', ['й', 'ь']],
  ...['ам', 'ами', 'ах'].map((e) => [e, ['', 'а', 'о']] as const),
  ...['ям', 'ями', 'ях'].map((e) => [e, ['я', 'ь', 'е', 'й']] as const),
  ['ий', ['ия', 'ие']],
  ['', ['а', 'о']],
];

/** The endings, longest first. */
const RU_SORTED = [...RU].sort((a, b) => b[0].length - a[0].length);

/**
 * The dictionary forms `word` (lowercased) may be an inflection of, likeliest first: its longest
 * endings first, each also with a vowel that drops out of the stem put back ("мешков" → мешок,
 * "чисел" → число), and a reflexive verb's "-ся" kept and not ("используется" → использоваться,
 * использовать). Empty for another language than Russian.
 */
export function lemmaCandidates(word: string, language: Language): string[] {
  if (language !== 'ru') return [];
  const out = new Set<string>();
  const reflexive = /^(.{3,})(ся|сь)$/u.exec(word);
  const core = reflexive ? reflexive[1]! : word;
  for (const [form, lemmas] of RU_SORTED) {
    if (!core.endsWith(form) || core.length - form.length < MIN_STEM) continue;
    const stem = core.slice(0, core.length - form.length);
    for (const lemma of lemmas) {
      for (const s of [stem, ...fleetingVowel(stem, form)]) {
        const candidate = s + lemma;
        if (candidate === word) continue;
        if (reflexive && /(ть|ти|чь)$/u.test(candidate)) out.add(`${candidate}ся`);
        out.add(candidate);
      }
    }
  }
  if (reflexive) out.add(core);
  out.delete(word);
  return [...out];
}

/**
 * A Russian stem with the vowel its dictionary form has between its last two consonants: "мешк" →
 * мешок, "отц" → отец; and the reverse for a genitive plural's inserted one ("чисел" → числ-о).
 */
function fleetingVowel(stem: string, form: string): string[] {
  const n = stem.length;
  if (n < 3) return [];
  const consonant = (c: string) => !RU_VOWELS.includes(c) && c !== 'ь' && c !== 'й';
  const [a, b, c] = [stem[n - 3]!, stem[n - 2]!, stem[n - 1]!];
  if (form !== '' && consonant(b) && consonant(c)) return [`${stem.slice(0, -1)}о${c}`, `${stem.slice(0, -1)}е${c}`];
  if (form === '' && consonant(a) && (b === 'е' || b === 'о') && consonant(c)) return [`${stem.slice(0, -2)}${c}`];
  return [];
}

/**
 * Spanish verb endings no noun or adjective has: the preterite's third persons ("recibió",
 * "ganaron", "construyó"), the imperfect of -ar verbs ("utilizaba") and the future ("ganará"), each
 * with the infinitives it may come from. The stem alone joined these to the wrong headword of the
 * same stem ("ganó" → gana, desire; "llamó" → llama, flame) or to none ("recibió"), so they are
 * looked up before the headword. Participles ("unidos"), the present and the -er/-ir imperfect
 * ("compañía") are not here: nouns and adjectives share those endings.
 */
const ES_VERB: Endings = [
  ['ó', ['ar']],
  ['ió', ['ir', 'er']],
  ['yó', ['ir', 'er']],
  ['aron', ['ar']],
  ['ieron', ['ir', 'er']],
  ['yeron', ['ir', 'er']],
  ['aba', ['ar']],
  ['aban', ['ar']],
  ['ará', ['ar']],
  ['arán', ['ar']],
  ['erá', ['er']],
  ['erán', ['er']],
  ['irá', ['ir']],
  ['irán', ['ir']],
];

const ES_VERB_SORTED = [...ES_VERB].sort((a, b) => b[0].length - a[0].length);

/**
 * The infinitives a Spanish verb form (lowercased) may come from, by the endings of ES_VERB, the
 * longest ending first; for an -ir verb also with the stem vowel the third persons of the preterite
 * raise put back ("consiguió" → conseguir, "murió" → morir). Empty for another language.
 */
export function verbCandidates(word: string, language: Language): string[] {
  if (language !== 'es') return [];
  const out: string[] = [];
  for (const [form, lemmas] of ES_VERB_SORTED) {
    if (!word.endsWith(form) || word.length - form.length < MIN_STEM) continue;
    const stem = word.slice(0, word.length - form.length);
    for (const lemma of lemmas) {
      out.push(stem + lemma);
      if (lemma === 'ir') out.push(...raisedVowel(stem).map((s) => s + lemma));
    }
    break;
  }
  return out;
}

/** A stem with its last i lowered to e and its last u to o ("consigu" → consegu, "mur" → mor). */
function raisedVowel(stem: string): string[] {
  const out: string[] = [];
  const i = stem.lastIndexOf('i');
  if (i >= 0) out.push(`${stem.slice(0, i)}e${stem.slice(i + 1)}`);
  const u = stem.replace(/u(?=[^aeiou]*$)/u, 'o');
  if (u !== stem) out.push(u);
  return out;
}

/** Russian's superlative suffix before an adjective ending. */
const RU_SUPERLATIVE = /(?:ейш|айш)..$/u;

/** Russian consonants a superlative's -айш- changes, and the adjective's ("высочайший" → высокий). */
const RU_ALTERNATION: Readonly<Record<string, string>> = { ч: 'к', ж: 'г', ш: 'х' };

/** German umlauts a superlative adds to the adjective ("größte" → groß, "älteste" → alt). */
const DE_UMLAUT: Readonly<Record<string, string>> = { ä: 'a', ö: 'o', ü: 'u' };

/**
 * The dictionary forms an adjective said in a superlative (see superlative.ts) may have, likeliest
 * first; the caller keeps the first that is a headword. The word is known to be an adjective, so
 * its adjective endings are read before any stem: Russian "большая" is большой (the stem alone
 * finds больше, more), French "grande" grand. Russian's -ейш-/-айш- and German's -(e)st- suffixes
 * are cut, the consonant or umlaut they bring undone ("высочайший" → высокий, "ältesten" → alt).
 */
export function superlativeBases(word: string, language: Language): string[] {
  const out: string[] = [];
  if (language === 'ru') {
    // A dictionary form already ("большой": "больший" is another word, bigger).
    if (/(?:ий|ый|ой)$/u.test(word) && !RU_SUPERLATIVE.test(word)) out.push(word);
    const adjective = /^(.{2,}?)(?:ий|ый|ой|ая|яя|ее|ое|ие|ые|его|ого|ему|ому|ей|ую|юю|им|ым|их|ых|ими|ыми|ем|ом)$/u.exec(word);
    if (adjective) {
      const stem = adjective[1]!;
      const suffixed = /^(.{2,})(ейш|айш)$/u.exec(stem);
      if (suffixed) {
        const base = suffixed[1]!;
        const last = base.at(-1)!;
        const bases = suffixed[2] === 'айш' && RU_ALTERNATION[last] ? [base.slice(0, -1) + RU_ALTERNATION[last]] : [base];
        for (const b of bases) out.push(`${b}ий`, `${b}ый`, `${b}ой`);
      } else out.push(`${stem}ый`, `${stem}ий`, `${stem}ой`);
    }
  } else if (language === 'de') {
    // "größte": after ß the suffix is a t alone.
    const suffixed = /^(.{3,}?)e?st(?:e|en|er|es|em)$/u.exec(word) ?? /^(.{2,}ß)t(?:e|en|er|es|em)$/u.exec(word);
    if (suffixed) {
      const base = suffixed[1]!;
      const plain = base.replace(/[äöü]/gu, (c) => DE_UMLAUT[c]!);
      out.push(base, ...(plain !== base ? [plain] : []));
    }
  } else if (language === 'es') {
    if (/os$|as$/u.test(word)) out.push(`${word.slice(0, -2)}o`, word.slice(0, -1));
    else if (word.endsWith('a')) out.push(`${word.slice(0, -1)}o`);
    else if (word.endsWith('es')) out.push(word.slice(0, -1), word.slice(0, -2));
    else if (word.endsWith('s')) out.push(word.slice(0, -1));
  } else if (language === 'fr') {
    const bare = word.replace(/(?:es|e|s)$/u, '');
    if (bare !== word && bare.length >= 3) out.push(bare);
    if (word.endsWith('es') || word.endsWith('s')) out.push(word.slice(0, -1));
  }
  out.push(word);
  return [...new Set(out)];
}

/** French feminine endings and the masculine's (a closed set of the grammar: "coréenne" → coréen). */
const FR_FEMININE: ReadonlyArray<readonly [feminine: string, masculine: string]> = [
  ['enne', 'en'],
  ['onne', 'on'],
  ['elle', 'el'],
  ['euse', 'eux'],
  ['ive', 'if'],
  ['ère', 'er'],
  ['e', ''],
];

/**
 * The singular, then the masculine singular, a Spanish or French noun or adjective in the plural or
 * the feminine may be a form of, likeliest first ("casas" → casa, then caso; "enteras" → entera,
 * entero; "veces" → vez; "journaux" → journal; "coréennes" → coréenne, coréen). The word list gives
 * nouns in the singular and adjectives in the masculine singular. The plural's singular comes first:
 * a feminine noun's is the noun ("casas", houses), its masculine another word ("caso", case). Empty
 * for another language.
 */
export function singularForms(word: string, language: Language): string[] {
  const out: string[] = [];
  if (language === 'es') {
    const singular = word.endsWith('ces')
      ? [`${word.slice(0, -3)}z`]
      : /[^aeiouáéíóú]es$/u.test(word)
        ? [word.slice(0, -1), word.slice(0, -2)]
        : /s$/u.test(word)
          ? [word.slice(0, -1)]
          : [word];
    for (const w of singular) out.push(w, ...(w.endsWith('a') ? [`${w.slice(0, -1)}o`] : []));
  } else if (language === 'fr') {
    const singular = word.endsWith('aux') ? `${word.slice(0, -3)}al` : /[sx]$/u.test(word) ? word.slice(0, -1) : word;
    out.push(singular);
    const ending = FR_FEMININE.find(([feminine]) => singular.endsWith(feminine));
    if (ending) out.push(singular.slice(0, singular.length - ending[0].length) + ending[1]);
  }
  return [...new Set(out)].filter((w) => w !== word && w.length > MIN_STEM);
}

/**
 * Past participles of Spanish and French regular verbs, each with the verbs it may come from
 * ("enterrado" → enterrar, "battu" → battre). A participle is an adjective too ("unidos", united),
 * so its own masculine singular comes first ("unido"); the verb only after it.
 */
const PARTICIPLES: Partial<Record<Language, Endings>> = {
  es: [
    ['ado', ['ar']],
    ['ido', ['er', 'ir']],
  ],
  fr: [
    ['é', ['er']],
    ['i', ['ir']],
    ['u', ['re', 'oir']],
    ['it', ['ire']],
  ],
};

/**
 * The dictionary forms a Spanish or French past participle (lowercased; in any gender and number)
 * may have, likeliest first: the participle's masculine singular, then its verbs. Empty for a word
 * with no participle's ending, or another language. Asked for a word that is no headword, before
 * the headwords of its stem: those are as often a noun made from the verb ("enterrador",
 * undertaker, for "enterrado", buried).
 */
export function participleCandidates(word: string, language: Language): string[] {
  const read = participleOf(word, language);
  return read ? [...new Set([read.masculine, ...read.verbs])].filter((c) => c !== word) : [];
}

/**
 * The verbs a Spanish or French past participle said after a perfect tense's auxiliary ("ha
 * costado", "a porté"; see `afterAuxiliary`) may come from: there it is the verb, not the noun or
 * adjective the word list may have under the same spelling ("costado", side; "partido", party).
 */
export function participleVerbs(word: string, language: Language): string[] {
  return participleOf(word, language)?.verbs ?? [];
}

/** A past participle's masculine singular and the verbs it may come from; undefined for a word with no participle's ending. */
function participleOf(word: string, language: Language): { masculine: string; verbs: string[] } | undefined {
  const endings = PARTICIPLES[language];
  if (!endings) return undefined;
  // The feminine and plural endings: -a, -as, -os (Spanish); -e, -es, -s (French).
  const masculine = language === 'es' ? word.replace(/(?<=[ai]d)(?:a|as|os)$/u, 'o') : word.replace(/(?:es|e|s)$/u, '');
  for (const [form, verbs] of endings) {
    if (!masculine.endsWith(form) || masculine.length - form.length < MIN_STEM + 1) continue;
    const stem = masculine.slice(0, masculine.length - form.length);
    return { masculine, verbs: verbs.map((v) => stem + v) };
  }
  return undefined;
}

/**
 * The auxiliaries of Spanish's and French's perfect tenses, all their forms (a closed class of the
 * grammar): "haber" and "avoir" ("ha", "ont", "avait", "aurait"), and "être", which takes the
 * verbs of motion ("est arrivé").
 */
const AUXILIARIES: Partial<Record<Language, ReadonlySet<string>>> = {
  es: new Set(
    'he has ha hemos habéis han había habías habíamos habíais habían habré habrás habrá habremos habréis habrán habría habrías habríamos habríais habrían haya hayas hayamos hayáis hayan hubiera hubieras hubiéramos hubierais hubieran hubo haber habiendo'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'ai as a avons avez ont avait avais avions aviez avaient aura auras aurons aurez auront aurait aurais aurions auriez auraient aie ait ayons ayez aient eu avoir ayant suis es est sommes êtes sont était étais étions étiez étaient sera serons seront serait seraient soit soient être étant'.split(
      ' ',
    ),
  ),
};

/**
 * The words of a Spanish or French question said right after a perfect tense's auxiliary ("le ha
 * costado", "a-t-il désigné": the clitic "t-il" between them): the participles of those tenses.
 */
export function afterAuxiliary(words: readonly string[], language: Language): Set<string> {
  const auxiliaries = AUXILIARIES[language];
  const out = new Set<string>();
  if (!auxiliaries) return out;
  words.forEach((w, i) => {
    if (!auxiliaries.has(w)) return;
    // French asks by inversion: "a-t-il", "ont-elles".
    const next = words[i + 1] === 't' ? i + 3 : /^(?:il|elle|ils|elles|on)$/u.test(words[i + 1] ?? '') && language === 'fr' ? i + 2 : i + 1;
    const participle = words[next];
    if (participle && participleVerbs(participle, language).length > 0) out.add(participle);
  });
  return out;
}
