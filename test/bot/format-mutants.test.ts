import { describe, expect, it } from 'vitest';
import { renderAnswer, renderHelp, renderInlineArticle, renderInlinePassage, renderSources } from '../../src/bot/format.js';
import { answerOf, article, passage } from './fixtures.js';

// What format.test.ts leaves open: inline results, page numbers and clamping, highlights on
// fractional or mid-emoji offsets, and the bot's @name in /help.

const head = '📰 <a href="https://news.example.org/harbour-bridge">Harbour bridge reopens after repairs</a>';

describe('inline results', () => {
  it('a passage result has the title, the passage on one line as description, and no "not sure" line', () => {
    const a = { ...answerOf([passage('One  two\n three four', [[0, 3]])]), tentative: true as const };
    expect(renderInlinePassage(a, 0)).toEqual({
      title: 'Harbour bridge reopens after repairs',
      description: 'One two three four',
      html: `<b>One</b>  two\n three four\n\n${head}\n<i>Example News · 5 Mar 2024</i>`,
    });
  });

  it('a passage result is titled by the file when the article has no title, cut to 200 characters', () => {
    const untitled = article({ title: '' });
    expect(renderInlinePassage(answerOf([passage('Text.', [], untitled)]), 0).title).toBe('harbour.md');
    const long = renderInlinePassage(answerOf([passage('word '.repeat(100))]), 0).description;
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('…')).toBe(true);
  });

  it('an article result shows source and date, and offers "Open article" only when there is a link', () => {
    expect(renderInlineArticle(article())).toEqual({
      title: 'Harbour bridge reopens after repairs',
      description: 'Example News · 5 Mar 2024',
      html: `${head}\n<i>Example News · 5 Mar 2024</i>`,
      keyboard: { inline_keyboard: [[{ text: 'Open article', url: 'https://news.example.org/harbour-bridge' }]] },
    });
    const unlinked = renderInlineArticle(article({ url: undefined }));
    expect(unlinked.html).toBe('📰 <b>Harbour bridge reopens after repairs</b> (harbour.md)\n<i>Example News · 5 Mar 2024</i>');
    expect(unlinked.keyboard).toBeUndefined();
  });
});

describe('answer pages', () => {
  const three = answerOf([passage('First passage.'), passage('Second passage here.'), passage('Third.')]);
  const texts = (kb: ReturnType<typeof renderAnswer>['keyboard']) =>
    (kb?.inline_keyboard ?? []).flat().map((b) => ('callback_data' in b ? b.callback_data : b.text));

  it('numbers the page in the footer and offers both directions in the middle', () => {
    const { html, keyboard } = renderAnswer(three, 1);
    expect(html).toBe(`Second passage here.\n\n${head}\n<i>Example News · 5 Mar 2024 · 2/3</i>`);
    expect(texts(keyboard)).toEqual(['ans:0', 'ans:2', 'Open article']);
  });

  it('clamps a page out of range or fractional to one that exists', () => {
    expect(renderAnswer(three, 99).html).toMatch(/^Third\.\n[\s\S]*· 3\/3<\/i>$/);
    expect(texts(renderAnswer(three, 99).keyboard)).toEqual(['ans:1', 'Open article']);
    expect(texts(renderAnswer(three, -3).keyboard)).toEqual(['ans:1', 'Open article']);
    expect(renderAnswer(three, 1.7).html).toMatch(/^Second passage here\./);
  });

  it('shows no page number and no pager for a single passage', () => {
    const { html, keyboard } = renderAnswer(answerOf([passage('Only one.')]));
    expect(html).toBe(`Only one.\n\n${head}\n<i>Example News · 5 Mar 2024</i>`);
    expect(texts(keyboard)).toEqual(['Open article']);
  });
});

