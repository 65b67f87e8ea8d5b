import type { Article } from '../../src/articles/types.js';
import { answer } from '../../src/search/answer.js';
import { SearchIndex } from '../../src/search/index.js';
import type { AnswerOptions } from '../../src/search/types.js';

/** A small invented news set (written for these tests) and the real answer() over it. */
const raw: Array<Omit<Article, 'paragraphs' | 'id'> & { paragraphs: string[] }> = [
  {
    file: 'bridge.md',
    title: 'Harbour bridge reopens after six months of repairs',
    url: 'https://news.example.org/harbour-bridge',
    published: '2024-03-05',
    source: 'Example News',
    paragraphs: [
      'The harbour bridge reopened to traffic on Monday morning after six months of repairs to its steel cables.',
      'Engineers replaced forty corroded cables and repainted the towers, the transport department said.',
      'Mayor Lina Ortiz said the repairs cost 12 million euros, two million more than planned, because of winter storms.',
      'Cyclists will get a separate lane on the bridge from April, according to the city plan.',
    ],
  },
  {
    file: 'council.md',
    title: 'City council approves budget with more money for schools',
    url: 'https://news.example.org/council-budget',
    published: '2024-03-12',
    source: 'Example News',
    paragraphs: [
      'The city council approved next year’s budget by 31 votes to 14 on Thursday evening.',
      'Spending on schools rises by eight percent, paid for by a new tax on holiday rentals.',
      'Opposition members said the rental tax would push tourists to neighbouring towns.',
    ],
  },
  {
    file: 'storm.txt',
    title: 'Storm Greta floods the old town',
    url: null,
    published: '2024-02-20',
    source: null,
    paragraphs: [
      'Storm Greta brought heavy rain that flooded cellars and shops in the old town on Tuesday night.',
      'Firefighters pumped water out of more than two hundred basements, the fire brigade said.',
      'Meteorologists expect calmer weather with sunshine by the weekend.',
    ],
  },
];

export const articles: Article[] = raw.map((a) => ({
  ...a,
  id: a.file,
  paragraphs: a.paragraphs.map((text, index) => ({ index, text })),
}));

const index = SearchIndex.build(articles);

export function ask(question: string, options?: AnswerOptions) {
  return answer(index, question, options);
}
