import { describe, expect, it } from 'vitest';
import { answer, explainAnswer, MIN_CONFIDENCE } from '../../src/search/answer.js';
import { calibrated } from '../../src/search/calibrate.js';
import { SearchIndex } from '../../src/search/index.js';
import { NEWS } from './fixture.js';
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
});
