import { describe, expect, it } from 'vitest';
import { answer, explainAnswer, MIN_CONFIDENCE, SURE_CONFIDENCE } from '../../src/search/answer.js';
import { calibrated, DECLINE_BELOW } from '../../src/search/calibrate.js';
import { SearchIndex } from '../../src/search/index.js';
import { article, NEWS } from './fixture.js';
import { where } from './helpers.js';
import { realVectors } from './vectors.js';

// The calibrated confidence applies as the bot runs by default: English questions, word vectors on.
const vectors = await realVectors();
const index = SearchIndex.build(NEWS);

describe('the calibrated confidence', () => {
  it('is higher for a passage that answers the question than for the same passage under a question it does not answer', () => {
    const answers = answer(index, 'How much will the tram line cost?', { vectors });
    const mismatched = answer(index, 'How much does a tram ticket cost?', { vectors });
    expect(where(answers.passages[0])).toBe('council#1');
    expect(where(mismatched.passages[0])).toBe('council#1');
    expect(answers.confidence).toBeGreaterThan(mismatched.confidence!);
  });

  it('orders a paragraph that names what was asked above one that only shares a name with the question', () => {
    const sure = explainAnswer(index, 'When was Helena Marsh elected?', { vectors });
    const unsure = explainAnswer(index, 'How many people live in Riverton?', { vectors, minConfidence: 0 });
    expect(calibrated(sure.features!)).toBeGreaterThan(calibrated(unsure.features!) + 0.5);
  });

  it('declines a question about something the folder does not say, which the conviction alone would answer', () => {
    const q = 'How many people live in Riverton?';
    expect(answer(index, q, { vectors }).reason).toBe('not-found');
    expect(answer(index, q, { vectors, minConfidence: MIN_CONFIDENCE }).passages.length).toBeGreaterThan(0);
  });

  it('declines a passage about another place the calibrated confidence puts at the bottom of the "not sure" band', () => {
    // Port Elwin's river burst its banks; the folder says nothing of a flood in Riverton.
    const q = 'did the river in riverton flood';
    const shown = explainAnswer(index, q, { vectors, minConfidence: 0 });
    expect(where(shown.answer.passages[0])).toBe('storm#2');
    expect(shown.features!.conviction).toBeGreaterThan(SURE_CONFIDENCE);
    expect(calibrated(shown.features!)).toBeLessThan(DECLINE_BELOW);
    expect(answer(index, q, { vectors }).reason).toBe('not-found');
  });
});

describe('a question asking for an amount', () => {
  // A story that names the skate park but never says what it cost.
  const PARK = article('park', 'Late-night music puzzles a river town', [
    'For weeks, residents of Millbrook complained about loud music drifting across the river after midnight.',
    'Police chief Dana Ortiz followed the sound to the Seventh Street Skate Park, where a group of men played music from their cars.',
    'Ortiz said she bears no grudge against the men playing music at the skate park.',
    'The city plans to post signs asking visitors to keep the volume down after 10 p.m.',
  ]);
  const withPark = SearchIndex.build([...NEWS, PARK]);

  it('is declined when the best paragraph holds no number and the calibrated confidence does not favour it', () => {
    const q = 'how much was the skate park';
    const shown = explainAnswer(withPark, q, { vectors, minConfidence: 0 });
    expect(where(shown.answer.passages[0])).toBe('park#2');
    expect(shown.features?.kindMissing).toBe(1);
    // Above the bars a passage is otherwise declined or flagged "not sure" by.
    expect(calibrated(shown.features!)).toBeGreaterThan(0.3);
    expect(calibrated(shown.features!)).toBeLessThan(0.5);
    expect(answer(withPark, q, { vectors }).reason).toBe('not-found');
    // The amount asked for, where a paragraph says it, is answered as before.
    expect(answer(withPark, 'how much did the tram line cost', { vectors }).confidence).toBeGreaterThan(0.5);
  });

  it('is the only kind declined so: a date the paragraph seems to lack is still answered below the same bar', () => {
    const asked = explainAnswer(withPark, 'what day did the police chief go to the skate park', { vectors });
    expect(where(asked.answer.passages[0])).toBe('park#1');
    expect(asked.features?.kindMissing).toBe(1);
    expect(asked.answer.confidence).toBeLessThan(0.5);
  });
});
