import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { otherTitled, siblingInPlace } from '../../src/search/siblings.js';
import { renderAnswerPlain } from '../../src/replies/plain.js';
import { WordVectors } from '../../src/search/vectors.js';
import { article, COUNCIL, STORM } from './fixture.js';

// A folder with a story on a new moon of Saturn, and none that says "Jupiter".
const MOON = article('moon', 'Astronomers find a small new moon of Saturn', [
  'Astronomers found a new moon orbiting Saturn in old telescope images, the observatory said on Wednesday.',
  'The moon is about three miles across, the smallest of the inner moons of Saturn found so far.',
  'The team said Saturn now has more known moons than any other planet, and more may be found.',
]);
const index = SearchIndex.build([MOON, COUNCIL, STORM]);
const id = (name: string) => index.articles.findIndex((a) => a.id === name);
// Word vectors: "jupiter" beside "saturn", as planets sit; "moon", "around" and the rest far from both.
const VECTORS: Record<string, number[]> = {
  jupiter: [1, 0.1, 0],
  saturn: [1, 0.2, 0],
  moon: [0, 1, 0],
  astronomers: [0, 0.2, 1],
  found: [0.1, 0, 1],
  find: [0.1, 0, 1],
  new: [0.3, 0.3, 0.3],
  around: [0.2, 0.5, 0.5],
  did: [0.3, 0.4, 0.5],
};
const WORDS = Object.keys(VECTORS);
const vectors = WordVectors.fromFloats(WORDS, Float32Array.from(WORDS.flatMap((w) => VECTORS[w]!)), 3);
const ask = (q: string, minConfidence?: number) => answer(index, q, { vectors, ...(minConfidence === undefined ? {} : { minConfidence }) });

describe('a word the folder lacks, whose place the article gives to a name of its kind', () => {
  it('is the asked word, when the article names a near word of the word vectors with a capital', () => {
    expect(siblingInPlace(index, [{ word: 'jupiter', terms: [], idf: 9 }], id('moon'), vectors)).toEqual({ asked: 'Jupiter', named: 'Saturn' });
    // Not without word vectors, nor for a word the folder has, nor where the article names no such word.
    expect(siblingInPlace(index, [{ word: 'jupiter', terms: [], idf: 9 }], id('moon'), undefined)).toBeUndefined();
    expect(
      siblingInPlace(index, [{ word: 'moon', terms: [{ term: index.words.get('moon')!, weight: 1 }], idf: 2 }], id('moon'), vectors),
    ).toBeUndefined();
    expect(siblingInPlace(index, [{ word: 'jupiter', terms: [], idf: 9 }], id('council'), vectors)).toBeUndefined();
    // Nor when the question names the article's planet too: then it is no stand-in.
    const both = [
      { word: 'jupiter', terms: [], idf: 9 },
      { word: 'saturn', terms: [{ term: index.words.get('saturn')!, weight: 1 }], idf: 5 },
    ];
    expect(siblingInPlace(index, both, id('moon'), vectors)).toBeUndefined();
  });

  it('counts against answering, as a missing year does', () => {
    // Before, the Saturn story answered a question about a moon of Jupiter.
    const asked = ask('which new moon was found around jupiter');
    expect(asked.passages).toEqual([]);
    expect(asked.reason).toBe('not-found');
    const shown = ask('which new moon was found around jupiter', 0);
    expect(shown.passages[0]?.article.id).toBe('moon');
    expect(renderAnswerPlain(shown).split('\n')[0]).toBe('I have nothing on “Jupiter”; the closest I have is from 14 March 2024:');
    // Asked about the planet the folder has, it answers.
    const saturn = ask('which new moon was found around saturn');
    expect(saturn.passages[0]?.article.id).toBe('moon');
    expect(saturn.mismatch).toBeUndefined();
  });
});

// A story on the Golden Globes' night that mentions the Oscars in passing, and one on the Oscars of another year.
const GLOBES = {
  ...article('globes', 'Golden Globes 2024: Night Harbour wins best drama', [
    'Night Harbour won best drama at the Golden Globes on Sunday, and its director thanked the cast from the stage.',
    'The film is now a favourite for the Oscars, where it could win best picture in March, critics said.',
    'Mara Lind won best actress for her role as a lighthouse keeper in the film.',
  ]),
  published: '2024-01-08',
};
const OSCARS = {
  ...article('oscars', 'Oscars 2019: Green Field wins best picture', [
    'Green Field won best picture at the Oscars on Sunday night in Los Angeles.',
    'The night at the Oscars ran long, and the hosts of the Oscars joked about it.',
    'Its producers said the Oscars had never been kinder to a small film.',
  ]),
  published: '2019-02-25',
};
const awards = SearchIndex.build([GLOBES, OSCARS, COUNCIL]);
const AWARDS: Record<string, number[]> = {
  oscars: [1, 0.1, 0],
  globes: [1, 0.2, 0],
  golden: [0.2, 1, 0],
  night: [0, 0.2, 1],
  harbour: [0, 1, 0.3],
  wins: [0, 0.5, 1],
  won: [0, 0.5, 1],
  best: [0.3, 0.3, 1],
  picture: [0.1, 0.6, 1],
  drama: [0.5, 0.1, 0.6],
};
const awardWords = Object.keys(AWARDS);
const awardVectors = WordVectors.fromFloats(awardWords, Float32Array.from(awardWords.flatMap((w) => AWARDS[w]!)), 3);
const askAwards = (q: string, minConfidence?: number) =>
  answer(awards, q, { vectors: awardVectors, ...(minConfidence === undefined ? {} : { minConfidence }) });

describe('an outcome asked of a named event, from a story titled with another of its kind', () => {
  it('is the asked name, when the title names its near kin instead and the question asks who or what won', () => {
    const groups = [{ word: 'oscars', terms: [{ term: awards.words.get('oscars')!, weight: 1 }], idf: 3 }];
    const globes = awards.articles.findIndex((a) => a.id === 'globes');
    const docs = Array.from({ length: awards.docArticle.length }, (_, doc) => doc);
    expect(otherTitled(awards, groups, true, globes, docs, awardVectors)).toMatchObject({ asked: 'Oscars', named: 'Globes' });
    // Not when the question asks no outcome, nor without word vectors, nor of a story titled with the asked name.
    expect(otherTitled(awards, groups, false, globes, docs, awardVectors)).toBeUndefined();
    expect(otherTitled(awards, groups, true, globes, docs, undefined)).toBeUndefined();
    expect(
      otherTitled(
        awards,
        groups,
        true,
        awards.articles.findIndex((a) => a.id === 'oscars'),
        docs,
        awardVectors,
      ),
    ).toBeUndefined();
  });

  it('counts against answering, as a missing year does', () => {
    // Before, the Globes' story answered what won at the Oscars that year.
    const asked = askAwards('what won best picture at the oscars in 2024');
    expect(asked.passages).toEqual([]);
    const shown = askAwards('what won best picture at the oscars in 2024', 0);
    expect(shown.passages[0]?.article.id).toBe('globes');
    expect(shown.mismatch?.asked).toBe('Oscars');
    // Without a year named, the story is no other edition of the asked event: no such doubt.
    expect(askAwards('what won best picture at the oscars', 0).mismatch?.asked).not.toBe('Oscars');
  });
});
