import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { SENTENCE_CANDIDATES } from '../../src/search/sentences.js';
import type { SentenceModel } from '../../src/search/types.js';
import { article } from './fixture.js';
import { where } from './helpers.js';

/**
 * A stand-in for a sentence model that knows a few things words alone do not: that Ethiopia is in
 * east Africa, that a shot is a vaccine. Each text becomes a count of the ideas its words name.
 */
const IDEAS: Record<string, number> = {
  african: 0,
  africa: 0,
  ethiopian: 0,
  ethiopia: 0,
  vaccine: 1,
  shot: 1,
  investigating: 2,
  investigation: 2,
  un: 3,
};
function fakeModel(): SentenceModel & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    embed(texts) {
      calls.push([...texts]);
      return texts.map((t) => {
        const v = new Float32Array(4);
        for (const w of t.toLowerCase().match(/\p{L}+/gu) ?? []) if (w in IDEAS) v[IDEAS[w]!]! += 1;
        return v;
      });
    },
  };
}

const UN = article('un', 'United Nations', [
  'The UN is investigating complaints from the nation’s capital about the count of votes.',
  'The UN is investigating a massacre in an Ethiopian village, where fighting has gone on for months.',
]);
const MUSEUM = article('museum', 'Museum reopens', ['The city museum reopened its east wing after two years of repairs to the roof.']);
const index = SearchIndex.build([UN, MUSEUM]);
const QUESTION = 'Which east African nation is the UN investigating?';

describe('the sentence model (SENTENCE_MODEL=on)', () => {
  it('puts first the candidate that says what the question asks, in other words', () => {
    expect(where(answer(index, QUESTION, { minConfidence: 0 }).passages[0])).toBe('un#0');
    expect(where(answer(index, QUESTION, { minConfidence: 0, sentences: fakeModel() }).passages[0])).toBe('un#1');
  });

  it('reads the question and only the best few candidates, in one batch', () => {
    const many = SearchIndex.build(
      Array.from({ length: 12 }, (_, i) => article(`a${i}`, `Story ${i}`, [`The UN is investigating case number ${i} this week.`])),
    );
    const model = fakeModel();
    answer(many, QUESTION, { minConfidence: 0, sentences: model });
    expect(model.calls).toHaveLength(1);
    expect(model.calls[0]![0]).toBe(QUESTION);
    expect(model.calls[0]!.length).toBe(1 + SENTENCE_CANDIDATES);
  });

  it('declines a passage that shares the question’s words but not its meaning', () => {
    const question = 'Why was the wing closed for two years?';
    expect(answer(index, question).passages).not.toHaveLength(0);
    // A model that finds nothing in common between the question and any paragraph.
    const blind: SentenceModel = { embed: (texts) => texts.map((_, i) => Float32Array.from([i === 0 ? 1 : 0, i === 0 ? 0 : 1])) };
    expect(answer(index, question, { sentences: blind }).reason).toBe('not-found');
  });

  it('answers as without it when the model fails', () => {
    const broken: SentenceModel = {
      embed: () => {
        throw new Error('out of memory');
      },
    };
    const question = 'Why was the wing closed for two years?';
    const without = answer(index, question);
    const withBroken = answer(index, question, { sentences: broken });
    expect(withBroken.passages.map(where)).toEqual(without.passages.map(where));
    expect(withBroken.passages).not.toHaveLength(0);
  });

  it('is not asked about questions in other languages (it reads English)', () => {
    const model = fakeModel();
    answer(index, '¿Qué nación investiga la ONU?', { sentences: model });
    expect(model.calls).toHaveLength(0);
  });
});
