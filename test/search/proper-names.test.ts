import { describe, expect, it } from 'vitest';
import { answer, explainAnswer, UNNAMED_DOUBT } from '../../src/search/answer.js';
import { readQuestion } from '../../src/search/question.js';
import { rankCandidates } from '../../src/search/candidates.js';
import { checkBestArticle } from '../../src/search/answer-check.js';
import { convictionOf, evidenceOf } from '../../src/search/conviction.js';
import { SearchIndex } from '../../src/search/index.js';
import { missingName, NAME_MISSING, nameUse, unnamedPenalty, withPenalty } from '../../src/search/proper-names.js';
import type { QueryGroup, Ranked } from '../../src/search/rank.js';
import { renderAnswerPlain } from '../../src/replies/plain.js';
import type { Article } from '../../src/articles/types.js';
import { article } from './fixture.js';

// Three stories from Wilmington, a town the folder always writes with a capital (and its King
// Street), and a skate park story from Riverton that never names either.
const TOWN = ['library', 'bridge', 'market'].map((topic, i) =>
  article(`wilmington-${topic}`, `Town news: the ${topic}`, [
    `The new ${topic} in Wilmington opened on Monday, the council said.`,
    `Residents of Wilmington had waited years for the ${topic}, which officials in Wilmington called overdue.`,
    i === 0 ? 'Crowds came from King Street and across the county to see it.' : `Traffic near the ${topic} on King Street was heavy all week.`,
  ]),
);
const PARK: Article = {
  ...article('park', 'Riverton opens its skate park', [
    'The new skate park in Riverton cost 1.2 million dollars, paid by a state grant, the council said.',
    'Skaters queued from dawn, and the park stays open until ten at night in summer.',
  ]),
  published: '2025-06-02',
};
const index = SearchIndex.build([...TOWN, PARK]);
const park = index.articles.findIndex((a) => a.id === 'park');
const all = Array.from({ length: index.documentCount }, (_, doc) => doc);
const group = (word: string, term = index.words.get(word)): QueryGroup => ({ word, terms: term ? [{ term, weight: 1 }] : [], idf: 1 });
const ASKED = 'how much did the new skate park in wilmington cost';

