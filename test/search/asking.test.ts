import { describe, expect, it } from 'vitest';
import { askingWords } from '../../src/search/asking.js';
import { answerKind } from '../../src/search/fit.js';
import { tokenize } from '../../src/search/normalize.js';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { article, COUNCIL, TRANSFER } from './fixture.js';
import { where } from './helpers.js';

const kindOf = (q: string) => {
  const tokens = tokenize(q);
  return answerKind(
    askingWords(
      q,
      tokens,
      tokens.map((t) => t.word),
      'en',
    ),
  );
};

describe('which "who", "when" and "where" ask', () => {
  it('one opening a clause inside the question asks nothing: the question asks with its other words', () => {
    expect(kindOf('did anyone die when the delta plane flipped in toronto')).toBeUndefined();
    expect(kindOf('What happens to the norm when a number is multiplied by p?')).toBeUndefined();
    expect(kindOf('At least 12 people were injured when a crane collapsed this week in which major city?')).toBeUndefined();
    expect(kindOf('Who was sitting on the throne in England when the colonies declared independence?')).toBe('person');
    expect(kindOf('Raymond Briggs, who died this week, was most celebrated for which book?')).toBeUndefined();
  });

  it('one opening a sentence, ending one, after a preposition or a verb of saying, or before an auxiliary asks', () => {
    expect(kindOf('Five people were hurt. When did it happen?')).toBe('date');
    expect(kindOf('The tax rise is due to kick in when?')).toBe('date');
    expect(kindOf('The dress was designed by who?')).toBe('person');
    expect(kindOf('did the police say who the driver was')).toBe('person');
    expect(kindOf('nyc mayor election when is it')).toBe('date');
  });

  it('one asks when the question has no other question word and is no yes-or-no question', () => {
    expect(kindOf('Prior to Manning, who was the oldest quarterback?')).toBe('person');
    expect(kindOf('2026 midterm election results who won the house')).toBe('person');
    expect(kindOf('did they catch the guy who robbed the bait shop')).toBeUndefined();
  });

  it('one written with a capital inside a sentence is a name', () => {
    expect(kindOf('What type of Lord is Doctor Who?')).toBeUndefined();
    expect(kindOf('What did the WHO say about the virus?')).toBeUndefined();
  });

  it("only in English: other languages' words are read as they are", () => {
    const q = 'Wo ist der Mann, der wann kam?';
    const tokens = tokenize(q);
    const words = tokens.map((t) => t.word);
    expect(askingWords(q, tokens, words, 'de')).toEqual(words);
  });
});

it('answers a yes-or-no question with "when" inside it by its words, not by the paragraph with a date', () => {
  const crash = article('crash', 'Plane flips on landing in Riverton', [
    'When a Delta plane flipped on landing in the snow at Riverton on Monday, the passengers hung upside down.',
    'All the passengers on the Delta plane survived, and nobody died.',
  ]);
  const a = answer(SearchIndex.build([crash, COUNCIL, TRANSFER]), 'did anyone die when the delta plane flipped in riverton', { minConfidence: 0 });
  expect(where(a.passages[0])).toBe('crash#1');
});
