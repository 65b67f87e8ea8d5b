import { stemmer as snowball } from '@orama/stemmers/german';

/**
 * German stemming: Orama's Snowball stemmer after a step it lacks. Snowball leaves the past
 * participle apart from the verb's other forms ("gekennzeichnet" vs "kennzeichnen" → "kennzeichn",
 * "ausgestattet" vs "ausstatten"), so a question asking "wurde … gegründet" missed a text saying
 * "gründen". CISTEM (Weißweiler and Fraser, 2017) strips the "ge-" prefix for this; no npm package
 * has CISTEM, and its other steps fight Snowball's, so this one step is written here.
 * Both the index and the question go through `termOf`, so they agree.
 */

/**
 * German's separable verb particles (a closed class of the grammar), folded as `termOf` folds
 * words: in a participle the "ge" stands between particle and verb ("ab-ge-fangen", "dar-ge-stellt").
 */
const PARTICLES = [
  'zusammen',
  'zuruck',
  'vorbei',
  'weiter',
  'wieder',
  'heraus',
  'herein',
  'hinaus',
  'voran',
  'durch',
  'unter',
  'uber',
  'fest',
  'frei',
  'nach',
  'dar',
  'auf',
  'aus',
  'bei',
  'ein',
  'mit',
  'vor',
  'weg',
  'her',
  'hin',
  'los',
  'ab',
  'an',
  'um',
  'zu',
];

/**
 * A weak verb's participle: the verb's stem (at least 3 letters) with "-t"/"-et", and maybe an
 * adjective's ending ("gebaut", "gegründete", "gekennzeichneten").
 */
const WEAK_PARTICIPLE = /^(.{3,}?)(e?t)(e|er|es|em|en|s)?$/;
/** Nouns that look like participles: "Gesellschaft", "Gesundheit", "Geschwindigkeit". */
const NOUN_SUFFIX = /(heit|keit|schaft)(en)?$/;

/**
 * A weak participle as its infinitive ("gekennzeichnet" → "kennzeichnen", "dargestellt" →
 * "darstellen"), anything else as it is: the infinitive stems like the verb's other forms, where
 * stripping only "ge-" makes "gebaut" meet "baut", not "bauen", and ranked worse, as did CISTEM's
 * "-t" stripping on top (figures in docs/benchmarks.md and docs/search.md, "Tuning notes").
 * Strong participles behind a particle ("abgefangen") are left alone: they look like nouns
 * ("Angeboten", "Umgebungen"), and taking them for participles only declined fewer questions
 * about unindexed articles, at the same top-1.
 */
function infinitiveOf(word: string): string {
  if (NOUN_SUFFIX.test(word)) return word;
  if (word.startsWith('ge')) {
    const m = WEAK_PARTICIPLE.exec(word.slice(2));
    if (m) return `${m[1]}en`;
    return word;
  }
  for (const particle of PARTICLES) {
    if (!word.startsWith(`${particle}ge`)) continue;
    const m = WEAK_PARTICIPLE.exec(word.slice(particle.length + 2));
    if (m) return `${particle}${m[1]}en`;
    return word;
  }
  return word;
}

/** The stem of a lowercased, accent-folded German word. */
export function stemGerman(word: string): string {
  return snowball(infinitiveOf(word));
}
