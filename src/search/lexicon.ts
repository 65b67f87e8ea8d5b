import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MODELS_DIR } from '../app/models-dir.js';
import { isCompounding, splitCompound } from './compound.js';
import { isInterrogative, LANGUAGES, type Language } from './language.js';
import { lemmaCandidates, participleCandidates, participleVerbs, singularForms, superlativeBases, verbCandidates } from './lemmas.js';
import { irregularForms, newsSenses, prefixedForms } from './word-forms.js';
import { termOf } from './normalize.js';
import { Headwords, StemGroups } from './lexicon-table.js';

/**
 * Words of other languages in English: what lets a question in German, Spanish, French, Italian,
 * Portuguese or Russian find English articles. Built from Debian's FreeDict dictionaries by `npm run build-lexicon` into
 * `models/lexicon.tsv.gz` (an optional install: the dictionaries are GPL, see models/README.md).
 * Each line: `language TAB word TAB translation translation…`, lowercased, one-word headwords; a
 * translation of several words has them joined by "_".
 *
 * Held as the file's bytes with a sorted table of where each language's lines start (see
 * lexicon-table.ts), not as a Map of strings: a third of a million headwords as objects took
 * 135 MB and seconds to build, past the bot's memory goals.
 */
export class Lexicon {
  /** Per language, the headwords grouped by stem, built on first use. */
  private readonly stems = new Map<Language, StemGroups>();

  constructor(private readonly words: ReadonlyMap<Language, Headwords>) {}

  static readonly empty = new Lexicon(new Map());

  static parse(text: string | Buffer): Lexicon {
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    return new Lexicon(Headwords.ofLines(bytes, (code) => (LANGUAGES.has(code as Language) ? (code as Language) : undefined)));
  }

  /** Whether it translates words of `language`. */
  has(language: Language): boolean {
    return this.words.has(language);
  }

  /**
   * The English words a (lowercased) question word may stand for, as the concepts it holds (one, or
   * two for a compound the lexicon lacks: "Leichensäcke" → [corpse…], [bag…]), each with its
   * alternatives: the dictionary form the hand-written table gives a strong or irregular form
   * ("verlor" → verlieren, "могут" → мочь; see word-forms.ts), else the infinitive a Spanish verb
   * ending only verbs have points to ("recibió" → recibir; see lemmas.ts), else the headword itself
   * (with its twin spelled with ё: "счет", "счёт"), else its spelling with ё ("лед" → лёд), else a
   * German strong verb's form behind a prefix ("befand" → befinden), else a participle's masculine
   * singular or verb ("enterrado" → enterrar), else a Spanish or French plural's or feminine's
   * singular or masculine singular ("enteras" → entero, where the stem's nearest headword is
   * "enterar", to inform; see `singularForms`), else a headword with the same stem ("Angriffs" →
   * Angriff), else the dictionary form a Russian ending points to ("выиграл" →
   * выиграть, "музея" → музей; see lemmas.ts), which comes last so that no word the stem translated
   * changes. The table's news senses replace a few headwords' ("родиться" → born); a question word
   * ("какие") asks for nothing. A compound's part is read as the shortest headword of its stem. An
   * adjective said in a superlative (`superlative`) is first read as the adjective it is a form of
   * ("größte" → groß, "большая" → большой; see `superlativeBases`), and a participle said after a
   * perfect tense's auxiliary (`participle`) as its verb ("ha costado" → costar, to cost, not
   * "costado", side; see `afterAuxiliary`).
   */
  translate(word: string, language: Language, superlative = false, participle = false): string[][] | undefined {
    const table = this.words.get(language);
    if (!table) return undefined;
    if (isInterrogative(word, language)) return [];
    const stems = this.stemsOf(language, table);
    const headword =
      (superlative ? firstFound(table, superlativeBases(word, language)) : undefined) ??
      (participle ? firstFound(table, participleVerbs(word, language)) : undefined) ??
      firstFound(table, irregularForms(word, language)) ??
      firstFound(table, verbCandidates(word, language)) ??
      firstFound(table, [word]) ??
      firstFound(table, yoSpellings(word)) ??
      firstFound(table, prefixedForms(word, language)) ??
      firstFound(table, participleCandidates(word, language)) ??
      firstFound(table, singularForms(word, language)) ??
      likeForm(word, stems.get(termOf(word, language)), table) ??
      firstFound(table, lemmaCandidates(word, language));
    if (headword !== undefined) return concepts(newsSenses(table.word(headword), language) ?? withYoTwin(table, headword));
    const parts = isCompounding(language) ? splitCompound(word, language, (stem) => (stems.has(stem) ? 1 : 0)) : undefined;
    return parts?.map((stem) => table.translations(shortest(stems.get(stem)!, table)));
  }

