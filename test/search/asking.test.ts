import { describe, expect, it } from 'vitest';
import { askingWords } from '../../src/search/asking.js';
import { answerKind } from '../../src/search/fit.js';
import { tokenize } from '../../src/search/normalize.js';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { slotOf } from '../../src/search/slots.js';
import { article, COUNCIL, TRANSFER } from './fixture.js';
import { where } from './helpers.js';

const cues = (q: string) => {
  const tokens = tokenize(q);
  return askingWords(
    q,
    tokens,
    tokens.map((t) => t.word),
    'en',
  );
};
const kindOf = (q: string) => answerKind(cues(q));

describe('which "when" and "where" ask', () => {
  it('one opening a clause inside the question asks nothing: the question asks with its other words', () => {
    expect(kindOf('did anyone die when the delta plane flipped in toronto')).toBeUndefined();
    expect(kindOf('What happens to the norm when a number is multiplied by p?')).toBeUndefined();
    expect(kindOf('At least 12 people were injured when a crane collapsed this week in which major city?')).toBeUndefined();
    expect(kindOf('Who was sitting on the throne in England when the colonies declared independence?')).toBe('person');
    expect(slotOf(cues('Which country granted him citizenship, years after fleeing the US where he is wanted?'), undefined, 'en')).toBeUndefined();
  });

  it('one opening a sentence, ending one, after a preposition or a verb of saying, or before an auxiliary asks', () => {
    expect(kindOf('Five people were hurt. When did it happen?')).toBe('date');
    expect(kindOf('The tax rise is due to kick in when?')).toBe('date');
    expect(kindOf('the ozone layer will recover by when')).toBe('date');
    expect(kindOf('did the police say when the road opens')).toBe('date');
    expect(kindOf('nyc mayor election when is it')).toBe('date');
    expect(slotOf(cues('fedex scam txt where does the link take you'), undefined, 'en')).toEqual({ kind: 'place' });
  });

  it('one asks when the question has no other question word and is no yes-or-no question', () => {
    expect(kindOf('nyc marathon 2025 when the race starts')).toBe('date');
    expect(kindOf('did they catch the guy when he robbed the bait shop')).toBeUndefined();
  });

  it('"who" is read as it is: the person it describes is most often the one asked about', () => {
    expect(kindOf("what's the name of the fertility doctor who used his own sperm")).toBe('person');
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
