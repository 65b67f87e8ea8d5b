import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { asksOutcome, reportsOutcome } from '../../src/search/fit.js';
import { SearchIndex } from '../../src/search/index.js';
import { article } from './fixture.js';

// Invented stories: the awards night's results, and a later year-end chart story that names the
// nominees for the next awards night in the question's very words.
const RESULTS = {
  ...article('awards-recap', 'Riverton music awards recap', [
    'Mara Lind won album of the year at the Riverton music awards on Sunday for "Tidewater", her third record.',
    'The Harbour Band took home the award for best new act, and Ellis Crane won best song.',
  ]),
  published: '2022-04-03',
};
const CHART = {
  ...article('year-end-chart', 'The most streamed records of the year', [
    'The most streamed album of the year, by Juno Vale, has since been nominated for album of the year at the upcoming Riverton music awards.',
    'Juno Vale also topped the list of the most streamed artists of the year, ahead of the Harbour Band.',
  ]),
  published: '2022-11-30',
};
const index = SearchIndex.build([RESULTS, CHART]);

describe('an outcome asked', () => {
  it('is asked by "won" or "winner", and reported by "won", "took" or "beat", not by "nominated"', () => {
    expect(asksOutcome(['who', 'won', 'album', 'of', 'the', 'year'])).toBe(true);
    expect(asksOutcome(['who', 'was', 'the', 'winner'])).toBe(true);
    // "As a result of" asks no outcome.
    expect(asksOutcome(['nine', 'died', 'as', 'a', 'result', 'of', 'a', 'crowd', 'surge', 'in', 'which', 'state'])).toBe(false);
    expect(asksOutcome(['who', 'is', 'nominated', 'for', 'album', 'of', 'the', 'year'])).toBe(false);
    expect(reportsOutcome('Mara Lind won album of the year.')).toBe(true);
    expect(reportsOutcome('The Harbour Band took home the award.')).toBe(true);
    expect(reportsOutcome('It has been nominated for album of the year at the upcoming awards.')).toBe(false);
    expect(reportsOutcome('It has a good chance of beating out the favourite.')).toBe(false);
  });

  it('is answered by the story that reports it, not by a newer one naming the nominees', () => {
    const top = (q: string) => answer(index, q, { today: '2026-12-02' }).passages[0]?.article.id;
    expect(top('who won album of the year at the latest riverton music awards')).toBe('awards-recap');
    expect(top('who won album of the year at the riverton music awards')).toBe('awards-recap');
    // Without an outcome asked, the newer story may answer.
    expect(top('which album was nominated for album of the year at the latest riverton music awards')).toBe('year-end-chart');
  });
});
