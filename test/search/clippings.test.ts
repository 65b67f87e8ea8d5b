import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { wholeWordOf, withClippings } from '../../src/search/clippings.js';
import { SearchIndex } from '../../src/search/index.js';
import { WordVectors } from '../../src/search/vectors.js';
import { article } from './fixture.js';

// A boxing story that calls her "the champion" throughout, never "the champ", and a gym story with
// more of a question's other word ("train") than the boxing story has.
const FIGHT = article('fight', 'Title fight in Las Vegas', [
  'The champion trained in Big Bear for ten weeks before the fight, far from her family.',
  'The champion has not lost a round in three years.',
  'Tickets for the champion’s homecoming sold out within an hour.',
  'Her coach said the champion would fight again in the autumn.',
  'The champion thanked the crowd and the city of Las Vegas.',
  'Fans sprayed champagne in the ring after the decision.',
]);
const GYM = article('gym', 'A gym that never closes', [
  'Members train all night at the new downtown gym, and some train before work as well.',
  'The gym opened in March with forty machines.',
]);
const index = SearchIndex.build([FIGHT, GYM]);
// Word vectors that put "champ" beside "champion" and far from "champagne", which starts with it too.
const WORDS = ['champ', 'champion', 'champagne', 'train', 'gym', 'fight'];
const AT = [
  [1, 0.1, 0],
  [0.9, 0.2, 0],
  [0, 1, 0],
  [0, 0, 1],
  [0.1, 0.1, 1],
  [0.5, 0, 0.5],
];
const vectors = WordVectors.fromFloats(WORDS, Float32Array.from(AT.flat()), 3);

describe('a word a reader clipped ("the champ")', () => {
  it('is answered from the story that writes the whole word, not declined', () => {
    // Read as a word no article uses, the question was turned down.
    const asked = answer(index, 'where did the champ train', { vectors });
    expect(asked.reason).toBeUndefined();
    expect(asked.tentative).toBeUndefined();
    expect(asked.passages[0]?.article.id).toBe('fight');
    expect(asked.passages[0]?.text).toContain('Big Bear');
  });

  it('is read as the whole word only where the folder hardly uses it and the word vectors put them close', () => {
    expect(wholeWordOf(index, vectors, 'champ', 'en')).toBe(index.words.get('champion'));
    // Not a word the folder uses itself, nor one the vectors place elsewhere, nor without vectors for it.
    expect(wholeWordOf(index, vectors, 'train', 'en')).toBeUndefined();
    expect(wholeWordOf(index, vectors, 'cham', 'en')).toBeUndefined();
    const far = WordVectors.fromFloats(['champ', 'champion'], Float32Array.from([1, 0, 0, 0, 1, 0]), 3);
    expect(wholeWordOf(index, far, 'champ', 'en')).toBeUndefined();
  });

  it('leaves a name as it is', () => {
    const group = { word: 'champ', terms: [], idf: 5 };
    expect(withClippings(index, [group], 'en', vectors, () => false)[0]!.terms.map((t) => t.term)).toEqual([index.words.get('champion')]);
    expect(withClippings(index, [group], 'en', vectors, (w) => w === 'champ')[0]).toBe(group);
  });
});
