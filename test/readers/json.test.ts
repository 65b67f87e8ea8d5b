import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJson, readJsonLines } from '../../src/articles/readers/json.js';
import { ArticleError } from '../../src/errors.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures/json', name), 'utf8');

describe('readJson', () => {
  it('reads one article object, splitting "text" at blank lines and ignoring unknown fields', () => {
    const articles = readJson(fixture('single.json'), 'single.json');
    expect(articles).toEqual([
      {
        meta: {
          title: 'Tram line extension opens to passengers',
          url: 'https://metro-daily.example/transport/tram-extension-opens',
          published: '2024-04-22T06:00:00Z',
          source: 'Metro Daily',
        },
        paragraphs: [
          'The two-mile extension of the blue tram line opened to passengers on Monday morning, linking the university campus with the central station.',
          'Trams will run every six minutes at peak times and every ten minutes in the evening, the operator said.',
          'The extension cost ninety million pounds and took three years to build.',
        ],
        reader: 'json',
      },
    ]);
  });

  it('reads an array of articles with "paragraphs", taking "date" when there is no "published"', () => {
    const articles = readJson(fixture('export.json'), 'export.json');
    expect(articles.map((a) => a.meta.title)).toEqual([
      'Reservoir levels back to normal after wet spring',
      'Museum extends opening hours for summer',
    ]);
    expect(articles[0]!.meta.published).toBe('2024-05-10');
    expect(articles[0]!.paragraphs).toHaveLength(2);
    expect(articles[1]!.meta.published).toBe('2024-05-12');
    expect(articles[0]!.warnings).toBeUndefined();
  });

  it('keeps the good items of an array and reports the bad ones', () => {
    const articles = readJson(JSON.stringify([{ title: 'Good', text: 'Body.' }, 'not an article', { title: 'Empty', paragraphs: [] }]), 'mixed.json');
    expect(articles.map((a) => a.meta.title)).toEqual(['Good']);
    expect(articles[0]!.warnings).toEqual([
      'item 2 skipped: expected an article object with "title" and "text" or "paragraphs", got a string',
      'item 3 skipped: its text is empty',
    ]);
  });

  it.each([
    ['{"title": "A", "text": "unterminated', /bad\.json: not valid JSON: .*\(line 1, column \d+\)/],
    ['{\n  "title": "A",\n  "text": "x",\n}', /not valid JSON: .*\(line 4, column 1\)/],
    ['{"title": "A"}', /bad\.json: the article has no "text" or "paragraphs" field/],
    ['{"title": "A", "text": 42}', /"text" must be a string/],
    ['{"title": "A", "paragraphs": ["ok", 7]}', /"paragraphs\[1\]" must be a string/],
    ['{"title": "A", "published": "last Tuesday", "text": "x"}', /"published" is not a date/],
    ['{"title": "A", "url": "ftp://x", "text": "x"}', /"url" is not an http\(s\) URL/],
    ['"just a string"', /expected an article object/],
    ['[]', /the JSON array holds no articles/],
    ['[1, 2]', /no item of the JSON array is a readable article \(item 1 skipped: .*; item 2 skipped/],
  ])('rejects %s with a clear message', (content, message) => {
    expect(() => readJson(content, 'bad.json')).toThrow(ArticleError);
    expect(() => readJson(content, 'bad.json')).toThrow(message);
  });
});

describe('readJsonLines', () => {
  it('reads one article per line, skips blank lines, and reports the bad lines by number', () => {
    const articles = readJsonLines(fixture('export.jsonl'), 'export.jsonl');
    expect(articles.map((a) => a.meta.title)).toEqual(['Council approves new cycle lanes', 'Night market returns to the riverside']);
    expect(articles[0]!.paragraphs).toEqual([
      'Councillors voted by twenty-one to nine to build protected cycle lanes on four main roads into the city centre.',
      'Work on the first route, along London Road, will start in September.',
    ]);
    expect(articles[0]!.reader).toBe('json');
    expect(articles[1]!.meta).toEqual({ title: 'Night market returns to the riverside', published: '2024-06-03' });
    expect(articles[0]!.warnings).toHaveLength(2);
    expect(articles[0]!.warnings![0]).toMatch(/^line 2 skipped: not valid JSON/);
    expect(articles[0]!.warnings![1]).toBe('line 5 skipped: the article has no "text" or "paragraphs" field');
  });

  it('throws only when no line is a readable article', () => {
    expect(() => readJsonLines('{broken\n[1]\n', 'bad.jsonl')).toThrow(/bad\.jsonl: no line is a readable article \(line 1 skipped/);
    expect(() => readJsonLines('\n\n', 'empty.jsonl')).toThrow(/no lines with an article/);
  });
});
