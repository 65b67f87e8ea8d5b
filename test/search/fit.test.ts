import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { answerKind, hasAnswerKind, isHeading, missingYears, readsAsHeading, yearsIn } from '../../src/search/fit.js';
import { SearchIndex } from '../../src/search/index.js';
import { article } from './fixture.js';
import { where } from './helpers.js';
import { realVectors } from './vectors.js';

const vectorsOn = await realVectors();

// Invented stories: a yearly race reported twice, and a report whose paragraphs share the subject.
const race2025 = {
  ...article('derby-2025', 'Sovereignty wins the Riverton Derby', [
    'Sovereignty, ridden by Junior Alvarado, won the Riverton Derby on Saturday by a length and a half in the rain.',
    'The winner paid 18 dollars on a two-dollar bet, and the crowd of 147,000 was the largest since the track reopened.',
  ]),
  published: '2025-05-04',
};
const race2023 = {
  ...article('derby-2023', 'Mage wins the Riverton Derby', [
    'Mage, ridden by Javier Castellano, won the Riverton Derby on Saturday after a late run on the outside.',
  ]),
  published: '2023-05-07',
};
const harbour = {
  ...article('harbour', 'Riverton harbour wall repairs', [
    'The harbour wall repairs will cost the fishing fleet weeks of lost catches, fishermen said.',
    'The council said the harbour wall repairs would cost 4.2 million dollars and last until the autumn.',
    'The harbour wall repairs began after a long dispute with the ferry company.',
    'Engineers began the harbour wall repairs in March after a winter storm opened a gap near the lighthouse.',
  ]),
  published: '2025-02-10',
};

describe.each([
  ['by words', undefined],
  ['with word vectors', vectorsOn],
])('what the question asks besides its words, %s', (_mode, vectors) => {
  const index = SearchIndex.build([race2025, race2023, harbour]);
  const ask = (q: string) => answer(index, q, { vectors });

  it('declines a year the articles do not have instead of answering with another year of the event', () => {
    expect(ask('who won the 2024 riverton derby').passages).toEqual([]);
    expect(ask('who won the riverton derby in 2019?').passages).toEqual([]);
  });

  it('answers a year from the article of that year, by its date', () => {
    expect(where(ask('who won the 2023 riverton derby').passages[0])).toBe('derby-2023#0');
    expect(where(ask('who won the 2025 riverton derby').passages[0])).toBe('derby-2025#0');
  });

  it('answers "how much" with the paragraph that has an amount, not one that only repeats the words', () => {
    expect(where(ask('how much will the riverton harbour wall repairs cost?').passages[0])).toBe('harbour#1');
  });

  it('answers "when" with the paragraph that has a date', () => {
    expect(where(ask('when did the harbour wall repairs begin').passages[0])).toBe('harbour#3');
  });
});

describe('answer kinds', () => {
  it('reads the kind of answer a question asks for, in several languages', () => {
    expect(answerKind(['how', 'many', 'people', 'died'])).toBe('number');
    expect(answerKind(['wie', 'viele', 'leute'])).toBe('number');
    expect(answerKind(['сколько', 'человек'])).toBe('number');
    expect(answerKind(['when', 'is', 'the', 'election'])).toBe('date');
    expect(answerKind(['cuándo', 'empieza'])).toBe('date');
    expect(answerKind(['wie', 'tief', 'ist', 'der', 'see'])).toBe('number');
    expect(answerKind(['quel', 'âge', 'a', 'le', 'maire'])).toBe('number');
    expect(answerKind(['qué', 'edad', 'tiene', 'la', 'alcaldesa'])).toBe('number');
    expect(answerKind(['who', 'won'])).toBe('person');
    expect(answerKind(['what', 'did', 'she', 'say'])).toBeUndefined();
  });

  it('finds numbers, dates and names in a paragraph', () => {
    expect(hasAnswerKind('It cost twelve million dollars.', 'number', 'en')).toBe(true);
    expect(hasAnswerKind('It cost a lot.', 'number', 'en')).toBe(false);
    expect(hasAnswerKind('Work began in March.', 'date', 'en')).toBe(true);
    expect(hasAnswerKind('Work began after the storm.', 'date', 'en')).toBe(false);
    expect(hasAnswerKind('The race was won by Sovereignty.', 'person', 'en')).toBe(true);
    expect(hasAnswerKind('The race was won by a long shot.', 'person', 'en')).toBe(false);
  });
});

