import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { analyzeText, SearchIndex } from '../../src/search/index.js';
import { queryGroups } from '../../src/search/query.js';
import { confidence } from '../../src/search/rank.js';
import { article } from './fixture.js';
import { where } from './helpers.js';

const RACE = article('regata', 'La regata de Valdemar', [
  'En la regata del sábado frente al puerto de Valdemar, la joven remera Clara Ibáñez ganó dos medallas después de una temporada entera de entrenamiento en el club.',
  'Tomás Ferrer ganó medallas en Cádiz.',
]);
const index = SearchIndex.build([RACE]);

describe('number words on a stopword list', () => {
  it('are searched for: "dos" finds the paragraph with two medals, not a shorter one without', () => {
    expect(where(answer(index, '¿Quién ganó dos medallas?').passages[0])).toBe('regata#0');
  });

  it('count little as evidence that a paragraph is about the question (they fit any topic)', () => {
    const market = SearchIndex.build([
      article('mercado', 'El mercado de Olmedo', ['El mercado de Olmedo abre tres días por semana desde la reforma de la plaza.']),
    ]);
    const terms = analyzeText('El mercado de Olmedo abre tres días por semana desde la reforma de la plaza.', 'es');
    const groups = queryGroups(market, ['tres', 'satélites'], 'es');
    expect(groups[0]!.common).toBe(true);
    const asPlainWord = groups.map((g) => ({ ...g, common: false }));
    expect(confidence(market, groups, terms)).toBeLessThan(confidence(market, asPlainWord, terms) / 2);
    // The question about the market itself is still answered.
    expect(where(answer(market, '¿Cuántos días abre el mercado de Olmedo?').passages[0])).toBe('mercado#0');
  });
});