  /** The headwords `translate` takes a word of stem `stem` for (what `npm run bench:lexicon -- --compare` checks). */
  headwordsOfStem(stem: string, language: Language): string[] {
    const table = this.words.get(language);
    return table ? [...(this.stemsOf(language, table).get(stem) ?? [])].map((i) => table.word(i)) : [];
  }

  private stemsOf(language: Language, table: Headwords): StemGroups {
    let stems = this.stems.get(language);
    if (!stems) this.stems.set(language, (stems = StemGroups.of(table, language)));
    return stems;
  }
}

/**
 * How much longer or shorter than the question's word a headword with its stem may be: an ending's
 * worth. Past that the stemmer has cut the word down to another one ("родилась", was born → "род",
 * kin).
 */
const MAX_ENDING = 3;

/** Of the headwords sharing a word's stem, the one of a length near it that shares most of its letters. */
function likeForm(word: string, headwords: Iterable<number> | undefined, table: Headwords): number | undefined {
  let best: number | undefined;
  let shared = 0;
  for (const i of headwords ?? []) {
    const h = table.word(i);
    if (Math.abs(h.length - word.length) > MAX_ENDING) continue;
    let n = 0;
    while (n < h.length && h[n] === word[n]) n++;
    if (n > shared) [best, shared] = [i, n];
  }
  return best;
}

/**
 * A headword's translations, and those of its twin spelled with ё: Russian print leaves ё out
 * ("счет" for "счёт"), and the word list has both spellings as headwords, the one without ё
 * often with fewer senses ("счет" → count; "счёт" → account, bill, score).
 */
function withYoTwin(table: Headwords, headword: number): string[] {
  const own = table.translations(headword);
  const twins = yoSpellings(table.word(headword))
    .map((w) => table.find(w))
    .filter((i) => i >= 0)
    .flatMap((i) => table.translations(i));
  return twins.length ? [...new Set([...own, ...twins])] : own;
}

/** A Cyrillic word written without ё, with one of its е's read as ё ("лед" → лёд); none for a word with ё. */
function yoSpellings(word: string): string[] {
  if (!/[а-я]/u.test(word) || word.includes('ё')) return [];
  const out: string[] = [];
  for (let i = word.indexOf('е'); i >= 0; i = word.indexOf('е', i + 1)) out.push(`${word.slice(0, i)}ё${word.slice(i + 1)}`);
  return out;
}

/**
 * Of the headwords sharing a compound part's stem, the shortest: the part as a word of its own
 * ("Krieg", war), not a longer word the stemmer cut to it ("kriegen", to get).
 */
function shortest(headwords: Iterable<number>, table: Headwords): number {
  let best: number | undefined;
  for (const i of headwords) if (best === undefined || table.word(i).length < table.word(best).length) best = i;
  return best!;
}

/** The first of `words` that is a headword. */
function firstFound(table: Headwords, words: readonly string[]): number | undefined {
  for (const w of words) {
    const i = table.find(w);
    if (i >= 0) return i;
  }
  return undefined;
}

/**
 * A headword's translations as concepts: its one-word translations are alternatives for one; a
 * phrase (a word English says in two, "Heiligabend" → christmas_eve) is one concept per word, all wanted.
 */
function concepts(translations: readonly string[]): string[][] {
  const words = translations.filter((t) => !t.includes('_'));
  if (words.length) return [words];
  return translations[0]!.split('_').map((w) => [w]);
}

export const LEXICON_FILE = path.join(MODELS_DIR, 'lexicon.tsv.gz');

let installed: Lexicon | undefined;

/** The lexicon `npm run build-lexicon` installed, read on the first question that needs it; empty when there is none. */
export function installedLexicon(): Lexicon {
  installed ??= existsSync(LEXICON_FILE) ? Lexicon.parse(gunzipSync(readFileSync(LEXICON_FILE))) : Lexicon.empty;
  return installed;
}

/** Whether `installedLexicon` has read the word list yet (benchmarks report it beside the memory). */
export function installedLexiconRead(): boolean {
  return installed !== undefined;
}
