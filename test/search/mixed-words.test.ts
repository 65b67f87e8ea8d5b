import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { queryGroups } from '../../src/search/query.js';
import { article } from './fixture.js';
import { topOf } from './helpers.js';

// Names with digits in them, as news writes them: a network, a summit, a phone.
const NETWORK = article('network', 'Universities upgrade their research network', [
  'The research network Internet2 connects more than three hundred universities across the country.',
  'Engineers upgraded the backbone of the network to four hundred gigabits over the summer.',
]);
const SUMMIT = article('summit', 'Leaders meet at the G20 summit', [
  'Leaders of the G20 gathered in Osaka to discuss trade tariffs and climate targets.',
  'The G7 finance ministers met a week earlier in Chantilly to prepare the talks.',
]);
const index = SearchIndex.build([NETWORK, SUMMIT]);
const top = topOf(index);

describe('words with digits', () => {
  it('reads a misspelled name with digits as the name', () => {
    expect(top('Which universities does Intrenet2 connect?')).toBe('network#0');
    expect(top('How many universities are on Itnernet2?')).toBe('network#0');
  });

  it('never corrects one number into another', () => {
    const [g20] = queryGroups(index, ['g21'], 'en');
    expect(g20!.terms.map((t) => t.term)).not.toContain('g20');
    const [year] = queryGroups(index, ['2021'], 'en');
    expect(year!.terms).toEqual([]);
  });
});
