import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { article } from './fixture.js';
import { topOf } from './helpers.js';

// Russian news writes foreign names in Latin letters; readers type them in Cyrillic.
const FACTORIES = article('factories', 'Новые заводы в Европе', [
  'Компания Volvo открыла новый завод в Гётеборге, где будут собирать электрические грузовики.',
  'Компания Tesla открыла новый завод под Берлином, где будут собирать электрические машины.',
]);
const BUDGET = article('budget', 'Бюджет города', ['Городской совет утвердил бюджет на следующий год после долгих споров.']);
const top = topOf(SearchIndex.build([FACTORIES, BUDGET]));

describe('a Cyrillic spelling of a Latin name', () => {
  it('finds the paragraph that writes the name in Latin letters', () => {
    expect(top('Где открыла завод компания Тесла?')).toBe('factories#1');
    expect(top('Где компания Вольво открыла завод?')).toBe('factories#0');
  });
});
