import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { article } from './fixture.js';
import { where } from './helpers.js';

const FACTORY = article('werk', 'Neues aus dem Lindauer Werk', [
  'Im Werk entsteht eine Brücke aus Stahl, ihr Wert liegt bei zehn Millionen Euro.',
  'Die Brücke über die Leiblach baute die Firma Huber in nur vier Monaten.',
]);
const index = SearchIndex.build([FACTORY]);
const top = (question: string) => where(answer(index, question).passages[0]);

describe('German question words', () => {
  it('are not searched for, so "wer" does not pull up "Werk" and "Wert"', () => {
    expect(top('Wer baute die Brücke?')).toBe('werk#1');
  });
});
