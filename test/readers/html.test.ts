import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractHtml, fragmentParagraphs, readHtml } from '../../src/articles/readers/html.js';
import { ArticleError } from '../../src/errors.js';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '../fixtures/html', name), 'utf8');

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

describe('readHtml on a news page with site chrome', () => {
  const article = only(readHtml(fixture('harbour-bridge.html'), 'news/harbour-bridge.html'));
  const body = article.paragraphs.join('\n');

  it('keeps the story paragraphs, in order, one per block, with whitespace normalised', () => {
    expect(article.reader).toBe('html');
    expect(article.paragraphs[0]).toBe(
      'The harbour bridge will close to all traffic for six weeks from the first of May while engineers replace the worn expansion joints, the city council announced on Thursday.',
    );
    // The second paragraph is wrapped over three lines in the page.
    expect(article.paragraphs[1]).toBe(
      'Council transport chief Daniel Okafor said the joints had reached the end of their design life and that a full closure was the only way to finish the work before the autumn storms.',
    );
    expect(article.paragraphs.at(-1)).toBe('The repairs will cost an estimated £4.2 million, paid for from the regional infrastructure fund.');
    expect(body).toContain('Maria Lopes');
    expect(body).toContain('"We looked at night-only closures');
  });

  it('joins a list of short items into one paragraph', () => {
    expect(article.paragraphs).toContain('Route 4 via Station Road; Route 7 via the ring road; Night bus N2 via Mill Lane');
  });

  it('leaves navigation, share bars, ads, related stories, comments and footers out', () => {
    for (const junk of [
      'Sport', // navigation
      'Skip to content',
      'Share on Facebook',
      'Share this article',
      'WhatsApp',
      'Holiday homes', // top banner ad
      'Switch your energy supplier', // ad in the middle of the story
      'Advertisement',
      'Learn a language',
      'Sign up for our morning briefing',
      'New ferry timetable', // related stories
      'Port expansion plans',
      'Inspection finds rust', // "Read more" teaser
      'Mayor announces plan', // most-read sidebar
      'Join the conversation', // comments
      'All rights reserved', // footer
      'We use cookies',
      'Photo: Gazette staff', // figure caption
      'Alice Marsh', // byline
      'dataLayer',
    ]) {
      expect(body, junk).not.toContain(junk);
    }
  });

  it('reads title, canonical URL, published date (JSON-LD inside @graph) and site name', () => {
    expect(article.meta).toEqual({
      title: 'Harbour bridge to close for six weeks of repairs',
      // The relative canonical link wins over og:url (which carries tracking parameters).
      url: 'https://www.riverside-gazette.example/news/2024/03/harbour-bridge-repairs',
      published: '2024-03-14T08:30:00+00:00',
      source: 'Riverside Gazette',
    });
  });
});

describe('readHtml on other page shapes', () => {
  it('reads a WordPress-style post: og:url, article:published_time, host as source, sharing and related blocks dropped', () => {
    const article = only(readHtml(fixture('blog-post.htm'), 'blog-post.htm'));
    expect(article.meta).toEqual({
      title: 'Community garden wins city award',
      url: 'https://northfield-notes.example/2024/05/community-garden-award/',
      published: '2024-05-02',
      source: 'northfield-notes.example',
    });
    // Long list items stay separate paragraphs.
    expect(article.paragraphs).toHaveLength(5);
    expect(article.paragraphs[3]).toMatch(/^Plots are allocated every March/);
    const body = article.paragraphs.join('\n');
    for (const junk of ['Share this', 'Twitter', 'Tree planting day', 'Events']) expect(body).not.toContain(junk);
  });

  it('falls back to <time datetime> for the date and to the page title; no URL means no source', () => {
    const article = only(readHtml(fixture('time-only.html'), 'time-only.html'));
    expect(article.meta).toEqual({ title: 'Library opens on Sundays', published: '2024-06-09' });
    expect(article.paragraphs).toContain(
      'The central library will open on Sunday afternoons from next month after a trial last winter drew more than three thousand visitors, the council said.',
    );
  });

  it('finds datePublished in a top-level JSON-LD array and ignores a JSON-LD block that does not parse', () => {
    const html = `<html><head><title>T</title>
      <script type="application/ld+json">{ not json </script>
      <script type="application/ld+json">[{"@type":"Organization","name":"X"},{"@type":"NewsArticle","datePublished":"2023-11-05T12:00:00Z","url":"https://x.example/a"}]</script>
      </head><body><article><p>${'The ferry service to the islands will resume next week after the storm damage to the pier was repaired by the harbour authority. '.repeat(3)}</p></article></body></html>`;
    const article = only(readHtml(html, 'a.html'));
    expect(article.meta.published).toBe('2023-11-05T12:00:00Z');
    expect(article.meta.url).toBe('https://x.example/a');
    expect(article.meta.source).toBe('x.example');
  });

  it('uses the address the page came from when the page names none', () => {
    const html = `<html><head><title>Pier reopens</title></head><body><article><p>${'The pier reopened to visitors on Saturday after a winter of repairs to its wooden deck and railings. '.repeat(3)}</p></article></body></html>`;
    const article = extractHtml(html, 'https://www.coast-news.example/pier', { baseUrl: 'https://www.coast-news.example/pier' });
    expect(article.meta.url).toBe('https://www.coast-news.example/pier');
    expect(article.meta.source).toBe('coast-news.example');
  });

  it('throws an ArticleError naming the file when the page has no article text', () => {
    expect(() => readHtml(fixture('no-article.html'), 'no-article.html')).toThrow(ArticleError);
    expect(() => readHtml(fixture('no-article.html'), 'no-article.html')).toThrow(/no-article\.html: no article text/);
    expect(() => readHtml('', 'empty.html')).toThrow(ArticleError);
  });
});

describe('fragmentParagraphs', () => {
  it('turns a feed item body into paragraphs, dropping figures and share links', () => {
    const paragraphs = fragmentParagraphs(
      '<p>First  paragraph\n of the item.</p><figure><img src="x.jpg"><figcaption>Photo credit</figcaption></figure><div>Second paragraph<br>with a line break.</div><div class="share"><a href="#">Share</a></div>',
    );
    expect(paragraphs).toEqual(['First paragraph of the item.', 'Second paragraph with a line break.']);
  });
});

describe('readHtml on pages without the optional <html>, <head> and <body> tags', () => {
  const story = 'The night ferry to the islands returns on Friday after a six-month break for engine repairs, the operator said. '.repeat(3).trim();

  it.each([
    ['no tags at all', `<!doctype html><title>Night ferry returns</title><p>${story}</p>`],
    ['head but no body tag', `<html><head><title>Night ferry returns</title></head><p>${story}</p></html>`],
    ['body but no html tag', `<body><p>${story}</p></body>`],
  ])('%s', (_shape, html) => {
    const article = only(readHtml(html, 'partial.html'));
    expect(article.paragraphs).toEqual([story]);
  });
});
