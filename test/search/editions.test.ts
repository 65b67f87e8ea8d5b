import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { otherEdition } from '../../src/search/editions.js';
import { unreportedYears } from '../../src/search/fit.js';
import type { QueryGroup } from '../../src/search/rank.js';
import { renderAnswerPlain } from '../../src/replies/plain.js';
import type { Article } from '../../src/articles/types.js';
import { article } from './fixture.js';

const dated = (a: Article, published: string): Article => ({ ...a, published });
const PHONE = dated(
  article('phone', 'How to pre-order the new Apple devices', [
    'The new iPhone 13 and iPhone 13 Pro are available for pre-order now, starting at $699.',
    'Apple said the iPhone 13 Pro has a faster screen and a longer battery life than last year.',
  ]),
  '2021-09-17',
);
const QUAKE = dated(
  article('quake', 'Aftershock shakes southern Turkey', [
    'An aftershock of magnitude 6 struck southern Turkey on Monday, two weeks after the first quake.',
    'Rescue teams searched collapsed buildings in Hatay through the night.',
  ]),
  '2023-02-20',
);
const BID = dated(
  article('bid', 'North America wins the 2026 World Cup bid', [
    'The United States, Canada and Mexico won the right to host the 2026 World Cup, FIFA said.',
    'MetLife Stadium was named in the joint bid as the preferred site for the final.',
  ]),
  '2018-06-13',
);
const COLOR = dated(
  article('color', 'Pantone Color of the Year 2026 is a soft white', [
    'Pantone picked a soft white as its Color of the Year 2026, calling it a calming choice.',
  ]),
  '2025-12-04',
);
const PRIMARY = dated(
  article('primary', 'What to know about Super Tuesday', [
    'Fourteen states vote on Super Tuesday, 1,357 delegates in all, more than a third of those needed.',
    'Candidates crossed Texas and California in the last days before Super Tuesday.',
  ]),
  '2024-03-04',
);
const BOWL = dated(
  article('bowl', 'Chiefs win Super Bowl 2024 in overtime', [
    'The Chiefs beat the 49ers in Super Bowl 2024, the second overtime game in the history of the title game.',
  ]),
  '2024-02-12',
);
const VISIT = dated(
  article('visit', 'Chiefs visit a children’s hospital', [
    'After the Super Bowl, 12 players from the Chiefs visited a children’s hospital in Kansas City.',
  ]),
  '2024-02-20',
);
const HOSTS = dated(
  article('hosts', 'Spain, Portugal and Morocco to host the 2030 World Cup', [
    'FIFA confirmed that Spain, Portugal and Morocco will host the 2030 World Cup, with bookmakers making Spain the favourite to win it.',
    'Three opening matches will be played in South America to mark the tournament’s centenary.',
  ]),
  '2024-12-11',
);
const ROCKET = dated(
  article('rocket', 'How to watch the Skylark rocket launch', [
    'Skylark’s fifth flight will lift off on Sunday morning from the coast, weather permitting, with a two-hour window.',
    'The company will stream the flight test online, starting half an hour before liftoff.',
  ]),
  '2024-10-12',
);
const index = SearchIndex.build([PHONE, QUAKE, BID, COLOR, PRIMARY, BOWL, VISIT, HOSTS, ROCKET]);
const TODAY = '2026-12-02';
const at = (id: string) => index.articles.findIndex((a) => a.id === id);
const groups = (...words: string[]): QueryGroup[] =>
  words.map((word) => {
    const term = index.words.get(word);
    return { word, terms: term ? [{ term, weight: 1 }] : [], idf: 1 };
  });