describe('a name the folder knows that the answer’s article never says', () => {
  it('is a word written with a capital away from sentence starts, judged among other articles’ paragraphs', () => {
    const wilmington = index.words.get('wilmington')!;
    expect(nameUse(index, wilmington, all)).toEqual({ uses: 9, capitals: 9, surface: 'Wilmington' });
    // "new" starts no sentence here and is never capitalized; "residents" only ever starts one.
    expect(nameUse(index, index.words.get('new')!, all).capitals).toBe(0);
    expect(nameUse(index, index.words.get('residents')!, all).uses).toBe(0);
    expect(missingName(index, [group('skate'), group('park'), group('wilmington')], park, all)).toBe('Wilmington');
    expect(missingName(index, [group('skate'), group('new')], park, all)).toBeUndefined();
    // Capitals longer than an acronym are a masthead's, not a name's; an acronym's are a name's.
    const masthead = SearchIndex.build([
      article('m', 'Rail strike', ['The union told USA TODAY it had no plans for today, and the MLB said games would go on.']),
    ]);
    expect(nameUse(masthead, masthead.words.get('today')!, [0])).toMatchObject({ uses: 1, capitals: 0 });
    expect(nameUse(masthead, masthead.words.get('mlb')!, [0])).toMatchObject({ uses: 1, capitals: 1, surface: 'MLB' });
    // After a quote that closes ("…," Åslund said) a word starts no sentence, straight quotes as curly ones;
    // after one that opens, or a full stop, it does.
    const quotes = SearchIndex.build([
      article('q', 'Ruble falls', [
        '"Putin has destroyed the ruble," Åslund said on Twitter.',
        '“The ruble is gone,” Åslund said.',
        'He spoke. "Åslund is right," a banker said.',
        'The ruble fell. Åslund said so.',
      ]),
    ]);
    const aslund = quotes.words.get('åslund')!;
    expect([0, 1, 2, 3].map((doc) => nameUse(quotes, aslund, [doc]).capitals)).toEqual([1, 1, 0, 0]);
    // A straight quote opens after a bracket, a colon or a dash too: the word after it starts a quote.
    const opened = SearchIndex.build([
      article('o', 'Shop bags', [
        'The slogan ("Make it local") was printed on every bag.',
        'The sign read:"Make it local".',
        'One word—"Make"—was kept.',
      ]),
    ]);
    const make = opened.words.get('make')!;
    expect([0, 1, 2].map((doc) => nameUse(opened, make, [doc]).uses)).toEqual([0, 0, 0]);
    // Said by the article itself: no note.
    expect(
      missingName(
        index,
        [group('wilmington')],
        index.articles.findIndex((a) => a.id === 'wilmington-bridge'),
        all,
      ),
    ).toBeUndefined();
    // Among one paragraph saying it once: too few uses to tell.
    expect(missingName(index, [group('wilmington')], park, all.slice(0, 1))).toBeUndefined();
  });

  it('says nothing against an article of one paragraph, which leaves most names unsaid', () => {
    const brief = SearchIndex.build([...TOWN, { ...PARK, paragraphs: PARK.paragraphs.slice(0, 1) }]);
    const docs = Array.from({ length: brief.documentCount }, (_, doc) => doc);
    const of = (word: string): QueryGroup => ({ word, terms: [{ term: brief.words.get(word)!, weight: 1 }], idf: 1 });
    expect(
      missingName(
        brief,
        [of('skate'), of('wilmington')],
        brief.articles.findIndex((a) => a.id === 'park'),
        docs,
      ),
    ).toBeUndefined();
  });

  it('counts against answering, as a missing year does, and is noted when the answer is shown', () => {
    // Without it the Riverton park was shown for Wilmington's; with it, 0.5 less conviction.
    expect(answer(index, ASKED).reason).toBe('not-found');
    const shown = answer(index, ASKED, { minConfidence: 0 });
    expect(shown.passages[0]?.article.id).toBe('park');
    expect(shown.mismatch).toEqual({ asked: 'Wilmington', shown: '2025-06-02', kind: 'event' });
    expect(renderAnswerPlain(shown).split('\n')[0]).toBe('I have nothing on “Wilmington”; the closest I have is from 2 June 2025:');
    // A misspelled name is the name it is corrected to.
    expect(answer(index, 'how much did the new skate park in wilmingtn cost', { minConfidence: 0 }).mismatch?.asked).toBe('Wilmington');
    // A short word the folder lacks is no misspelled name: "kind" is one slip from "King".
    expect(answer(index, 'what kind of skate park did riverton open', { minConfidence: 0 }).mismatch).toBeUndefined();
    // Asked about the park the folder has, it answers.
    const right = answer(index, 'how much did the new skate park in riverton cost');
    expect(right.passages[0]?.article.id).toBe('park');
    expect(right.mismatch).toBeUndefined();
  });

  it('ranks a candidate whose article says the name above one whose article never does, by a bounded amount', () => {
    const groups = [group('skate'), group('park'), group('wilmington')];
    const parkDoc = all.find((doc) => index.docArticle[doc] === park)!;
    const town = all.find((doc) => index.articles[index.docArticle[doc]!]!.id === 'wilmington-library')!;
    const other = all.find((doc) => index.articles[index.docArticle[doc]!]!.id === 'wilmington-bridge')!;
    const market = all.find((doc) => index.articles[index.docArticle[doc]!]!.id === 'wilmington-market')!;
    const close = [
      { doc: parkDoc, score: 0.6 },
      { doc: town, score: 0.5 },
      { doc: other, score: 0.4 },
      { doc: market, score: 0.3 },
    ];
    const namedFirst = (g: QueryGroup[], ranked: Ranked[]) => withPenalty(ranked, unnamedPenalty(index, g, ranked) ?? (() => 0));
    // The park's story never says "Wilmington", which the other candidates write as a name: it goes below.
    expect(namedFirst(groups, close).map((r) => r.doc)).toEqual([town, parkDoc, other, market]);
    expect(namedFirst(groups, close).find((r) => r.doc === parkDoc)!.score).toBeCloseTo(0.6 - NAME_MISSING);
    // Far ahead, it stays first: the penalty is bounded.
    const far = [{ doc: parkDoc, score: 0.9 }, ...close.slice(1)];
    expect(namedFirst(groups, far).map((r) => r.doc)).toEqual(far.map((r) => r.doc));
    // A question naming nothing the best article lacks changes nothing.
    expect(namedFirst([group('skate'), group('park')], close)).toEqual(close);
  });

  it('puts the story saying the name first through answer(), and counts the switch against answering', () => {
    // A story on children's vaccines in general says more of the question's words than the Oakdale
    // story, which never names its town in the general one's paragraphs.
    const folder = SearchIndex.build([
      article('general', 'Vaccines for young children approved', [
        'Regulators approved the vaccine for young children on Friday; what percent of young kids will get it is unclear.',
        'Doctors said young children would get a smaller dose of the vaccine, and kids under five wait longer.',
        'Parents of young kids asked about the vaccine at clinics across the country.',
      ]),
      article('oakdale', 'Oakdale schools open for the year', [
        'About 52 percent of the kids Oakdale schools expect this year are too young for the shot.',
        'Oakdale parents asked the district about masks, and Oakdale teachers agreed to wear them.',
        'The district in Oakdale said classes start in August, with buses from Oakdale Road.',
      ]),
    ]);
    const asked = 'what percent of oakdale kids are too young for the vaccine';
    expect(answer(folder, asked, { minConfidence: 0 }).passages[0]?.article.id).toBe('oakdale');
    // The conviction is the passage's own, less the doubt that the story by the other words lacked the name.
    const q = readQuestion(folder, asked, {});
    if ('reply' in q) throw new Error('no question');
    const c = rankCandidates(folder, q, {});
    expect(c.unnamed).toBe(true);
    const best = checkBestArticle(folder, q, c).ranked[0]!.doc;
    const own = convictionOf(folder, q.groups, evidenceOf(folder, q, c, best));
    expect(explainAnswer(folder, asked, {}).features?.conviction).toBeCloseTo(own - UNNAMED_DOUBT);
  });

  it('does not count a story that has the name only as a common word ("in the world") as saying it', () => {
    const folder = SearchIndex.build([
      article('finals', 'Finals predictions', [
        'Who wins the 2026 finals? Our staff split on who won the most games and who will win the series.',
        'The finals start on Thursday, and the staff picked the winners.',
      ]),
      article('eclipse', 'A total eclipse on Tuesday', [
        'The 2026 eclipse, the last of a series, is visible anywhere in the world.',
        'Viewers will see it after sunrise.',
      ]),
      article('history', 'Today in history', [
        '1909: The Pirates took the World Series, their first World Series title, at the World Series park.',
        '1917: The White Sox took the World Series, a World Series they led to a World Series ring.',
        '1969: The Mets took the World Series, and a World Series banner, in the World Series parade.',
      ]),
    ]);
    const q = readQuestion(folder, 'who won the 2026 world series', {});
    if ('reply' in q) throw new Error('no question');
    const c = rankCandidates(folder, q, {});
    // The finals story never says "World": it is lowered, and so is the eclipse story, which says
    // "world" only as a word; the one naming the World Series is not.
    expect(c.unnamed).toBe(true);
    expect(folder.articles[folder.docArticle[c.ranked[0]!.doc]!]!.id).not.toBe('eclipse');
  });
});
