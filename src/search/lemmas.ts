import type { Language } from './language.js';

/**
 * The dictionary forms an inflected Russian word may be a form of, by its ending: "выиграл" →
 * выиграть, "используется" → использоваться, использовать, "музея" → музей. The word list has
 * dictionary forms only, and the stem does not always reach them: Snowball leaves "имеет" whole and
 * cuts "иметь" to "имет", "музея" to "музе" and "музей" to "муз", and "чисел" (of numbers) shares
 * no stem with "число". The table holds the regular endings of Russian grammar (a closed set, not
 * tuned), each with the dictionary endings it may replace; the caller keeps the first candidate
 * that is a headword. Russian only: Spanish verb endings ("recibió" → recibir) and German ones
 * ("liegt" → liegen) did not gain on XQuAD (docs/benchmarks.md).
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
