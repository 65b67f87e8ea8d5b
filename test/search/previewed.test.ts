import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { previewedMonth } from '../../src/search/previewed.js';
import { renderAnswerPlain } from '../../src/replies/plain.js';
import { article, STORM, TRANSFER } from './fixture.js';

// A story written before the month it looks ahead to, and one reporting what came of its month.
const PREVIEW = {
  ...article('preview', 'Riverton mayor to unveil harbour plan', [
    'Mayor Helena Marsh said she would unveil the harbour redevelopment plan in June, after talks with the port authority.',
    'The plan is expected to include new housing and a ferry terminal on the east quay.',
  ]),
  published: '2025-03-02',
};
const REPORT = {
  ...article('report', 'Ferry fares rise in Port Elwin', [
    'Port Elwin raised ferry fares by 12 percent in March, citing the cost of fuel.',
    'Fares will rise again in March next year, the operator said.',
  ]),
  published: '2025-04-10',
};
const index = SearchIndex.build([PREVIEW, REPORT, STORM, TRANSFER]);
const words = (q: string) => q.split(' ');

describe('a month asked about in the past, of a story that only looks ahead to it', () => {
  it('is a month after "in" or "on" that every sentence of the article writing it looks ahead to', () => {
    expect(previewedMonth(words('what did the riverton mayor unveil in june'), [], PREVIEW)).toBe('June');
    // Asked ahead, a preview answers.
    expect(previewedMonth(words('what will the riverton mayor unveil in june'), [], PREVIEW)).toBeUndefined();
    // A year named is judged as a year.
    expect(previewedMonth(words('what did the riverton mayor unveil in june 2025'), ['2025'], PREVIEW)).toBeUndefined();
    // A story that also reports the month may answer, though another of its sentences looks ahead.
    expect(previewedMonth(words('how much did port elwin ferry fares rise in march'), [], REPORT)).toBeUndefined();
    // A month the article never writes says nothing; nor does a "may" that is no month.
    expect(previewedMonth(words('what did the mayor unveil in july'), [], PREVIEW)).toBeUndefined();
    expect(previewedMonth(words('what did the mayor say may happen'), [], PREVIEW)).toBeUndefined();
  });

  it('counts against answering, and is noted when the answer is shown', () => {
    const asked = 'what did the riverton mayor unveil for the harbour in june';
    expect(answer(index, asked).reason).toBe('not-found');
    const shown = answer(index, asked, { minConfidence: 0 });
    expect(shown.passages[0]?.article.id).toBe('preview');
    expect(shown.mismatch).toEqual({ asked: 'June', shown: '2025-03-02', kind: 'event' });
    expect(renderAnswerPlain(shown).split('\n')[0]).toBe('I have nothing on “June”; the closest I have is from 2 March 2025:');
    expect(answer(index, 'what will the riverton mayor unveil for the harbour in june').passages[0]?.article.id).toBe('preview');
    expect(answer(index, 'how much did port elwin ferry fares rise in march').passages[0]?.article.id).toBe('report');
  });
});
