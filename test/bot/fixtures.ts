import type { Article } from '../../src/articles/types.js';
import type { Answer, Passage } from '../../src/search/types.js';

export function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 'harbour.md',
    file: 'harbour.md',
    title: 'Harbour bridge reopens after repairs',
    url: 'https://news.example.org/harbour-bridge',
    published: '2024-03-05',
    source: 'Example News',
    paragraphs: [{ index: 0, text: 'The harbour bridge reopened on Monday after six months of repairs.' }],
    ...overrides,
  };
}

export function passage(text: string, highlights: Array<[number, number]> = [], a: Article = article()): Passage {
  return { article: a, paragraph: a.paragraphs[0] ?? { index: 0, text }, text, highlights, score: 0.8 };
}

export function answerOf(passages: Passage[], question = 'when did the bridge reopen?'): Answer {
  return passages.length > 0 ? { question, passages, articleCount: 12 } : { question, passages, articleCount: 12, reason: 'not-found' };
}