describe('years and headings', () => {
  it('a year is met by the paragraph, the headline or the date of a dated article; an undated one is not judged', () => {
    expect(yearsIn(['the', '2024', 'derby', '19th'])).toEqual(['2024']);
    expect(missingYears(['2024'], 'The race was run in the rain.', 'Derby report', '2025-05-04')).toEqual(['2024']);
    expect(missingYears(['2024'], 'The 2024 race was run in the rain.', 'Derby report', '2025-05-04')).toEqual([]);
    expect(missingYears(['2025'], 'The race was run in the rain.', 'Derby report', '2025-05-04')).toEqual([]);
    expect(missingYears(['2015'], 'The Panthers won the division.', 'Super Bowl 50', null)).toEqual([]);
  });

  it('tells a heading or link teaser from a sentence', () => {
    expect(isHeading('Cut thousands of jobs despite profits')).toBe(true);
    expect(isHeading('The company cut thousands of jobs despite record profits.')).toBe(false);
    // Up to 14 words without a full stop are a heading; 15 are a sentence.
    expect(isHeading('One two three four five six seven eight nine ten eleven twelve thirteen fourteen')).toBe(true);
    expect(isHeading('One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen')).toBe(false);
    // A long line without a full stop is a sentence all the same.
    expect(isHeading('Federer said he needed surgery on an injured knee and would miss the rest of the season on the advice of his doctors')).toBe(
      false,
    );
  });

  it('shows a heading with the paragraph under it, and a sentence alone', () => {
    const roundup = {
      ...article('roundup', 'Virus updates: holiday crowds, conventions', [
        'Governor says the state is ready for the holiday weekend crowds at its beaches and parks.',
        'Party threatens to move its national convention from N.C.',
        'In a series of posts Monday, the party chair said the convention set for August in Charlotte could move.',
        'Beaches draw crowds for the holiday weekend',
        'Crowds packed the boardwalk in Ocean City on Saturday, and few of them wore masks.',
      ]),
      published: '2020-05-26',
    };
    const index = SearchIndex.build([roundup, harbour]);
    const shown = (q: string) => answer(index, q).passages[0]?.paragraph;
    // The heading and its paragraph, under the heading's number: the reader sees the city.
    expect(shown('where is the party national convention supposed to move from')).toEqual({
      index: 1,
      text: 'Party threatens to move its national convention from N.C. In a series of posts Monday, the party chair said the convention set for August in Charlotte could move.',
    });
    expect(shown('beaches draw crowds holiday weekend')?.text).toMatch(/^Beaches draw crowds for the holiday weekend Crowds packed the boardwalk/);
    // A sentence is shown alone.
    expect(shown('is the state ready for holiday weekend crowds at its beaches and parks')).toEqual({
      index: 0,
      text: 'Governor says the state is ready for the holiday weekend crowds at its beaches and parks.',
    });
  });

  it('reads a headline ending in an abbreviation as a heading, and a sentence ending in one as a sentence', () => {
    expect(readsAsHeading('Party threatens to move its national convention from N.C.')).toBe(true);
    expect(readsAsHeading('Cut thousands of jobs despite profits')).toBe(true);
    expect(readsAsHeading('The storm hit the coast on Friday. It then moved north toward the U.S.')).toBe(false);
    expect(readsAsHeading('The company cut thousands of jobs despite record profits.')).toBe(false);
    // Marking such a line down as an answer is `isHeading`'s, which keeps it a sentence.
    expect(isHeading('Party threatens to move its national convention from N.C.')).toBe(false);
  });

  it('prefers the sentence that answers to a teaser line that repeats the question', () => {
    const story = {
      ...article('beach-bus', 'Beach bus returns for the summer', [
        'Riding the beach bus this summer',
        'Riding the beach bus this summer costs 2 dollars per trip, and children under six ride free.',
      ]),
      published: '2025-06-01',
    };
    expect(where(answer(SearchIndex.build([story, harbour]), 'riding the beach bus this summer').passages[0])).toBe('beach-bus#1');
  });
});

describe('a question in a language the articles are not written in', () => {
  const index = SearchIndex.build([race2025, harbour]);

  it('is declined with the languages the articles are in, for the reply to name', () => {
    const a = answer(index, 'Wann beginnen die Bauarbeiten an der Stadtmauer von Kleinstadt?');
    expect(a.passages).toEqual([]);
    expect(a.language).toBe('de');
    expect(a.articleLanguages).toEqual(['en']);
  });

  it("names none when the question is in the articles' language", () => {
    const a = answer(index, 'who won the 2019 riverton derby');
    expect(a.passages).toEqual([]);
    expect(a.articleLanguages).toBeUndefined();
  });
});
