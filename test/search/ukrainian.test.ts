import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { detectLanguage } from '../../src/search/language.js';
import { isStopword, tokenize } from '../../src/search/normalize.js';
import { article, RUSSIAN } from './fixture.js';
import { where } from './helpers.js';

const KYIV = article('metro', 'У Києві відкрили нову станцію метро', [
  'У Києві в понеділок відкрили нову станцію метро на лівому березі Дніпра, її будівництво тривало шість років.',
  'Станція коштувала місту понад два мільярди гривень, а першими пасажирами стали мешканці сусідніх районів.',
]);

describe('Ukrainian', () => {
  it('is told from Russian by its own stopwords and letters', () => {
    const words = (s: string) => tokenize(s).map((t) => t.word);
    expect(detectLanguage(words('Скільки коштувала нова станція метро, яку відкрили у Києві?'))).toBe('uk');
    expect(detectLanguage(words('Сколько стоило строительство моста через Волгу?'))).toBe('ru');
    expect(isStopword('який', 'uk')).toBe(true);
    expect(isStopword('станція', 'uk')).toBe(false);
  });

  it('a Ukrainian question finds the Ukrainian article beside a Russian one', () => {
    const index = SearchIndex.build([RUSSIAN, KYIV]);
    expect(where(answer(index, 'Хто стали першими пасажирами нової станції?').passages[0])).toBe('metro#1');
  });
});
