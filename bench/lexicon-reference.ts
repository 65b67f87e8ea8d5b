import { isCompounding, splitCompound } from '../src/search/compound.js';
import { LANGUAGES, type Language } from '../src/search/language.js';
import { termOf } from '../src/search/normalize.js';

/**
 * The word list as src/search/lexicon.ts held it before it kept the file's bytes: a Map of headword
 * to translations and one of stem to headwords. `npm run bench:lexicon -- --reference` measures it,
 * and `--compare` checks that the compact one translates every word as this one does.
 */
export class ReferenceLexicon {
  private readonly stems = new Map<Language, Map<string, string[]>>();

  constructor(private readonly words: ReadonlyMap<Language, ReadonlyMap<string, readonly string[]>>) {}

  static parse(text: string): ReferenceLexicon {
    const words = new Map<Language, Map<string, string[]>>();
    for (const line of text.split('\n')) {
      const [language, word, translations] = line.split('\t');
      if (!word || !translations || !LANGUAGES.has(language as Language)) continue;
      let table = words.get(language as Language);
      if (!table) words.set(language as Language, (table = new Map()));
      table.set(word, translations.split(' '));
    }
    return new ReferenceLexicon(words);
  }

  headwords(language: Language): Iterable<string> {
    return this.words.get(language)?.keys() ?? [];
  }

  translate(word: string, language: Language): string[][] | undefined {
    const table = this.words.get(language);
    if (!table) return undefined;
    const stems = this.stemsOf(language);
    const headword = table.has(word) ? word : likeForm(word, stems.get(termOf(word, language)));
    if (headword) return concepts(table.get(headword)!);
    const parts = isCompounding(language) ? splitCompound(word, language, (stem) => (stems.has(stem) ? 1 : 0)) : undefined;
    return parts?.map((stem) => [...table.get(stems.get(stem)![0]!)!]);
  }

  stemsOf(language: Language): Map<string, string[]> {
    let stems = this.stems.get(language);
    if (!stems) {
      stems = new Map();
      for (const [word, translations] of this.words.get(language) ?? []) {
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

function likeForm(word: string, headwords: readonly string[] | undefined): string | undefined {
  let best: string | undefined;
  let shared = 0;
  for (const h of headwords ?? []) {
    if (Math.abs(h.length - word.length) > 3) continue;
    let n = 0;
    while (n < h.length && h[n] === word[n]) n++;
    if (n > shared) [best, shared] = [h, n];
  }
  return best;
}

function concepts(translations: readonly string[]): string[][] {
  const words = translations.filter((t) => !t.includes('_'));
  if (words.length) return [words];
  return translations[0]!.split('_').map((w) => [w]);
}
