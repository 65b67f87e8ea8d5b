import { describe, expect, it } from 'vitest';
import { confidence } from '../../src/search/rank.js';
import { SearchIndex } from '../../src/search/index.js';
import { COUNCIL, STORM } from './fixture.js';

describe('confidence', () => {
  const index = SearchIndex.build([COUNCIL, STORM]);

  it('is 0, not NaN, for a question with no words to look for (so the bot abstains rather than answers)', () => {
    expect(confidence(index, [], ['tram', 'line'])).toBe(0);
  });

  it("is above 0 for a paragraph with the question's word, and 0 for one without it", () => {
    const groups = [{ word: 'tram', terms: [{ term: 'tram', weight: 1 }], idf: 1 }];
    expect(confidence(index, groups, ['tram', 'council'])).toBeGreaterThan(0);
    expect(confidence(index, groups, ['storm', 'flood'])).toBe(0);
  });
});
