import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { VAGUE_WEIGHT } from '../../src/search/chat.js';
import { SearchIndex } from '../../src/search/index.js';
import { readQuestion } from '../../src/search/question.js';
import { article } from './fixture.js';
import { where } from './helpers.js';

const raid = article('raid', 'Agents search the mayor’s office', [
  'Agents seized 500 pages of privileged records from the mayor’s office on Tuesday, the prosecutor said.',
  'The mayor called the search a political stunt and said he had done nothing wrong.',
]);
// A quote that says the reader's vague words, and little else of the question.
const talk = article('talk', 'Lawyers argue over the search', [
  '“Maybe some of the stuff agents seized is privileged, maybe not,” his lawyer said. “That stuff is for a judge.”',
  'A hearing was set for next week.',
]);
const index = SearchIndex.build([raid, talk]);

describe('vague words readers put in place of the article’s noun', () => {
  it('are searched for less than the question’s other words', () => {
    const read = readQuestion(index, 'how many pages of maybe-privileged stuff did agents seize', {});
    const groups = 'groups' in read ? read.groups : [];
    const stuff = groups.find((g) => g.word === 'stuff')!;
    const pages = groups.find((g) => g.word === 'pages')!;
    expect(stuff.terms[0]!.weight).toBe(VAGUE_WEIGHT);
    expect(pages.terms[0]!.weight).toBe(1);
  });

  it('do not pull up a paragraph that only shares them', () => {
    expect(where(answer(index, 'how many pages of maybe-privileged stuff did agents seize', { minConfidence: 0 }).passages[0])).toBe('raid#0');
    expect(where(answer(index, 'what stuff did agents seize from the mayor', { minConfidence: 0 }).passages[0])).toBe('raid#0');
  });
});
