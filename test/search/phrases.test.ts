import { describe, expect, it } from 'vitest';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import { missingPhrase, phrasesOf, isSetPhrase } from '../../src/search/phrases.js';
import type { QueryGroup } from '../../src/search/rank.js';
import { renderAnswerPlain } from '../../src/replies/plain.js';
import { article } from './fixture.js';

// Three stories that say "halftime show" as one thing (a set phrase among them), and a fair's
// report that has "halftime" and "show" apart but no halftime show.
const SHOWS = ['Lena Moor', 'The Brass Kings', 'Ada Quill'].map((act, i) =>
  article(`bowl-${i}`, `${act} to headline the halftime show`, [
    `${act} will perform the halftime show at the final on Sunday, the league said.`,
    `Tickets for the final sold out within an hour, and the halftime show will be broadcast live.`,
  ]),
);
const FAIR = {
  ...article('fair', 'Riverton fair draws record crowd', [
    'The Riverton fair drew a record crowd of 30,000 on Saturday, organisers said.',
    'At halftime of the tug-of-war final the crowd cheered the marching band.',
    'The cattle show ran late into the evening, and the fair closes on Sunday.',
  ]),
  published: '2025-08-09',
};
const index = SearchIndex.build([...SHOWS, FAIR]);
const fair = index.articles.findIndex((a) => a.id === 'fair');
const all = Array.from({ length: index.documentCount }, (_, doc) => doc);
const group = (word: string, idf = 1): QueryGroup => ({
  word,
  terms: index.words.has(word) ? [{ term: index.words.get(word)!, weight: 1 }] : [],
  idf,
});

describe('phrases of a question', () => {
  it('are its neighbouring content words the folder uses, numbers left to the year note', () => {
    const phrases = phrasesOf([group('halftime'), group('show'), group('2024'), group('riverton'), group('zzzq')]);
    expect(phrases.map((p) => `${p.first.word} ${p.second.word}`)).toEqual(['halftime show']);
  });

  it('are set when the paragraphs among which they are judged, where they hold both words, say them as one', () => {
    expect(isSetPhrase(index, { first: group('halftime'), second: group('show') }, all)).toBe(true);
    // "final" and "sold" meet in three paragraphs, always in a row ("the final sold out"); "tickets" and "live" never.
    expect(isSetPhrase(index, { first: group('final'), second: group('sold') }, all)).toBe(true);
    expect(isSetPhrase(index, { first: group('tickets'), second: group('live') }, all)).toBe(false);
    // Too few paragraphs hold "crowd" and "final" to tell; and among the fair's paragraphs alone "halftime show" is none.
    expect(
      isSetPhrase(
        index,
        { first: group('halftime'), second: group('show') },
        all.filter((d) => index.docArticle[d] === fair),
      ),
    ).toBe(false);
    expect(isSetPhrase(index, { first: group('final'), second: group('crowd') }, all)).toBe(false);
  });

  it('name the set phrase an article has the words of but never says', () => {
    const asked = [group('halftime', 3), group('show', 2), group('riverton', 4), group('fair', 4)];
    expect(missingPhrase(index, asked, fair, all)).toMatchObject({ first: { word: 'halftime' }, second: { word: 'show' } });
    expect(
      missingPhrase(
        index,
        asked,
        index.articles.findIndex((a) => a.id === 'bowl-0'),
        all,
      ),
    ).toBeUndefined();
    // The article's own paragraphs do not judge: here one holds both words apart (6 of 7 would be 86%).
    const apart = SearchIndex.build([
      ...SHOWS,
      { ...FAIR, paragraphs: [{ index: 0, text: 'At halftime of the Riverton fair final the crowd cheered, and the cattle show ran late.' }] },
    ]);
    const everyDoc = Array.from({ length: apart.documentCount }, (_, doc) => doc);
    const regroup = (word: string, idf: number): QueryGroup => ({ word, terms: [{ term: apart.words.get(word)!, weight: 1 }], idf });
    expect(
      missingPhrase(
        apart,
        [regroup('halftime', 3), regroup('show', 2)],
        apart.articles.findIndex((a) => a.id === 'fair'),
        everyDoc,
      ),
    ).toMatchObject({
      first: { word: 'halftime' },
    });
    // "riverton fair" is said by the fair's report (and is no set phrase elsewhere anyway).
    expect(missingPhrase(index, [group('riverton'), group('fair')], fair, all)).toBeUndefined();
  });
});

describe('an answer whose article lacks the thing asked about', () => {
  it('says so above the passage, in a field kind "event", and not when the article names it', () => {
    const a = answer(index, 'who did the halftime show at the riverton fair', { minConfidence: 0 });
    expect(a.passages[0]?.article.id).toBe('fair');
    expect(a.mismatch).toEqual({ asked: 'halftime show', shown: '2025-08-09', kind: 'event' });
    expect(renderAnswerPlain(a).split('\n')[0]).toBe('I have nothing on “halftime show”; the closest I have is from 9 August 2025:');
    const right = answer(index, 'who will perform the halftime show', { minConfidence: 0 });
    expect(right.passages[0]?.article.id).toMatch(/^bowl-/);
    expect(right.mismatch).toBeUndefined();
  });

  it('counts against answering, as a missing year does', () => {
    // Without the doubt the fair's report was shown, "not sure" (conviction 0.29); with it, 0.5 less.
    expect(answer(index, 'what was the halftime show at the riverton fair').reason).toBe('not-found');
    expect(answer(index, 'what was the halftime show at the final').passages[0]?.article.id).toMatch(/^bowl-/);
  });

  it('is left to the year note when the question names a year the article lacks', () => {
    expect(answer(index, 'who did the halftime show at the riverton fair in 2023', { minConfidence: 0 }).mismatch).toMatchObject({
      asked: '2023',
      kind: 'year',
    });
  });
});
