import { describe, expect, it } from 'vitest';
import { latinForms, SoundVocabulary, soundKey } from '../../src/search/names.js';

describe('Cyrillic names and their Latin spellings', () => {
  const vocabulary = new SoundVocabulary([
    'griner',
    'smith',
    'chris',
    'cross',
    'rock',
    'rick',
    'nashville',
    'vance',
    'kirchner',
    'houston',
    'biden',
    'putin',
    'doom',
    'angeles',
    'granger',
    'charles',
    'james',
    'wane',
    'wanes',
    'harvard',
    'edinburgh',
    'methodist',
    'newton',
    'andrew',
    'einstein',
    'stuttgart',
  ]);
  const closest = (cyrillic: string) => vocabulary.match(cyrillic)[0]?.word;

  it('finds the name Russian writes by its sound', () => {
    expect(closest('Грайнер')).toBe('griner');
    expect(closest('Смит')).toBe('smith');
    expect(closest('Вэнс')).toBe('vance');
    expect(closest('Хьюстон')).toBe('houston');
    expect(closest('Кирхнер')).toBe('kirchner');
  });

  it('hears English "ew" as the "ью" Russian writes, and reads шт and шп as German names’ st and sp', () => {
    expect(closest('Ньютона')).toBe('newton');
    expect(closest('Эндрю')).toBe('andrew');
    expect(closest('Эйнштейн')).toBe('einstein');
    expect(closest('Штутгарта')).toBe('stuttgart');
  });

  it('finds a name in another case than the nominative', () => {
    expect(closest('Криса')).toBe('chris');
    expect(closest('Рока')).toBe('rock');
    expect(closest('Нэшвилле')).toBe('nashville');
    expect(closest('Байдена')).toBe('biden');
    expect(closest('Путину')).toBe('putin');
  });

  it('finds the name an adjective is made of ("Гарвардская": Harvard)', () => {
    expect(closest('Гарвардская')).toBe('harvard');
    expect(closest('Эдинбургскому')).toBe('edinburgh');
    expect(closest('методистскую')).toBe('methodist');
  });

  it('hears an English g before e or i as j, and a final -es as s where the word is no plural', () => {
    expect(closest('Анджелеса')).toBe('angeles');
    expect(closest('Грейнджера')).toBe('granger');
    expect(closest('Чарльза')).toBe('charles');
    expect(closest('Джеймс')).toBe('james');
    // э is also the short a Russian hears in "Vance".
    expect(vocabulary.match('Вэнс')[0]).toEqual({ word: 'vance', edits: 0 });
    // "wanes" is the plural of "wane", not a name said "wans".
    expect(vocabulary.match('Уэйнс').map((m) => m.word)).not.toContain('wanes');
  });

  it('ranks the closest spelling first among words that sound alike', () => {
    expect(vocabulary.match('Криса').map((m) => m.word)).toEqual(['chris', 'cross']);
    expect(vocabulary.match('Рока').map((m) => m.word)).toEqual(['rock', 'rick']);
  });

  it('matches nothing that does not sound like it', () => {
    expect(vocabulary.match('Ковальски')).toEqual([]);
  });

  it('keys English spellings by sound: silent letters dropped, sounds Russian writes alike merged', () => {
    expect(soundKey('Smith')).toBe(soundKey('smit'));
    expect(soundKey('Vance')).toBe(soundKey('vens'));
    expect(soundKey('Nashville')).toBe(soundKey('neshvill'));
    expect(soundKey('Biden')).not.toBe(soundKey('Putin'));
    expect(latinForms('Уэльс')).toContain('wels');
  });
});
