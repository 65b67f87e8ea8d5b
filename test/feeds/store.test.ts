import { describe, expect, it } from 'vitest';
import { readText } from '../../src/articles/readers/text.js';
import { feedFolder, renderArticle, storedFileName, urlKey } from '../../src/feeds/store.js';

describe('stored feed items', () => {
  it('get a stable, readable file name from date, title and GUID', () => {
    const item = { published: '2024-03-14T23:30:00-02:00', title: 'Mayor: "We’ll rebuild the pier" — in 2025!', identity: 'guid-1' };
    const name = storedFileName(item);
    expect(name).toMatch(/^2024-03-15-mayor-we-ll-rebuild-the-pier-in-2025-[0-9a-f]{8}\.md$/);
    expect(storedFileName(item)).toBe(name);
    expect(storedFileName({ ...item, identity: 'guid-2' })).not.toBe(name);
    expect(storedFileName({ title: 'Café déjà vu', identity: 'x' })).toMatch(/^undated-cafe-deja-vu-[0-9a-f]{8}\.md$/);
    expect(storedFileName({ title: 'Новости дня', identity: 'x' })).toMatch(/^undated-новости-дня-[0-9a-f]{8}\.md$/);
    expect(storedFileName({ title: '!!!', identity: 'x' })).toMatch(/^undated-untitled-[0-9a-f]{8}\.md$/);
    expect(storedFileName({ title: 'word '.repeat(40), identity: 'x' }).length).toBeLessThan(90);
    expect(feedFolder('https://www.Example.COM:8080/rss')).toBe('feeds/example.com');
  });

  it('are written so the Markdown reader reads back exactly what was stored, whatever the title holds', () => {
    const meta = {
      title: 'He said: "no" — #1 --- [draft] {x}\u2028next',
      url: 'https://news.example/a?b=1&c=2#top',
      published: '2024-03-14T08:30:00.000Z',
      source: "O'Brien's: Daily",
      guid: 'tag:news.example,2024:1',
      feed: 'https://news.example/rss',
    };
    const text = renderArticle(meta, ['First  paragraph\nwrapped.', '', 'Second paragraph.']);
    const [raw] = readText(text, 'feeds/news.example/a.md');
    expect(raw!.meta).toEqual({ title: meta.title, url: meta.url, published: meta.published, source: meta.source });
    expect(raw!.paragraphs).toEqual(['First paragraph wrapped.', 'Second paragraph.']);
  });

  it('are recognised by URL whatever the tracking parameters, fragment, scheme or trailing slash', () => {
    const key = urlKey('https://www.news.example/story/1/');
    for (const u of ['http://news.example/story/1', 'https://news.example/story/1?utm_source=rss&utm_medium=feed#comments']) {
      expect(urlKey(u)).toBe(key);
    }
    expect(urlKey('https://news.example/story/1?page=2')).not.toBe(key);
    expect(urlKey('mailto:editor@news.example')).toBeUndefined();
  });
});
