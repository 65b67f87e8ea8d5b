import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { article } from './fixture.js';
import { topOf } from './helpers.js';

// A story that names its subject in the headline and then only now and again in the text, as news
// stories and encyclopedia entries do.
const FESTIVAL = article('festival', 'Riverton Harbour Festival', [
  'The Riverton Harbour Festival returns this weekend: the Riverton Harbour Festival fills the harbour of Riverton with boats, bands and food stalls.',
  'Organisers expect twelve thousand visitors on Saturday, and the fireworks start at ten in the evening.',
  'Parking near the water is closed for both days; extra buses run from the station every ten minutes.',
]);
const COUNCIL = article('council', 'Council approves new budget', [
  'The town council approved next year’s budget on Tuesday after a long debate about road repairs.',
  'Fireworks at the winter market were cancelled last year because of the storm.',
]);
const index = SearchIndex.build([FESTIVAL, COUNCIL]);
const top = topOf(index);

describe('the headline', () => {
  it('counts for every paragraph of its story, so the paragraph that answers beats the one that repeats the headline', () => {
    expect(top('When do the fireworks of the Riverton Harbour Festival start?')).toBe('festival#1');
  });

  it('is not held against an answer that leaves the headline’s words to the headline', () => {
    expect(top('How often do buses run to the Riverton Harbour Festival?')).toBe('festival#2');
  });

  it('is no headline when it is only the opening of an untitled text', () => {
    const untitled = article('untitled', 'Mayor opens the new bridge over the river…', [
      'Mayor opens the new bridge over the river on Monday, two years after the old one was closed.',
    ]);
    const both = SearchIndex.build([untitled, FESTIVAL]);
    expect(both.headlineTerms[0]!.size).toBe(0);
    expect(both.headlineTerms[1]!.size).toBeGreaterThan(0);
  });
});
