import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { MODELS_DIR } from '../app/models-dir.js';
import { isCompounding, splitCompound } from './compound.js';
import { LANGUAGES, type Language } from './language.js';
import { termOf } from './normalize.js';

/**
 * Words of other languages in English: what lets a question in German, Spanish, French or Russian
 * find English articles. Built from Debian's FreeDict dictionaries by `npm run build-lexicon` into
 * `models/lexicon.tsv.gz` (an optional install: the dictionaries are GPL, see models/README.md).
 * Each line: `language TAB word TAB translation translation…`, lowercased, one-word headwords; a
 * translation of several words has them joined by "_".
 */
export class Lexicon {
  /** Per language, each stem's headwords, built on first use. */
  private readonly stems = new Map<Language, Map<string, string[]>>();

  constructor(private readonly words: ReadonlyMap<Language, ReadonlyMap<string, readonly string[]>>) {}

  static readonly empty = new Lexicon(new Map());

  static parse(text: string): Lexicon {
    const words = new Map<Language, Map<string, string[]>>();
    for (const line of text.split('\n')) {
      const [language, word, translations] = line.split('\t');
      if (!word || !translations || !LANGUAGES.has(language as Language)) continue;
      let table = words.get(language as Language);
      if (!table) words.set(language as Language, (table = new Map()));
      table.set(word, translations.split(' '));
    }
    return new Lexicon(words);
  }

  /** Whether it translates words of `language`. */
  has(language: Language): boolean {
    return this.words.has(language);
  }

  /**
   * The English words a (lowercased) question word may stand for, as the concepts it holds (one, or
   * two for a compound the lexicon lacks: "Leichensäcke" → [corpse…], [bag…]), each with its
   * alternatives: the headword itself, else a headword with the same stem ("Angriffs" → Angriff).
   */
  translate(word: string, language: Language): string[][] | undefined {
    const table = this.words.get(language);
    if (!table) return undefined;
    const stems = this.stemsOf(language, table);
    const headword = table.has(word) ? word : likeForm(word, stems.get(termOf(word, language)));
    if (headword) return concepts(table.get(headword)!);
    const parts = isCompounding(language) ? splitCompound(word, language, (stem) => (stems.has(stem) ? 1 : 0)) : undefined;
    return parts?.map((stem) => [...table.get(stems.get(stem)![0]!)!]);
  }

  private stemsOf(language: Language, table: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
    let stems = this.stems.get(language);
    if (!stems) {
      stems = new Map();
      for (const [word, translations] of table) {
        // Words English says in a phrase are mostly German compounds and their forms, each its own
        // headword: stemming them too would double the time the first question waits for this table.
        if (translations[0]!.includes('_')) continue;
        const stem = termOf(word, language);
        const words = stems.get(stem);
        if (words) words.push(word);
        else stems.set(stem, [word]);
      }
      this.stems.set(language, stems);
    }
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
function likeForm(word: string, headwords: readonly string[] | undefined): string | undefined {
  let best: string | undefined;
  let shared = 0;
  for (const h of headwords ?? []) {
    if (Math.abs(h.length - word.length) > MAX_ENDING) continue;
    let n = 0;
    while (n < h.length && h[n] === word[n]) n++;
    if (n > shared) [best, shared] = [h, n];
  }
  return best;
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
  installed ??= existsSync(LEXICON_FILE) ? Lexicon.parse(gunzipSync(readFileSync(LEXICON_FILE)).toString('utf8')) : Lexicon.empty;
  return installed;
}
