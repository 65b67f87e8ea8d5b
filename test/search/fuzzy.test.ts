import Fuse from 'fuse.js';
import { describe, expect, it, vi } from 'vitest';
import { allowedEdits, editDistance, FuzzyVocabulary } from '../../src/search/fuzzy.js';

describe('allowedEdits (AUTO fuzziness)', () => {
  it('allows no edit below 3 letters, 1 up to 5 letters, 2 beyond', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 12, 30].map(allowedEdits)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 2]);
  });
});

describe('editDistance (optimal string alignment)', () => {
  it.each([
    ['election', 'election', 0],
    ['election', 'elction', 1], // dropped
    ['election', 'ellection', 1], // doubled
    ['election', 'electoin', 1], // adjacent swap counts as one edit
    ['election', 'elektion', 1], // replaced
    ['form', 'from', 1],
    ['ab', 'ba', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['мост', 'мосты', 1],
    ['elektoin', 'election', 2], // replaced and swapped
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
    expect(editDistance(b, a, 5)).toBe(d);
  });

  it('gives up past max, answering max + 1', () => {
    expect(editDistance('kitten', 'sitting', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('storm', 'tower', 1)).toBe(2);
    expect(editDistance('storm', 'storms', 1)).toBe(1);
  });
});

describe('FuzzyVocabulary', () => {
  const vocabulary = new FuzzyVocabulary([
    'council',
    'counsel',
    'election',
    'elections',
    'tram',
    'team',
    'storm',
    'striker',
    'exoplanet',
    'astronomers',
    'evacuated',
    'строительство',
    'zürich',
    'of',
  ]);
  const words = (w: string) => vocabulary.search(w).map((m) => m.word);

  it.each([
    ['councl', 'council'], // dropped
    ['councill', 'council'], // doubled
    ['cuoncil', 'council'], // swapped
    ['ocuncil', 'council'], // the first two letters swapped
    ['tsorm', 'storm'],
    ['exoplnaet', 'exoplanet'],
    ['astronmers', 'astronomers'],
    ['evacuatted', 'evacuated'],
    ['elektion', 'election'],
    ['strikre', 'striker'],
    ['stomr', 'storm'],
    ['строительтсво', 'строительство'],
    ['zürrich', 'zürich'],
  ])('%s → %s first', (typo, intended) => {
    const found = vocabulary.search(typo);
    expect(found[0]?.word).toBe(intended);
    expect(found[0]!.edits).toBe(1);
  });

  it('reports each match with its edits, closest first, at most limit', () => {
    const found = vocabulary.search('electon');
    expect(found[0]).toEqual({ word: 'election', edits: 1 });
    expect(found.map((m) => m.word)).toContain('elections');
    expect(found.find((m) => m.word === 'elections')!.edits).toBe(2);
    expect(found.map((m) => m.edits)).toEqual([...found.map((m) => m.edits)].sort((a, b) => a - b));
    expect(vocabulary.search('electon', 1)).toHaveLength(1);
  });

  it('finds a word two edits away when it is longer than 5 letters', () => {
    expect(words('elektoin')).toContain('election');
    expect(words('exoplnet')).toContain('exoplanet');
  });

  it('respects the AUTO bound: a short word two edits away is not matched', () => {
    expect(words('trip')).not.toContain('tram'); // 4 letters, 2 edits
    expect(words('storm')).toEqual([]); // the word itself is not a correction of itself
    expect(words('strom')).toEqual(['storm']);
    expect(words('sotrn')).toEqual([]); // 5 letters, 2 edits
    expect(words('cuonsl')).not.toContain('council'); // 6 letters, 3 edits
  });

  it('never corrects words under 3 letters', () => {
    expect(words('ot')).toEqual([]);
    expect(words('fo')).toEqual([]);
  });

  it('does not offer a word with no letters in common', () => {
    expect(words('xyzzyq')).toEqual([]);
  });
});

describe('FuzzyVocabulary searched at two limits', () => {
  it('gives the start of the longer list for the shorter limit, from one search of the vocabulary', () => {
    const words = ['election', 'elections', 'elected', 'selection', 'erection', 'electron', 'elector', 'ejection', 'eviction', 'electing'];
    const vocabulary = new FuzzyVocabulary(words);
    const search = vi.spyOn(Fuse.prototype, 'search');
    try {
      const long = vocabulary.search('electon', 12);
      const searches = search.mock.calls.length;
      expect(long.length).toBeGreaterThan(3);
      expect(vocabulary.search('electon', 3)).toEqual(long.slice(0, 3));
      expect(search.mock.calls.length).toBe(searches);
    } finally {
      search.mockRestore();
    }
  });
});

describe('FuzzyVocabulary among many near words', () => {
  it('finds a swapped pair of letters however many words of its first letter and length there are', () => {
    // 256 words two slips from "fiar" ("fibc", "fibd", …): a ranked search that keeps only its best
    // guesses per slice scores the swap as two slips too, and never got to "fair".
    const consonants = 'bcdghjklmnpstvwz';
    const filler = [...consonants].flatMap((a) => [...consonants].map((b) => `fi${a}${b}`));
    expect(new FuzzyVocabulary([...filler, 'fair']).search('fiar')).toEqual([{ word: 'fair', edits: 1 }]);
  });
});
