import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { sentenceFit } from '../../src/search/check.js';
import { analyzeText, SearchIndex } from '../../src/search/index.js';
import { isNonAnswer } from '../../src/search/non-answer.js';
import { wordsOf } from '../../src/search/normalize.js';
import { queryGroups } from '../../src/search/query.js';
import { article, COUNCIL, TRANSFER } from './fixture.js';
import { where } from './helpers.js';

describe('a sentence that says what is not known', () => {
  it('is a non-answer: not identified, not determined, unclear, no comment, declined to say', () => {
    for (const s of [
      'The shooter, who was not immediately identified, fired through church windows.',
      'Police did not release the driver’s name.',
      'It is unclear how many people were inside.',
      'The cause of the fire has not been determined.',
      'The company did not respond to a request for comment.',
      'Officials declined to say how the suspect got in.',
      'No motive was given for the attack.',
      'The Senate’s vote count remains unclear.',
    ])
      expect(isNonAnswer(s), s).toBe(true);
  });

  it('is an answer when it says the thing, or goes on ", but" to say it', () => {
    for (const s of [
      'Authorities identified the shooter as Robin Westman, 23.',
      'The film was not released until 2020.',
      'Groundhogs are not known for their friendliness.',
      'The only way he doesn’t return to the team is if he retires.',
      'It is unclear how many students were vaccinated, but the health department reported around 40%.',
    ])
      expect(isNonAnswer(s), s).toBe(false);
  });
});

it("gives a non-answer no credit for the kind asked and half its share of the question's words", () => {
  const index = SearchIndex.build([article('crash', 'Crash', ['The driver of the truck crashed on the bridge.']), COUNCIL, TRANSFER]);
  const groups = queryGroups(index, ['driver', 'truck', 'bridge'], 'en');
  const fit = (sentence: string) =>
    sentenceFit(
      [{ sentence, words: wordsOf(sentence), terms: analyzeText(sentence, 'en') }],
      groups,
      new Set(),
      { kind: 'person' },
      new Set(['driver', 'truck', 'bridge']),
    );
  // Every word of the question and a new name: 1 for the words, 1 for the full name.
  expect(fit('The driver of the truck on the bridge spoke to Anna Ruiz.')).toBeCloseTo(2, 5);
  expect(fit('The driver of the truck on the bridge was not identified, Anna Ruiz said.')).toBeCloseTo(0.5, 5);
});

it('answers "who" with the paragraph that names the driver, not the line saying the driver was not identified', () => {
  // The non-answer names someone new too (the chief) and says every word of the question.
  const crash = article('crash', 'Truck plunges off Riverton bridge', [
    'The driver of the truck, who was not immediately identified, lost control on the bridge, Police Chief Anna Ruiz said.',
    'The truck fell 40 feet into the river before dawn on Tuesday.',
    'Police later named the driver as Dale Hensley, 41, of Riverton.',
  ]);
  const a = answer(SearchIndex.build([crash, COUNCIL, TRANSFER]), 'who was the driver of the truck on the bridge', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('crash#2');
});
