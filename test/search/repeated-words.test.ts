import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { article } from './fixture.js';
import { topOf } from './helpers.js';

// A quiz-style question names its subject twice: once in the setting, once in the ask.
const DIPLOMAT = article('diplomat', 'Court news', [
  'Kovrig has been held in a detention centre near Beijing since December.',
  'The espionage trial of two foreign nationals opened behind closed doors, drawing international criticism.',
]);
const WEATHER = article('weather', 'Storm warning', ['Heavy rain and wind are expected along the coast on Friday.']);
const top = topOf(SearchIndex.build([DIPLOMAT, WEATHER]));

describe('a word the question repeats', () => {
  it('counts each time it is said', () => {
    expect(top('Kovrig faces an espionage trial. Where is Kovrig held?')).toBe('diplomat#0');
  });
});
