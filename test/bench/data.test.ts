import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/articles/clean.js';
import { loadArticles } from '../../src/articles/library.js';
import { corpusArticleLine, syntheticParagraph } from '../../bench/data.js';

const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed}${i % 7 === 0 ? '' : i}`).join(' ');

/** Long and short paragraphs, one exactly 20 words, one of 3: the cases the markers must cover. */
const ARTICLES = [
  cleanArticle(
    {
      meta: { title: 'Harbour pier opens after two years', url: 'https://example.org/pier', published: '2024-05-02' },
      paragraphs: [
        `The harbour authority opened the new pier on Tuesday after two years of construction work, ${words(60, 'pier')}.`,
        'Ferries to the islands will use the pier from June, doubling the number of daily crossings for everyone there.',
        'Read more here.',
      ],
      reader: 'json',
    },
    'a',
    'a',
  ),
  cleanArticle(
    {
      meta: { title: 'Council votes on the library budget', url: 'https://example.org/library?id=4', published: '2024-05-03' },
      paragraphs: [`The council voted on Monday to keep the library open on Sundays, ${words(90, 'library')}.`, 'Sign up for our newsletter.'],
      reader: 'json',
    },
    'b',
    'b',
  ),
];

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('bench:speed synthetic copies', () => {
  it('every paragraph of every copy stays indexed after the loader removes duplicates', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'bench-data-'));
    const copies = 4;
    const lines = Array.from({ length: copies }, (_, copy) => ARTICLES.map((a) => corpusArticleLine(a, copy))).flat();
    writeFileSync(path.join(dir, 'part-0.jsonl'), `${lines.join('\n')}\n`);
    const original = ARTICLES.reduce((n, a) => n + a.paragraphs.length, 0);
    const { articles } = await loadArticles(dir);
    expect(articles).toHaveLength(ARTICLES.length * copies);
    expect(articles.reduce((n, a) => n + a.paragraphs.length, 0)).toBe(original * copies);
  });

  it('copy 0 is the real text; later copies keep its words, with a marker in every paragraph', () => {
    const text = 'Ferries to the islands will use the pier from June.';
    expect(syntheticParagraph(text, 0)).toBe(text);
    expect(syntheticParagraph(text, 2)).toBe(`${text} zzcopy2`);
    const long = words(45, 'w');
    const marked = syntheticParagraph(long, 3).split(' ');
    expect(marked.filter((w) => w === 'zzcopy3')).toHaveLength(3);
    expect(marked.filter((w) => w !== 'zzcopy3').join(' ')).toBe(long);
  });
});
