import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { termOf } from '../../src/search/normalize.js';
import { article } from './fixture.js';
import { topOf } from './helpers.js';

const de = (word: string) => termOf(word, 'de');

// A harbour town's desk: paragraphs that share every word but the verb, so only the verb decides.
const HARBOUR = article('hafen', 'Neues vom Hafen in Kappeln', [
  'Im Sommer wollen die Arbeiter am Hafen von Kappeln einen Turm aus Holz bemalen.',
  'Im Sommer wollen die Arbeiter am Hafen von Kappeln einen Turm aus Holz bauen.',
  'Der Verein möchte die Geschichte des Hafens im Museum erzählen.',
  'Der Verein möchte die Geschichte des Hafens im Museum darstellen.',
]);
const index = SearchIndex.build([HARBOUR]);
const top = topOf(index);

describe('German past participles', () => {
  it('share the stem of the verb’s other forms', () => {
    expect(de('gebaut')).toBe(de('bauen'));
    expect(de('gegründete')).toBe(de('gründen'));
    expect(de('gekennzeichnet')).toBe(de('kennzeichnen'));
    // With a separable particle, "ge" stands inside the word.
    expect(de('dargestellt')).toBe(de('darstellen'));
    expect(de('ausgestatteten')).toBe(de('ausstatten'));
  });

  it('find the paragraph that uses another form of the question’s verb', () => {
    expect(top('Was wurde im Sommer am Hafen von Kappeln gebaut?')).toBe('hafen#1');
    expect(top('Was hat der Verein im Museum dargestellt?')).toBe('hafen#3');
  });

  it('leave nouns that merely begin with "ge" alone, in every form', () => {
    expect(de('gesellschaft')).toBe(de('gesellschaften'));
    expect(de('gesellschaft').startsWith('ge')).toBe(true);
    expect(de('gesundheit').startsWith('ge')).toBe(true);
    // A noun after a particle is too short a stem to be a participle: "Angebot", "Angebote" stay one.
    expect(de('angebote')).toBe(de('angebot'));
  });
});
