import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { superlativeBases } from '../../src/search/lemmas.js';
import { Lexicon } from '../../src/search/lexicon.js';
import { degreesIn, englishSuperlative } from '../../src/search/superlative.js';
import { isStopword, tokenize } from '../../src/search/normalize.js';
import { article } from './fixture.js';
import { where } from './helpers.js';

// Two paragraphs about one planet's moons: the one naming the largest says "largest" only, the
// other holds the adjective's plain translations ("big", "large") and the question's other words.
const MOONS = SearchIndex.build([
  article('moons', 'Astronomers count the moons of Kepler', [
    'A big telescope found a new small moon of Kepler, a large step for the team.',
    'Tarvo is the largest moon of Kepler, and it orbits far from the planet.',
  ]),
  article('weather', 'Cold snap across the Midwest', [
    'Temperatures fell below zero across the Midwest, and schools closed in Chicago.',
    'Forecasters expect the airport delays to ease by the weekend as the storm moves east.',
  ]),
]);

const LEXICON = Lexicon.parse(
  [
    'es\tgrande\tgreat big large major',
    'es\tluna\tmoon',
    'fr\tgrand\tgreat big large major',
    'fr\tgrande\treally',
    'fr\tlune\tmoon',
    'de\tgroß\tgreat big large',
    'de\tmond\tmoon',
    'ru\tбольшой\tgreat big large',
    'ru\tбольший\tmore major',
    'ru\tкрупный\tbig large',
    'ru\tспутник\tmoon satellite',
  ].join('\n'),
);
const ask = (q: string) => answer(MOONS, q, { lexicon: LEXICON });

describe('an adjective said in a superlative in another language', () => {
  it('is searched as its English superlatives ("más grande", "la plus grande", "der größte", "самый большой", "крупнейший")', () => {
    for (const q of [
      '¿Cuál es la luna más grande de Kepler?',
      'Quelle est la plus grande lune de Kepler ?',
      'Was ist der größte Mond von Kepler?',
      'Какой самый большой спутник у Kepler?',
      'Какой крупнейший спутник у Kepler?',
    ])
      expect(where(ask(q).passages[0]), q).toBe('moons#1');
  });

  it('reads a comparison as no superlative ("más grande que")', () => {
    const words = tokenize('¿Es la luna más grande que la Tierra?').map((t) => t.word);
    expect(degreesIn(words, 'es', new Set(), (w) => !isStopword(w, 'es')).get('grande')).toBeUndefined();
  });

  it('leaves a capitalized German noun ending like one alone ("Küste", "Fürsten")', () => {
    const words = tokenize('Wo liegt die Küste der Fürsten?').map((t) => t.word);
    const degrees = degreesIn(words, 'de', new Set(['küste', 'fürsten']), (w) => !isStopword(w, 'de'));
    expect(degrees.size).toBe(0);
  });
});

describe('English superlatives and the adjectives said in one', () => {
  it('spells the superlative as English does', () => {
    expect(['large', 'big', 'great', 'early', 'long', 'hot', 'new', 'good'].map(englishSuperlative)).toEqual([
      'largest',
      'biggest',
      'greatest',
      'earliest',
      'longest',
      'hottest',
      'newest',
      'best',
    ]);
  });

  it('finds the adjective behind the suffix, its consonant or umlaut undone', () => {
    expect(superlativeBases('высочайший', 'ru')).toContain('высокий');
    expect(superlativeBases('крупнейшего', 'ru')).toContain('крупный');
    expect(superlativeBases('большая', 'ru')).toContain('большой');
    expect(superlativeBases('ältesten', 'de')).toContain('alt');
    expect(superlativeBases('größte', 'de')).toContain('groß');
    expect(superlativeBases('grandes', 'fr')[0]).toBe('grand');
    expect(superlativeBases('altas', 'es')[0]).toBe('alto');
  });
});
