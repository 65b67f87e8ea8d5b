/** English month names, January first, lower-cased as the question's words are. */
export const MONTHS: readonly string[] = 'january february march april may june july august september october november december'.split(' ');

/** How readers and the news shorten months ("sept", "Dec."), to the full name. */
export const MONTH_ABBREVIATIONS: Readonly<Record<string, string>> = {
  jan: 'january',
  feb: 'february',
  mar: 'march',
  apr: 'april',
  jun: 'june',
  jul: 'july',
  aug: 'august',
  sep: 'september',
  sept: 'september',
  oct: 'october',
  nov: 'november',
  dec: 'december',
};

/** Every English month word, whole or shortened. */
export const MONTH_WORDS: ReadonlySet<string> = new Set([...MONTHS, ...Object.keys(MONTH_ABBREVIATIONS)]);
