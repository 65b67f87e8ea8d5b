import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { queryGroups } from '../../src/search/query.js';
import { rankBm25 } from '../../src/search/rank.js';
import { article } from './fixture.js';

// Invented lines: many paragraphs share the question's words, several of them word for word (equal
// scores), so the few best must be picked among ties as a full sort would.
const LINES = Array.from({ length: 60 }, (_, i) =>
  i % 3 === 0
    ? 'The tram line to the harbour opens in spring, the council said.'
    : `Paragraph ${i} mentions the tram ${'and the harbour '.repeat(i % 5)}once.`,
);

describe('the first pass keeps the best candidates', () => {
  it('picks the same paragraphs, ties by position, as sorting them all', () => {
    const index = SearchIndex.build([article('a', 'Notes', LINES.slice(0, 30)), article('b', 'More notes', LINES.slice(30))]);
    const groups = queryGroups(index, ['tram', 'harbour', 'council'], 'en');
    const all = rankBm25(index, groups, 1000);
    expect(all.length).toBe(60);
    for (const k of [1, 5, 20, 25]) expect(rankBm25(index, groups, k)).toEqual(all.slice(0, k));
  });

  it('lets an equal score of an earlier paragraph in, even when a later word finds it', () => {
    // Ten lines hold only the second word, ten later ones only the first, at equal scores: the first
    // word's lines fill the candidates, and the earlier lines must still take their places.
    const harbour = Array.from({ length: 10 }, () => 'The harbour runs late again.');
    const tram = Array.from({ length: 10 }, () => 'The tram runs late again.');
    const index = SearchIndex.build([article('a', 'Notes', harbour), article('b', 'More notes', tram)]);
    const groups = queryGroups(index, ['tram', 'harbour'], 'en');
    const best = rankBm25(index, groups, 5);
    expect(best.map((r) => r.doc)).toEqual([0, 1, 2, 3, 4]);
    expect(best).toEqual(rankBm25(index, groups, 1000).slice(0, 5));
  });
});
