import { describe, expect, it } from 'vitest';
import { SearchIndex } from '../../src/search/index.js';
import { queryGroups } from '../../src/search/query.js';
import { articleSupport } from '../../src/search/rank.js';
import { article } from './fixture.js';
import { answer } from '../../src/search/answer.js';
import { where } from './helpers.js';

// The story a question is about says its words in several paragraphs; a weekly quiz mentions the
// same thing once, in a line that happens to repeat the question's words.
const STORY = article('lottery', 'Lottery fever grips the state', [
  'The Mega Millions jackpot has grown to 1.1 billion dollars after nobody matched all six numbers on Tuesday night.',
  'Mega Millions officials said the jackpot is the second largest in the history of the game.',
  'Ticket sales usually surge when the jackpot passes a billion dollars, lottery officials said.',
  'Stores near the border reported queues of buyers from neighbouring states.',
]);
const QUIZ = article('quiz', 'This week in the news', [
  'Which retailer said this week it is slashing prices on clothing? Test what you know.',
  'Which jackpot? The Mega Millions jackpot: players lined up at stores in several states for hours.',
  'Which country won the football final on Sunday?',
]);
const SHORT = article('short', 'Brief', ['The Mega Millions jackpot grew again after nobody won on Tuesday.']);

function support(index: SearchIndex, question: string, id: string): number {
  const words = question.toLowerCase().match(/\p{L}+/gu)!;
  const groups = queryGroups(index, words, 'en');
  return articleSupport(
    index,
    groups,
    index.articles.findIndex((a) => a.id === id),
  );
}

describe('article support', () => {
  it('is the article’s second-best paragraph: none for a story that matches in one paragraph only', () => {
    const index = SearchIndex.build([STORY, QUIZ]);
    expect(support(index, 'mega millions jackpot', 'lottery')).toBeGreaterThan(0.2);
    expect(support(index, 'mega millions jackpot', 'quiz')).toBe(0);
  });

  it('is the paragraph itself for an article of one paragraph, which has no rest to back it', () => {
    const index = SearchIndex.build([STORY, SHORT]);
    expect(support(index, 'mega millions jackpot', 'short')).toBeGreaterThan(0.2);
  });

  it('puts the story that answers before a stray paragraph of another article that repeats the question', () => {
    // Ranking alone (no bar): the quiz's line is shorter, so by its own words it scores higher.
    const a = answer(SearchIndex.build([QUIZ, STORY]), 'how big is the mega millions jackpot now', { minConfidence: 0 });
    expect(where(a.passages[0])).toMatch(/^lottery#/);
  });
});