describe('highlights', () => {
  it('never splits an emoji: offsets inside one are widened to the whole character, fractions floored', () => {
    const text = 'Wave 🌊 here and 🌊x';
    const html = renderAnswer(
      answerOf([
        passage(text, [
          [5.5, 6],
          [15, 16],
          [16, 18.2],
        ]),
      ]),
    ).html.split('\n')[0];
    expect(html).toBe('Wave <b>🌊</b> here an<b>d 🌊</b>x');
  });

  it('bolds highlights given out of order, and ignores empty ones', () => {
    const first = (spans: Array<[number, number]>) => renderAnswer(answerOf([passage('abc def ghi', spans)])).html.split('\n')[0];
    expect(
      first([
        [8, 11],
        [0, 3],
      ]),
    ).toBe('<b>abc</b> def <b>ghi</b>');
    expect(first([[4, 4]])).toBe('abc def ghi');
  });

  it('cuts inside a long unspaced run rather than going back more than 80 characters to a space', () => {
    const body = renderAnswer(answerOf([passage(`word ${'x'.repeat(5000)}`)])).html.split('\n\n')[0]!;
    expect(body).toMatch(/^word x{3000,}…$/);
  });

  it('merges touching highlights into one bold run', () => {
    expect(
      renderAnswer(
        answerOf([
          passage('abc def ghi', [
            [0, 3],
            [3, 7],
          ]),
        ]),
      ).html.split('\n')[0],
    ).toBe('<b>abc def</b> ghi');
  });

  it('cuts a long passage at a space, closing the bold run and ending in "…"', () => {
    const text = 'alpha '.repeat(1000).trim();
    const html = renderAnswer(answerOf([passage(text, [[0, text.length]])])).html;
    const body = html.split('\n\n')[0]!;
    expect(html.length).toBeLessThanOrEqual(4096);
    expect(body).toMatch(/^<b>alpha( alpha)*<\/b>…$/);
    expect(body.length).toBeGreaterThan(3900);
  });
});

describe('/help', () => {
  it('names the bot by its @username when known, and no @name when not', () => {
    expect(renderHelp('news_bot')).toContain('@news_bot');
    expect(renderHelp(undefined)).not.toContain('@');
  });
});

describe('titles and lists', () => {
  it('cuts a title over 300 characters to 300 with "…", never inside an escaped "&"', () => {
    const title = 'a&'.repeat(200);
    const shown = renderInlineArticle(article({ title, url: 'https://e.example/x' })).html.match(/">(.*)<\/a>/)![1]!;
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(300);
    expect(shown.length).toBeGreaterThan(290);
    expect(shown.slice(0, -1)).toMatch(/^(a&amp;)+a?$/);
  });

  it('gives an article with neither source nor date no details line, in an answer and in a list', () => {
    const bare = article({ source: null, published: null, url: null });
    expect(renderAnswer(answerOf([passage('Text here.', [], bare)])).html).toBe(
      'Text here.\n\n📰 <b>Harbour bridge reopens after repairs</b> (harbour.md)',
    );
    expect(renderSources([bare]).html.split('\n')[1]).toBe('1. Harbour bridge reopens after repairs');
  });

  it('lists one page of sources without page numbers or buttons, and numbers a later page on', () => {
    const one = renderSources([article()]);
    expect(one.keyboard).toBeUndefined();
    expect(one.html).not.toMatch(/\(/);
    const many = Array.from({ length: 15 }, (_, i) => article({ title: `Story ${i + 1}` }));
    const last = renderSources(many, 99);
    expect(last.html.split('\n')[0]).toMatch(/\(.*2.*2.*\)$/);
    expect(last.html.split('\n')[1]).toMatch(/^11\. .*Story 11/);
    expect(last.html.split('\n')[2]).toMatch(/^12\. .*Story 12/);
    expect(last.keyboard).toEqual({ inline_keyboard: [[{ text: '◀ Prev', callback_data: 'src:0' }]] });
  });

  it('answers with passages, not the newest articles, when the answer was not a request for news', () => {
    const html = renderAnswer(answerOf([passage('The passage.')]), 0, { articles: [article({ title: 'Other' })] }).html;
    expect(html).toMatch(/^The passage\./);
  });
});
