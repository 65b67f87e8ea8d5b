import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { article } from './fixture.js';
import { topOf } from './helpers.js';

const FACTORY = article('werk', 'Neues aus dem Lindauer Werk', [
  'Im Werk entsteht eine Brücke aus Stahl, ihr Wert liegt bei zehn Millionen Euro.',
  'Die Brücke über die Leiblach baute die Firma Huber in nur vier Monaten.',
]);
const index = SearchIndex.build([FACTORY]);
const top = topOf(index);

describe('German question words', () => {
  it('are not searched for, so "wer" does not pull up "Werk" and "Wert"', () => {
    expect(top('Wer baute die Brücke?')).toBe('werk#1');
  });
});
