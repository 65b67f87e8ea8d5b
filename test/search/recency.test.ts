import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { recencyOf, staleDay } from '../../src/search/fit.js';
import { SearchIndex } from '../../src/search/index.js';
import { article } from './fixture.js';
import { realVectors } from './vectors.js';
import { renderAnswerPlain } from '../../src/replies/plain.js';

// Two years of the same race: the older, shorter report matches the question's words a little better.
const RACE_2023 = {
  ...article('marathon-2023', 'Riverton marathon', ['Anna Kell won the Riverton marathon.']),
  published: '2023-04-16',
};
const RACE_2024 = {
  ...article('marathon-2024', 'Riverton marathon', ['Peter Osei won the Riverton city marathon on Sunday in warm weather, the organisers said.']),
  published: '2024-04-21',
};
const OTHER = article('storm', 'Storm Ingrid floods coastal towns', [
  'Storm Ingrid brought winds of up to 140 kilometres an hour to the northern coast overnight, flooding streets in several fishing towns.',
]);
const FIRE = {
  ...article('fire', 'Brush fire near Oakridge forces evacuations', [
    'A brush fire off Route 9 near Oakridge forced the evacuation of about 200 homes overnight, the county fire department said.',
  ]),
  published: '2019-07-03',
};
const index = SearchIndex.build([RACE_2023, RACE_2024, OTHER, FIRE]);
const TODAY = '2026-12-02';
const top = (q: string, today = TODAY) => answer(index, q, { today }).passages[0]?.article.id;

describe('recency words', () => {
  it('reads "latest", "now" and "this year" in the bot languages, and not "last year"', () => {
    expect(recencyOf(['who', 'won', 'the', 'latest', 'marathon'])).toBe('latest');
    expect(recencyOf(['how', 'big', 'is', 'the', 'jackpot', 'now'])).toBe('now');
    expect(recencyOf(['who', 'won', 'this', 'year'])).toBe('this-year');
    expect(recencyOf(['кто', 'выиграл', 'в', 'этом', 'году'])).toBe('this-year');
    expect(recencyOf(['wer', 'ist', 'jetzt', 'trainer'])).toBe('now');
    expect(recencyOf(['the', 'latest', 'score', 'now'])).toBe('latest');
    expect(recencyOf(['who', 'won', 'last', 'year'])).toBeUndefined();
  });
});

describe('"latest", "now", "this year"', () => {
  it('shows the newest of the articles that answer nearly as well', () => {
    expect(top('who won the riverton marathon')).toBe('marathon-2023');
    expect(top('who won the latest riverton marathon')).toBe('marathon-2024');
    expect(top('who won the riverton marathon this year')).toBe('marathon-2024');
  });

  it('says the shown article is from an older year than today, and not when it is from this year', () => {
    expect(answer(index, 'who won the riverton marathon this year', { today: TODAY }).mismatch).toEqual({
      asked: '2026',
      shown: '2024-04-21',
      kind: 'recent',
    });
    expect(answer(index, 'who won the riverton marathon this year', { today: '2024-11-30' }).mismatch).toBeUndefined();
    // Without a recency word the date is not the reader's concern.
    expect(answer(index, 'who won the riverton marathon', { today: TODAY }).mismatch).toBeUndefined();
  });
});

describe('a day next to today ("last night", "yesterday")', () => {
  it('is stale when the article was written more than a week before today, and never for "today" or "this week"', () => {
    expect(staleDay(['was', 'anyone', 'hurt', 'in', 'the', 'fire', 'last', 'night'], '2019-07-03', TODAY)).toBe('last night');
    expect(staleDay(['what', 'happened', 'yesterday'], '2019-07-03', TODAY)).toBe('yesterday');
    expect(staleDay(['was', 'anyone', 'hurt', 'in', 'the', 'fire', 'last', 'night'], '2019-07-03', '2019-07-04')).toBeUndefined();
    expect(staleDay(['how', 'many', 'people', 'use', 'it', 'today'], '2019-07-03', TODAY)).toBeUndefined();
    expect(staleDay(['who', 'resigned', 'this', 'week'], '2019-07-03', TODAY)).toBeUndefined();
    expect(staleDay(['what', 'happened', 'yesterday'], null, TODAY)).toBeUndefined();
  });

  it('declines a years-old story as the news of last night, and says so when the answer is shown', () => {
    const asked = 'how many homes were evacuated in the oakridge brush fire last night';
    expect(answer(index, asked, { today: '2019-07-04' }).passages[0]?.article.id).toBe('fire');
    expect(answer(index, asked, { today: TODAY }).reason).toBe('not-found');
    const shown = answer(index, asked, { today: TODAY, minConfidence: 0 });
    expect(shown.mismatch).toEqual({ asked: 'last night', shown: '2019-07-03', kind: 'event' });
    expect(renderAnswerPlain(shown).split('\n')[0]).toBe('I have nothing on “last night”; the closest I have is from 3 July 2019:');
    // Without the day asked, the old story answers.
    expect(answer(index, 'how many homes were evacuated in the oakridge brush fire', { today: TODAY }).passages[0]?.article.id).toBe('fire');
  });
});

describe('a year the question names', () => {
  it('says when the passage shown is from another year than the one asked about', () => {
    const a = answer(index, 'who won the riverton marathon in 2022', { today: TODAY, minConfidence: 0 });
    expect(a.passages.length).toBeGreaterThan(0);
    expect(a.mismatch).toMatchObject({ asked: '2022', kind: 'year' });
    expect(a.mismatch?.shown).toBe(a.passages[0]!.article.published);
  });

  it('declines, pointing to the closest article, when no article is from the year asked about', async () => {
    // With the word vectors the bot ships with, the 2024 report would pass the bar as an answer.
    const vectors = await realVectors();
    const a = answer(index, 'who won the riverton city marathon on sunday in 2022', { today: TODAY, vectors });
    expect(a.passages).toEqual([]);
    expect(a.reason).toBe('not-found');
    expect(a.mismatch).toEqual({ asked: '2022', shown: '2024-04-21', kind: 'year' });
    expect(a.closest?.id).toBe('marathon-2024');
    expect(renderAnswerPlain(a).split('\n').slice(0, 3)).toEqual([
      'I have nothing on 2022; the closest I have is from 21 April 2024:',
      '',
      '— Riverton marathon',
    ]);
    // "This year" is answered with the newest the folder has, noted.
    const recent = answer(index, 'who won the riverton city marathon on sunday this year', { today: TODAY, vectors });
    expect(recent.passages[0]?.article.id).toBe('marathon-2024');
    expect(recent.mismatch?.kind).toBe('recent');
    expect(recent.closest).toBeUndefined();
  });

  it('says nothing when the passage is from the year asked about', () => {
    const a = answer(index, 'who won the riverton marathon in 2024', { today: TODAY });
    expect(a.passages[0]?.article.id).toBe('marathon-2024');
    expect(a.mismatch).toBeUndefined();
  });
});
