import { describe, expect, it } from 'vitest';
import { judgeAnswer, type ReaderQuestion } from '../../bench/reader-data.js';
import type { Answer, Passage } from '../../src/search/types.js';

const QUESTION: ReaderQuestion = { q: 'where is the convention', kind: 'reader', article: 'rtqa-news-1', para: 2, answer: 'in Charlotte' };

/** An answer whose top passage shows `text` of paragraph `index`, whose whole text is `paragraph`. */
function answered(index: number, paragraph: string, text: string): Answer {
  const passage = {
    article: { id: 'rtqa-news-1.json', file: 'rtqa-news-1.json', title: 't', url: null, published: null, source: null, paragraphs: [] },
    paragraph: { index, text: paragraph },
    text,
    highlights: [],
    score: 1,
  } as Passage;
  return { question: QUESTION.q, articleCount: 1, language: 'en', passages: [passage] } as Answer;
}

describe('bench:reader judging', () => {
  it('counts the span in the text shown, not in the part of the paragraph cut away', () => {
    const paragraph = 'The party may move. The event is set for August in Charlotte.';
    expect(judgeAnswer(QUESTION, answered(5, paragraph, paragraph))).toBe('right');
    expect(judgeAnswer(QUESTION, answered(5, paragraph, 'The party may move. …'))).toBe('wrong');
  });

  it('counts the gold paragraph as right however it is cut, and any answer to an absent question as wrong', () => {
    expect(judgeAnswer(QUESTION, answered(2, 'Long text.', '…'))).toBe('right');
    expect(judgeAnswer({ ...QUESTION, kind: 'absent', article: null, para: null, answer: null }, answered(2, 'x', 'x'))).toBe('wrong');
  });

  it('finds a span written with a decomposed accent in a passage the cleaning composed', () => {
    const question = { ...QUESTION, answer: 'Emilia Pe\u0301rez' };
    const shown = 'Leading the nominations is Emilia Pérez.'.normalize('NFC');
    expect(judgeAnswer(question, answered(5, shown, shown))).toBe('right');
  });
});
