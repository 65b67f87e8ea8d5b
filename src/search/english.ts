import { stemmer as porter } from 'stemmer';

/**
 * English stemming: the Porter stemmer (the `stemmer` package; Orama's English stemmer cuts "-tion"
 * short: election → elec, elected → elect) after one step it lacks. Porter drops a final e only past
 * a long enough stem ("argue" → "argu"), while "-ed", "-ing" and "-ies" go whatever the length, so a
 * short verb ending in a vowel and e was two terms: "sue" but "sued", "suing" → "su"; "die" but
 * "died", "dies" → "di"; "clue" but "clued" → "clu". Such a stem loses its e too. Only after u, i
 * and y: names end in "-oe" and "-ae" (Joe, Roe, UAE) far more often than verbs do.
 * Both the index and the question go through `termOf`, so they agree.
 */
export function stemEnglish(word: string): string {
  const stem = porter(word);
  return stem.length <= SHORT && /[iuy]e$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** Porter keeps the e of stems this short (a longer one's e goes in its step 5). */
const SHORT = 4;
