import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { article } from './fixture.js';

describe('freshness', () => {
  // Two reports of the same story, a year apart: the reader asking "what's new" wants the newer.
  const older = {
    ...article('ferry-2024', 'Ferry service resumes', [
      'The island ferry service resumed on Friday after repairs to the harbour crane, the port authority said.',
    ]),
    published: '2024-03-01',
  };
  const newer = {
    ...article('ferry-2025', 'Ferry service resumes', [
      'The island ferry service resumed on Friday after repairs to the harbour crane, the port authority said.',
    ]),
    published: '2025-03-01',
  };

  it('puts the newer article first when two passages answer equally well, in either folder order', () => {
    for (const articles of [
      [older, newer],
      [newer, older],
    ]) {
      const a = answer(SearchIndex.build(articles), 'When did the island ferry service resume?');
      expect(a.passages.map((p) => p.article.id)).toEqual(['ferry-2025', 'ferry-2024']);
    }
  });

  it('never lets a newer but worse paragraph overtake a clearly better one', () => {
    const unrelated = {
      ...article('ferry-2026', 'Port news', ['The port authority said the harbour crane will be painted next spring.']),
      published: '2026-01-01',
    };
    const a = answer(SearchIndex.build([older, unrelated]), 'When did the island ferry service resume?');
    expect(a.passages[0]?.article.id).toBe('ferry-2024');
  });
});
