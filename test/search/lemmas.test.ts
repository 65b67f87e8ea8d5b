import { describe, expect, it } from 'vitest';
import { lemmaCandidates } from '../../src/search/lemmas.js';
import { Lexicon } from '../../src/search/lexicon.js';

describe('dictionary forms of inflected words', () => {
  it('reads Russian verbs, nouns and adjectives to their dictionary forms', () => {
    expect(lemmaCandidates('выиграл', 'ru')).toContain('выиграть');
    expect(lemmaCandidates('имеет', 'ru')).toContain('иметь');
    expect(lemmaCandidates('использует', 'ru')).toContain('использовать');
    expect(lemmaCandidates('музея', 'ru')).toContain('музей');
    expect(lemmaCandidates('записи', 'ru')).toContain('запись');
    expect(lemmaCandidates('горных', 'ru')).toContain('горный');
    expect(lemmaCandidates('старейшего', 'ru')).toContain('старый');
  });

  it('keeps a reflexive verb’s -ся and tries it without, and puts back a vowel the stem drops', () => {
    const reflexive = lemmaCandidates('используется', 'ru');
    expect(reflexive.indexOf('использоваться')).toBeLessThan(reflexive.indexOf('использовать'));
    expect(lemmaCandidates('мешков', 'ru')).toContain('мешок');
    expect(lemmaCandidates('чисел', 'ru')).toContain('число');
  });

  it('has no candidates in another language, nor the word itself', () => {
    expect(lemmaCandidates('liegt', 'de')).toEqual([]);
    expect(lemmaCandidates('recibió', 'es')).toEqual([]);
    expect(lemmaCandidates('выиграл', 'ru')).not.toContain('выиграл');
  });
});

describe('the word list, for a form its stem does not reach', () => {
  const lexicon = Lexicon.parse(
    [
      'es\trecibir\treceive',
      'ru\tвыиграть\twin',
      'ru\tиметь\thave',
      'ru\tмузей\tmuseum',
      'ru\tпростить\tforgive',
      'ru\tпростой\tsimple',
      'ru\tчисло\tnumber',
    ].join('\n'),
  );

  it('translates it through the dictionary form its ending points to', () => {
    expect(lexicon.translate('выиграл', 'ru')).toEqual([['win']]);
    expect(lexicon.translate('имеет', 'ru')).toEqual([['have']]);
    expect(lexicon.translate('музея', 'ru')).toEqual([['museum']]);
    expect(lexicon.translate('чисел', 'ru')).toEqual([['number']]);
    expect(lexicon.translate('recibió', 'es')).toBeUndefined();
  });

  it('keeps the headword the stem finds, so that no word translated before changes', () => {
    // "простых" (of simple ones) shares the stem "прост" with "простить"; its ending points to "простой".
    expect(lexicon.translate('простых', 'ru')).toEqual([['forgive']]);
  });
});
