import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { CompoundVocabulary, splitCompound } from '../../src/search/compound.js';
import { SearchIndex } from '../../src/search/index.js';
import { termOf } from '../../src/search/normalize.js';
import { article } from './fixture.js';
import { topOf, where } from './helpers.js';

// A German local desk: words that questions ask about as compounds while the articles write them
// apart, or the other way round.
const LIBRARY = article('bibliothek', 'Lindau bekommt eine neue Bibliothek', [
  'Die neue Schwimmhalle der Stadt Lindau öffnet nach zwei Jahren Bauzeit im Juni.',
  'Die neue Bibliothek der Stadt Lindau öffnet im Mai, mit vierzigtausend Büchern und einem Lesesaal.',
]);
const FOOTBALL = article('fussball', 'Lindauer Fußballverein steigt auf', [
  'Der Fußballverein aus Lindau gewann am Sonntag gegen Bremen und steigt in die Regionalliga auf.',
  'Die Mannschaft spielte in dieser Saison in neuen Trikots.',
  'Das letzte Fußballspiel der Mannschaft in dieser Saison endete vor dreitausend Zuschauern drei zu null.',
  'Der Trainer sprach nach dem Spiel im Herbst über den Fußball in Lindau.',
]);
const index = SearchIndex.build([LIBRARY, FOOTBALL]);
const top = topOf(index);

describe('German compounds', () => {
  it('finds a paragraph for a compound the articles write as separate words', () => {
    expect(top('Wann öffnet die Stadtbibliothek?')).toBe('bibliothek#1');
  });

  it('finds a compound in the articles from one of its parts', () => {
    expect(top('Wie war das Spiel der Mannschaft in dieser Saison?')).toBe('fussball#2');
  });

  it('splits an unknown word into the two known parts that are most common', () => {
    const df = (t: string) => (t === termOf('stadt', 'de') ? 3 : t === termOf('bibliothek', 'de') ? 2 : 0);
    expect(splitCompound('stadtbibliothek', 'de', df)).toEqual([termOf('stadt', 'de'), termOf('bibliothek', 'de')]);
    // With a linking "s" between the parts.
    const df2 = (t: string) => (t === termOf('verteidigung', 'de') || t === termOf('spieler', 'de') ? 1 : 0);
    expect(splitCompound('verteidigungsspieler', 'de', df2)).toEqual([termOf('verteidigung', 'de'), termOf('spieler', 'de')]);
    expect(splitCompound('stadtbibliothek', 'de', () => 0)).toBeUndefined();
  });

  it('takes a prefixed word for no compound of its stem', () => {
    const vocabulary = new CompoundVocabulary(['spiel', 'beispiel', 'fussball', 'fussballspiel', 'spielzeit', 'zeit']);
    expect([...vocabulary.containing('spiel')].sort()).toEqual(['fussballspiel', 'spielzeit']);
  });
});

describe('German compounds misspelled', () => {
  const HARBOUR = article('mauer', 'Kappeln erneuert den Hafen', [
    'Die Hafenmauer von Kappeln bekommt neue Steine aus Granit.',
    'Am Hafen steht seit hundert Jahren eine Mauer aus Ziegeln.',
  ]);
  const harbour = SearchIndex.build([HARBOUR]);

  it('reads a word one letter off a compound of the articles as that compound, not as two other parts', () => {
    expect(where(answer(harbour, 'Was bekommt die Hafemauer?', { minConfidence: 0 }).passages[0])).toBe('mauer#0');
  });
});
