import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { slipOfKnown, unknownWord } from '../../src/search/unknown-words.js';
import { renderAnswerPlain } from '../../src/replies/plain.js';
import { WordVectors } from '../../src/search/vectors.js';
import { article, COUNCIL } from './fixture.js';

// A folder with a story about a mayor arrested in Tuscaloosa, one about Matthew McConaughey, and no
// word near "pinecrest" but "pinterest", in a story about shares.
const ARRESTS = article('arrests', 'Tuscaloosa mayor arrested after council fraud inquiry', [
  'Police in Tuscaloosa arrested the mayor on Tuesday after an inquiry into council contracts, the district attorney said.',
  'The mayor was arrested at City Hall and released on bail the same evening; he denies any wrongdoing.',
]);
const SHARES = article('shares', 'Pinterest shares fall', [
  'Shares of Pinterest fell in early trading as advertisers cut spending, analysts said.',
  'Pinterest said it would report its results in May.',
]);
const ACTOR = article('actor', 'A film school opens in Austin', [
  'Matthew McConaughey opened a film school in Austin on Friday, paying for forty scholarships himself.',
  'McConaughey said the school would teach screenwriting and directing to students from across Texas.',
]);
const index = SearchIndex.build([ARRESTS, ACTOR, SHARES, COUNCIL]);
const id = (name: string) => index.articles.findIndex((a) => a.id === name);
// Word vectors know everyday words and well-known names, not "pinecrest" nor a misspelling.
const WORDS = ['mayor', 'arrested', 'why', 'tuscaloosa', 'film', 'school', 'open', 'mcconaughey', 'pinterest', 'shares'];
const vectors = WordVectors.fromFloats(WORDS, Float32Array.from(WORDS.flatMap((_, i) => [i + 1, 1, i % 3])), 3);
const ask = (q: string, minConfidence?: number) => answer(index, q, { vectors, ...(minConfidence === undefined ? {} : { minConfidence }) });

describe('a word the folder never writes, and the answer’s article holds no correction of', () => {
  it('is the question’s word as written; a misspelt name the article holds corrected is none', () => {
    expect(ask('why was the pinecrest mayor arrested', 0).mismatch?.asked).toBe('pinecrest');
    expect(
      unknownWord(index, [{ word: 'mcconnaughy', terms: [{ term: index.words.get('mcconaughey')!, weight: 0.45 }], idf: 5 }], id('actor'), vectors),
    ).toBeUndefined();
    // A word the folder has is no unknown word, nor one the word vectors know (an
    // everyday word the folder happens not to use), nor any without word vectors to tell.
    expect(
      unknownWord(index, [{ word: 'arrested', terms: [{ term: index.words.get('arrested')!, weight: 1 }], idf: 2 }], id('actor'), vectors),
    ).toBeUndefined();
    expect(unknownWord(index, [{ word: 'shares', terms: [], idf: 9 }], id('actor'), vectors)).toBeUndefined();
    // Nor a slip of one it knows: a misspelt everyday word says nothing of the topic.
    expect(['shars', 'sahres', 'sharess', 'shores', 'shaares'].map((w) => slipOfKnown(vectors, w))).toEqual([true, true, true, true, true]);
    expect(unknownWord(index, [{ word: 'sahres', terms: [], idf: 9 }], id('actor'), vectors)).toBeUndefined();
    expect(slipOfKnown(vectors, 'pinecrest')).toBe(false);
    expect(unknownWord(index, [{ word: 'pinecrest', terms: [], idf: 9 }], id('actor'), undefined)).toBeUndefined();
    expect(unknownWord(index, [{ word: 'pinecrest', terms: [], idf: 9 }], id('actor'), vectors)).toBe('pinecrest');
  });

  it('counts against answering, as a missing year does', () => {
    // Before, the Tuscaloosa story answered for a Pinecrest mayor, "pinecrest" read as "pinterest".
    const asked = ask('why was the pinecrest mayor arrested');
    expect(asked.passages).toEqual([]);
    expect(asked.reason).toBe('not-found');
    const shown = ask('why was the pinecrest mayor arrested', 0);
    expect(shown.passages[0]?.article.id).toBe('arrests');
    expect(renderAnswerPlain(shown).split('\n')[0]).toBe('I have nothing on “pinecrest”; the closest I have is from 14 March 2024:');
    // Asked about the mayor the folder has, it answers.
    expect(ask('why was the tuscaloosa mayor arrested').passages[0]?.article.id).toBe('arrests');
  });

  it('leaves a misspelt name whose correction the article holds answered', () => {
    // Two slips from "McConaughey": neither the word vectors nor one slip vouch for it, the article does.
    const a = ask('where did mcconnaughy open a film school');
    expect(a.passages[0]?.article.id).toBe('actor');
    expect(a.mismatch).toBeUndefined();
  });
});
