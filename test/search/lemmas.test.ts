import { describe, expect, it } from 'vitest';
import { afterAuxiliary, lemmaCandidates, participleCandidates, verbCandidates } from '../../src/search/lemmas.js';
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

describe('Spanish verb forms', () => {
  it('reads the preterite, the -ar imperfect and the future to the infinitives they may come from', () => {
    expect(verbCandidates('recibió', 'es')[0]).toBe('recibir');
    expect(verbCandidates('ganó', 'es')).toEqual(['ganar']);
    expect(verbCandidates('ganaron', 'es')).toEqual(['ganar']);
    expect(verbCandidates('construyó', 'es')).toContain('construir');
    expect(verbCandidates('utilizaba', 'es')).toEqual(['utilizar']);
    expect(verbCandidates('ganará', 'es')).toEqual(['ganar']);
  });

  it('puts back the stem vowel an -ir verb raises in the preterite', () => {
    expect(verbCandidates('consiguió', 'es')).toContain('conseguir');
    expect(verbCandidates('murió', 'es')).toContain('morir');
    expect(verbCandidates('pidieron', 'es')).toContain('pedir');
  });

  it('leaves endings nouns and adjectives share, and other languages', () => {
    expect(verbCandidates('unidos', 'es')).toEqual([]);
    expect(verbCandidates('compañía', 'es')).toEqual([]);
    expect(verbCandidates('llama', 'es')).toEqual([]);
    expect(verbCandidates('выиграл', 'ru')).toEqual([]);
  });
});

describe('the word list, for a form its stem does not reach', () => {
  const lexicon = Lexicon.parse(
    [
      'es\tgana\tdesire',
      'es\tganar\twin',
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
    expect(lexicon.translate('recibió', 'es')).toEqual([['receive']]);
    // The stem "gan" would find "gana" (desire); the preterite's ending says it is a verb.
    expect(lexicon.translate('ganó', 'es')).toEqual([['win']]);
  });

  it('keeps the headword the stem finds, so that no word translated before changes', () => {
    // "простых" (of simple ones) shares the stem "прост" with "простить"; its ending points to "простой".
    expect(lexicon.translate('простых', 'ru')).toEqual([['forgive']]);
  });
});

describe('Spanish and French past participles', () => {
  const lexicon = Lexicon.parse(
    [
      'es\tcostado\tside flank',
      'es\tcostar\tcost',
      'es\tenterrador\tundertaker gravedigger',
      'es\tenterrar\tbury inter',
      'es\tunido\tunited',
      'es\tunir\tjoin',
      'fr\tbattre\tbeat hit',
      'fr\tbattue\tdrive',
    ].join('\n'),
  );

  it('reads a participle as its verb before a noun of its stem ("enterrado": buried, not undertaker)', () => {
    expect(lexicon.translate('enterrado', 'es')).toEqual([['bury', 'inter']]);
    expect(lexicon.translate('enterradas', 'es')).toEqual([['bury', 'inter']]);
    expect(lexicon.translate('battu', 'fr')).toEqual([['beat', 'hit']]);
  });

  it('keeps the participle as an adjective where the word list has it, and a headword as it is', () => {
    expect(lexicon.translate('unidos', 'es')).toEqual([['united']]);
    expect(lexicon.translate('battue', 'fr')).toEqual([['drive']]);
    expect(participleCandidates('enterradas', 'es')).toEqual(['enterrado', 'enterrar']);
    expect(participleCandidates('vendues', 'fr')).toEqual(['vendu', 'vendre', 'vendoir']);
    expect(participleCandidates('gana', 'es')).toEqual([]);
  });

  it("reads a participle said after a perfect tense's auxiliary as its verb, not a noun spelled the same", () => {
    const said = afterAuxiliary(['cuánto', 'le', 'ha', 'costado', 'al', 'museo'], 'es');
    expect([...said]).toEqual(['costado']);
    expect(lexicon.translate('costado', 'es', false, said.has('costado'))).toEqual([['cost']]);
    expect(lexicon.translate('costado', 'es')).toEqual([['side', 'flank']]);
    expect([...afterAuxiliary(['qui', 'a', 't', 'il', 'battu', 'en', 'finale'], 'fr')]).toEqual(['battu']);
    expect([...afterAuxiliary(['el', 'costado', 'del', 'barco'], 'es')]).toEqual([]);
  });
});