describe('another edition of a numbered thing', () => {
  it('is a name the article writes with other numbers after it and never with the asked one', () => {
    expect(otherEdition(index, ['iphone', '18', 'pro'], groups('iphone', '18', 'pro'), at('phone'))).toBe('iPhone 18');
    expect(otherEdition(index, ['iphone', '13', 'pro'], groups('iphone', '13', 'pro'), at('phone'))).toBeUndefined();
    // A name of several words is named as asked, as far as the article writes it so, not from a function word.
    const color = ['pantone', 'color', 'of', 'the', 'year', '2025'];
    expect(otherEdition(index, color, groups(...color), at('color'))).toBe('Pantone Color of the Year 2025');
    expect(otherEdition(index, ['the', 'color', 'of', 'the', 'year', '2025'], groups('color', 'year', '2025'), at('color'))).toBe(
      'Color of the Year 2025',
    );
    expect(otherEdition(index, ['is', 'the', 'iphone', '18', 'pro'], groups('iphone', '18', 'pro'), at('phone'))).toBe('iPhone 18');
    // A number before a word is a count, not an edition ("18 pro").
    expect(otherEdition(index, ['18', 'pro'], groups('18', 'pro'), at('phone'))).toBeUndefined();
    // A number after a stopword is no edition ("iphone in 18").
    expect(otherEdition(index, ['iphone', 'in', '18'], groups('iphone', '18'), at('phone'))).toBeUndefined();
    // A plain word's number is an amount: "magnitude 6" is no edition of "magnitude".
    expect(otherEdition(index, ['aftershock', 'of', 'magnitude', '7'], groups('aftershock', 'magnitude', '7'), at('quake'))).toBeUndefined();
  });

  it('follows the name with nothing but a space or a hyphen between', () => {
    // "After the Super Bowl, 12 players" counts the players: it numbers no Super Bowl.
    const bowl = ['super', 'bowl', '58'];
    expect(otherEdition(index, bowl, groups(...bowl), at('visit'))).toBeUndefined();
    // Nor does "Super Tuesday, 1,357 delegates" number a Tuesday.
    expect(answer(index, 'how many delegates were up for grabs on super tuesday 2024').passages[0]?.article.id).toBe('primary');
  });

  it('is contradicted only by a number of its kind: a year by a year, an edition number by an edition number', () => {
    // "Super Bowl 2024" is Super Bowl 58 by its year: another naming, not another edition.
    const bowl = ['super', 'bowl', '58'];
    expect(otherEdition(index, bowl, groups(...bowl), at('bowl'))).toBeUndefined();
    expect(otherEdition(index, ['super', 'bowl', '2023'], groups('super', 'bowl', '2023'), at('bowl'))).toBe('Super Bowl 2023');
  });

  it('is also a name the article numbers with a rank before it: "the fifth flight" is not flight 12', () => {
    const asked = ['skylark', 'flight', '12'];
    expect(otherEdition(index, asked, groups(...asked), at('rocket'))).toBe('flight 12');
    // The asked number written as a rank is the asked edition.
    expect(otherEdition(index, ['skylark', 'flight', '5'], groups('skylark', 'flight', '5'), at('rocket'))).toBeUndefined();
    expect(answer(index, 'what time does skylark flight 12 lift off').reason).toBe('not-found');
    expect(answer(index, 'what time does skylark flight 5 lift off').passages[0]?.article.id).toBe('rocket');
  });

  it('counts against answering, as a missing year does, and is noted when the answer is shown', () => {
    const asked = 'how much is the iphone 18 pro gonna cost';
    expect(answer(index, asked).reason).toBe('not-found');
    const shown = answer(index, asked, { minConfidence: 0 });
    expect(shown.passages[0]?.article.id).toBe('phone');
    expect(shown.mismatch).toEqual({ asked: 'iPhone 18', shown: '2021-09-17', kind: 'event' });
    expect(renderAnswerPlain(shown).split('\n')[0]).toBe('I have nothing on “iPhone 18”; the closest I have is from 17 September 2021:');
    const right = answer(index, 'how much is the iphone 13 pro gonna cost');
    expect(right.passages[0]?.article.id).toBe('phone');
    expect(right.mismatch).toBeUndefined();
  });
});

describe('the outcome of a year after the article was written', () => {
  it('is a year later than the article’s date in a question asking who won or the results', () => {
    expect(unreportedYears(['who', 'won', 'the', '2026', 'world', 'cup'], ['2026'], '2018-06-13', TODAY)).toEqual(['2026']);
    expect(unreportedYears(['who', 'won', 'the', '2018', 'world', 'cup'], ['2018'], '2018-06-13', TODAY)).toEqual([]);
    expect(unreportedYears(['where', 'is', 'the', '2026', 'world', 'cup'], ['2026'], '2018-06-13', TODAY)).toEqual([]);
    expect(unreportedYears(['who', 'won', 'the', '2026', 'world', 'cup'], ['2026'], null, TODAY)).toEqual([]);
  });

  it('is no year after today in a question asking for a forecast: no article can report it', () => {
    expect(unreportedYears(['who', 'will', 'win', 'the', '2030', 'world', 'cup'], ['2030'], '2024-12-11', TODAY)).toEqual([]);
    // Asked in the past, it is a result no article can have.
    expect(unreportedYears(['who', 'won', 'the', '2030', 'world', 'cup'], ['2030'], '2024-12-11', TODAY)).toEqual(['2030']);
    // A year before today has its result, which an older article lacks.
    expect(unreportedYears(['who', 'will', 'win', 'the', '2026', 'world', 'cup'], ['2026'], '2018-06-13', TODAY)).toEqual(['2026']);
    const forecast = answer(index, 'who will win the 2030 world cup', { today: TODAY });
    expect(forecast.passages[0]?.article.id).toBe('hosts');
    expect(forecast.mismatch).toBeUndefined();
  });

  it('counts against answering and is noted as another year', () => {
    const asked = 'who won the 2026 world cup final';
    expect(answer(index, asked).reason).toBe('not-found');
    const shown = answer(index, asked, { minConfidence: 0 });
    expect(shown.passages[0]?.article.id).toBe('bid');
    expect(shown.mismatch).toEqual({ asked: '2026', shown: '2018-06-13', kind: 'year', outcome: true });
    // The story names 2026 (the bid), so the note does not say it has nothing on it: it has no results.
    expect(renderAnswerPlain(shown).split('\n')[0]).toBe('I have no results from 2026; the closest I have is from 13 June 2018:');
    // Where it will be played, the 2018 story can tell.
    expect(answer(index, 'which stadium is the preferred site for the 2026 world cup final').mismatch).toBeUndefined();
  });
});
