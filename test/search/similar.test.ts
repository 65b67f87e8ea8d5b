import { describe, expect, it } from 'vitest';
import { groupQuestions } from '../../src/search/similar.js';

const q = (text: string, language: string | null = null) => ({ text, language });

describe('grouping the questions readers wanted', () => {
  it('puts rewordings of one question together (case, punctuation, inflection, stopwords) and keeps others apart', () => {
    const groups = groupQuestions([
      q('When does the bridge reopen?', 'en'),
      q('when will the bridge be reopened', 'en'),
      q('Bridge reopening date?'),
      q('Who won the cup final?', 'en'),
      q('Когда откроют мост?', 'ru'),
      q('когда откроют мост', 'ru'),
    ]);
    expect(groups.map((g) => [g.text, g.questions.length])).toEqual([
      ['When does the bridge reopen?', 3],
      ['Когда откроют мост?', 2],
      ['Who won the cup final?', 1],
    ]);
  });

  it('names a group by the wording asked most often', () => {
    const groups = groupQuestions([q('price of bitcoin'), q('Price of Bitcoin?'), q('price of bitcoin'), q('PRICE OF BITCOIN ')]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.text).toBe('price of bitcoin');
  });
});
