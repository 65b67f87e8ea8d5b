import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/articles/types.js';
import { renderDigest } from '../../src/bot/news.js';
import { MAX_MESSAGE_LENGTH } from '../../src/bot/format.js';

const article = (i: number, title: string): Article => ({
  id: `f${i}.md`,
  file: `f${i}.md`,
  title,
  url: `https://news.example/${i}?a=1&b=2`,
  published: null,
  source: null,
  paragraphs: [{ index: 0, text: 'Body.' }],
});

describe('the digest of a burst of new articles', () => {
  it('lists 500 long titles in one valid message within Telegram’s length, saying how many came', () => {
    const many = Array.from({ length: 500 }, (_, i) => article(i, `Title <${i}> & ${'long words '.repeat(20)}`));
    const html = renderDigest(many, 'en');
    expect(html.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(html.startsWith('🔔 <b>New articles: 500</b>\n1. <a href="https://news.example/0?a=1&amp;b=2">Title &lt;0&gt; &amp; long words')).toBe(
      true,
    );
    expect(html).not.toContain('<0>');
  });

  it('heads the digest in the given language', () => {
    expect(renderDigest([article(1, 'Один'), article(2, 'Два')], 'ru')).toMatch(/^🔔 <b>Новые статьи: 2<\/b>\n1\. /);
  });
});
