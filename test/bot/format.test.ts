import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  articleHead,
  renderAnswer,
  renderHelp,
  renderInlineArticle,
  renderInlinePassage,
  renderLatest,
  renderSources,
  renderWelcome,
  type InlineButton,
} from '../../src/bot/format.js';
import { botCommands } from '../../src/bot/bot.js';
import { phrasesFor, REPLY_LANGUAGES, userLanguage } from '../../src/replies/phrases/index.js';
import { renderAnswerPlain } from '../../src/replies/plain.js';
import { latestArticles } from '../../src/replies/text.js';
import { answerOf, article, passage } from './fixtures.js';
import type { Answer } from '../../src/search/types.js';
import { telegramHtmlProblems, visibleText } from './telegram-html.js';

const buttons = (kb: { inline_keyboard: InlineButton[][] } | undefined) => (kb?.inline_keyboard ?? []).flat();

describe('renderAnswer', () => {
  it('shows the passage with matched words in bold, then the linked title, source and date', () => {
    const text = 'The harbour bridge reopened on Monday after six months of repairs.';
    const { html } = renderAnswer(
      answerOf([
        passage(text, [
          [4, 11],
          [28, 37],
        ]),
      ]),
    );
    expect(html).toBe(
      'The <b>harbour</b> bridge reopened <b>on Monday</b> after six months of repairs.\n\n' +
        '📰 <a href="https://news.example.org/harbour-bridge">Harbour bridge reopens after repairs</a>\n' +
        '<i>Example News · 5 Mar 2024</i>',
    );
    expect(telegramHtmlProblems(html)).toEqual([]);
  });

  it('says it is not sure above a tentative answer, and only then', () => {
    const sure = answerOf([passage('The harbour bridge reopened on Monday.')]);
    const { html } = renderAnswer({ ...sure, tentative: true });
    expect(html.startsWith('<i>Not sure this answers your question; the closest I found:</i>\n\nThe harbour bridge reopened')).toBe(true);
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(renderAnswer(sure).html).not.toContain('Not sure');
    expect(
      renderAnswerPlain({ ...sure, tentative: true })
        .split('\n')
        .slice(0, 3),
    ).toEqual(['Not sure this answers your question; the closest I found:', '', 'The harbour bridge reopened on Monday.']);
    expect(renderAnswerPlain(sure)).not.toContain('Not sure');
    // An inline result is posted by someone who has read it: no hedge in the message it sends.
    expect(renderInlinePassage({ ...sure, tentative: true }, 0).html).not.toContain('Not sure');
  });

  it('says its own sentences in the language of the question, English when it has none for it', () => {
    const none = answerOf([]);
    expect(renderAnswer({ ...none, language: 'ru' }).html).toMatch(/^Ничего об этом не нашлось \(статей в базе: 12\)\. Попробуйте переформулировать/);
    expect(renderAnswerPlain({ ...none, reason: 'small-talk', question: 'danke!', language: 'de' })).toMatch(/^Gern geschehen!/);
    expect(renderAnswerPlain({ ...none, reason: 'small-talk', question: 'hola', language: 'es' })).toMatch(
      /^¡Hola! Respondo preguntas sobre las noticias/,
    );
    expect(renderAnswer({ ...none, language: 'sv' }).html).toMatch(/^I found nothing about that in my 12 articles/);
    const two = answerOf([passage('Первый абзац.'), passage('Второй абзац.')]);
    const { html, keyboard } = renderAnswer({ ...two, language: 'ru', tentative: true });
    expect(html.startsWith('<i>Не уверен, что это ответ на ваш вопрос;')).toBe(true);
    expect(buttons(keyboard).map((b) => b.text)).toEqual(['Далее ▶', 'Открыть статью']);
    const latest = renderAnswer({ ...none, reason: 'latest', language: 'de' }, 0, { articles: [article()] }).html;
    expect(latest.startsWith('<b>Neueste Artikel</b>')).toBe(true);
  });

  it('escapes &, <, > in text and title, and quotes in the link', () => {
    const a = article({ title: 'Q&A: <script> "quoted"', url: 'https://x.example/a?b=1&c="2"' });
    const { html, keyboard } = renderAnswer(answerOf([passage('Profits <rose> 5% & "more"', [[9, 13]], a)]));
    expect(html).toContain('Profits &lt;<b>rose</b>&gt; 5% &amp; &quot;more&quot;');
    expect(html).toContain('href="https://x.example/a?b=1&amp;c=&quot;2&quot;"');
    expect(html).toContain('Q&amp;A: &lt;script&gt; &quot;quoted&quot;');
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(buttons(keyboard)).toContainEqual({ text: 'Open article', url: 'https://x.example/a?b=1&c="2"' });
  });

  it('names the title and file when the article has no URL, with no "Open article" button', () => {
    const a = article({ url: null, source: null, file: 'local/notes.txt' });
    const { html, keyboard } = renderAnswer(answerOf([passage('Some text here.', [], a)]));
    expect(html).toContain('📰 <b>Harbour bridge reopens after repairs</b> (local/notes.txt)');
    expect(html).not.toContain('<a ');
    expect(keyboard).toBeUndefined();
  });

  it('puts 👍 and 👎 between Prev and Next when votes are kept, with callback data well within 64 bytes', () => {
    const three = answerOf([passage('First.'), passage('Second.'), passage('Third.')]);
    const row = (page: number) => renderAnswer(three, page, { feedback: true }).keyboard!.inline_keyboard[0]!;
    expect(row(1).map((b) => b.text)).toEqual(['◀ Prev', '👍', '👎', 'Next ▶']);
    expect(row(0).map((b) => b.text)).toEqual(['👍', '👎', 'Next ▶']);
    for (const b of row(1)) if ('callback_data' in b) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    expect(buttons(renderAnswer(three, 1).keyboard).map((b) => b.text)).toEqual(['◀ Prev', 'Next ▶', 'Open article']);
    // A decline has nothing to rate: it is kept as declined anyway.
    expect(renderAnswer(answerOf([]), 0, { feedback: true }).keyboard).toBeUndefined();
  });

  it('keeps "…" elisions as given and merges overlapping or out-of-range highlights', () => {
    const { html } = renderAnswer(
      answerOf([
        passage('… the vote was close …', [
          [6, 10],
          [8, 14],
          [50, 60],
          [3, 2],
        ]),
      ]),
    );
    expect(html.split('\n')[0]).toBe('… the <b>vote was</b> close …');
  });

  it('never exceeds 4096 characters, cutting the passage without breaking tags or entities', () => {
    const long = 'Tom & Jerry <ran> away. '.repeat(600);
    const spans: Array<[number, number]> = [];
    for (let i = 0; i < long.length; i += 24) spans.push([i, i + 3]);
    const { html } = renderAnswer(answerOf([passage(long, spans)]));
    expect(html.length).toBeLessThanOrEqual(4096);
    expect(html.length).toBeGreaterThan(3000);
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(html).toMatch(/…\n\n📰/);
    expect(html).toContain('Harbour bridge reopens after repairs'); // the source survives the cut
  });

  it.each([false, true])('sends a passage that makes exactly 4096 characters whole, and cuts one character more (tentative: %s)', (tentative) => {
    const render = (text: string) => renderAnswer({ ...answerOf([passage(text)]), ...(tentative ? { tentative: true as const } : {}) }).html;
    // Everything around the passage (the "not sure" line, the blank line, the title and source).
    const frame = render('x').length - 1;
    const fill = (n: number) => `${'The council met again on Monday. '.repeat(200).slice(0, n - 1)}.`;
    const exact = fill(4096 - frame);
    const fits = render(exact);
    expect(fits.length).toBe(4096);
    expect(fits).toContain(`${exact}\n\n📰`); // all of it, no "…"

    const over = fill(4096 - frame + 1);
    const cut = render(over);
    expect(cut.length).toBeLessThanOrEqual(4096);
    expect(cut).not.toContain(over);
    expect(cut).toMatch(/…\n\n📰/);
    expect(cut.length).toBeGreaterThan(4096 - 80); // cut at the last word boundary, not far earlier
  });

  it('fits 4,000 ampersands (which grow five-fold when escaped) and a huge title', () => {
    const a = article({ title: 'T&'.repeat(3000) });
    const { html } = renderAnswer(answerOf([passage('&'.repeat(4000), [[0, 4000]], a)]));
    expect(html.length).toBeLessThanOrEqual(4096);
    expect(telegramHtmlProblems(html)).toEqual([]);
  });

  it('pages through passages with Prev/Next buttons whose data fits 64 bytes', () => {
    const ans = answerOf([passage('First.'), passage('Second.'), passage('Third.')]);
    const first = renderAnswer(ans, 0);
    expect(buttons(first.keyboard).map((b) => b.text)).toEqual(['Next ▶', 'Open article']);
    expect(first.html).toContain('1/3');
    const middle = renderAnswer(ans, 1);
    expect(middle.html.startsWith('Second.')).toBe(true);
    expect(buttons(middle.keyboard).map((b) => b.text)).toEqual(['◀ Prev', 'Next ▶', 'Open article']);
    const last = renderAnswer(ans, 2);
    expect(buttons(last.keyboard).map((b) => b.text)).toEqual(['◀ Prev', 'Open article']);
    for (const b of [...buttons(first.keyboard), ...buttons(middle.keyboard), ...buttons(last.keyboard)]) {
      if ('callback_data' in b) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
    }
  });

  it('says plainly when nothing was found, with the article count and a suggestion', () => {
    const { html, keyboard } = renderAnswer(answerOf([]), 0, { topics: ['Election results are in'] });
    expect(html).toBe('I found nothing about that in my 12 articles. Try rephrasing, or ask about “Election results are in”.');
    expect(keyboard).toBeUndefined();
  });

  it('answers small talk with a short friendly hint instead, and thanks with "you\'re welcome"', () => {
    const { html } = renderAnswer({ question: 'hello', passages: [], reason: 'small-talk', articleCount: 1 });
    expect(html).toMatch(/^Hi! I answer questions about the news in my 1 article\./);
    for (const question of ['thanks!', 'Thank you so much', 'спасибо', 'danke schön']) {
      expect(renderAnswer({ question, passages: [], reason: 'small-talk', articleCount: 4 }).html).toBe(
        "You're welcome! Ask me anything else about the news in my 4 articles.",
      );
    }
  });
});

describe('renderAnswerPlain', () => {
  it('has the same passage, title, source, date and link, without HTML', () => {
    const text = renderAnswerPlain(answerOf([passage('Costs <rose> & fell.', [[6, 12]]), passage('Other.')]));
    expect(text).toBe(
      'Costs <rose> & fell.\n\n— Harbour bridge reopens after repairs\n  Example News · 5 Mar 2024\n  https://news.example.org/harbour-bridge\n  (1 more passage)',
    );
  });

  it('says it found nothing, like the bot', () => {
    expect(renderAnswerPlain(answerOf([]))).toMatch(/^I found nothing about that in my 12 articles\./);
  });
});

describe('source lists', () => {
  const many = Array.from({ length: 23 }, (_, i) =>
    article({
      id: `a${i}`,
      file: `a${i}.md`,
      title: `Story ${i + 1}`,
      url: `https://e.example/${i}`,
      published: `2024-01-${String(i + 1).padStart(2, '0')}`,
    }),
  );

  it('paginates /sources ten at a time with Prev/Next buttons', () => {
    const p0 = renderSources(many, 0);
    expect(p0.html).toContain('<b>23 indexed articles</b> (page 1/3)');
    expect(p0.html).toContain('1. <a href="https://e.example/0">Story 1</a>');
    expect(p0.html).not.toContain('Story 11');
    expect(buttons(p0.keyboard)).toEqual([{ text: 'Next ▶', callback_data: 'src:1' }]);
    const p2 = renderSources(many, 2);
    expect(p2.html).toContain('21. <a href="https://e.example/20">Story 21</a>');
    expect(buttons(p2.keyboard)).toEqual([{ text: '◀ Prev', callback_data: 'src:1' }]);
    expect(telegramHtmlProblems(p2.html)).toEqual([]);
  });

  it("pages /sources in the reader's language, and says so when there is nothing to list", () => {
    const p1 = renderSources(many, 1, 'ru');
    expect(p1.html).toContain('<b>Статьи в базе: 23</b> (стр. 2/3)');
    expect(buttons(p1.keyboard).map((b) => b.text)).toEqual(['◀ Назад', 'Далее ▶']);
    expect(telegramHtmlProblems(p1.html)).toEqual([]);
    expect(renderSources([], 0, 'de').html).toBe('Es sind noch keine Artikel im Bestand.');
    expect(renderLatest([article({ published: null })], 10, 'es')).toMatch(/^Ninguno de mis artículos tiene fecha/);
    expect(renderInlineArticle(article(), 'fr').keyboard).toEqual({
      inline_keyboard: [[{ text: 'Ouvrir l’article', url: 'https://news.example.org/harbour-bridge' }]],
    });
  });

  it('keeps a page of huge titles and URLs within the limit by dropping links', () => {
    const huge = Array.from({ length: 10 }, (_, i) =>
      article({ id: `h${i}`, title: '<&>'.repeat(500), url: `https://e.example/${'x'.repeat(2000)}${i}` }),
    );
    const { html } = renderSources(huge, 0);
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(html.split('\n')).toHaveLength(11);
  });

  it('lists /latest newest first, skipping undated articles', () => {
    const undated = article({ id: 'u', title: 'Undated', published: null });
    expect(latestArticles([...many, undated], 3).map((a) => a.title)).toEqual(['Story 23', 'Story 22', 'Story 21']);
    const html = renderLatest([undated, ...many]);
    expect(html.split('\n')[1]).toBe('1. <a href="https://e.example/22">Story 23</a> — <i>Example News, 23 Jan 2024</i>');
    expect(html).not.toContain('Undated');
  });

  it('answers a request for the news in general with the newest articles, in the bot and as plain text', () => {
    const latest: Answer = { question: "what's new?", passages: [], reason: 'latest', articleCount: many.length };
    expect(renderAnswer(latest, 0, { articles: many }).html).toBe(renderLatest(many));
    const plain = renderAnswerPlain(latest, { articles: many }).split('\n');
    expect(plain.slice(0, 3)).toEqual(['Latest articles:', '1. Story 23 (Example News · 23 Jan 2024)', '   https://e.example/22']);
    expect(plain).toHaveLength(11);
    // Where the list is not at hand (an inline query), the reply points to /latest.
    expect(renderAnswer(latest).html).toMatch(/^\/latest lists my newest articles/);
  });

  it('welcome and help are valid HTML and say how many articles there are', () => {
    expect(visibleText(renderWelcome(2500, 'NewsBot'))).toContain('2500 news articles');
    expect(telegramHtmlProblems(renderWelcome(1, 'NewsBot'))).toEqual([]);
    expect(telegramHtmlProblems(renderHelp('NewsBot'))).toEqual([]);
  });
});

describe("/start, /help and the menu in the reader's language", () => {
  it.each(REPLY_LANGUAGES)('%s: valid HTML naming the count, the bot, every command and the Next button as labelled', (language) => {
    const say = phrasesFor(language);
    const welcome = renderWelcome(2500, 'News_Bot', language);
    const help = renderHelp('News_Bot', language);
    expect(telegramHtmlProblems(welcome)).toEqual([]);
    expect(telegramHtmlProblems(help)).toEqual([]);
    expect(telegramHtmlProblems(say.askUsage)).toEqual([]);
    expect(visibleText(say.askUsage)).toContain('/ask ');
    expect(visibleText(welcome)).toContain('2500');
    expect(visibleText(welcome)).toContain('@News_Bot');
    for (const c of ['/ask', '/sources', '/latest', '/help']) expect(visibleText(help)).toContain(c);
    expect(visibleText(help)).toContain(say.next);
    expect(visibleText(help)).toContain('@News_Bot');
    // Without the bot's name (not yet known), no group or inline line with an empty mention.
    expect(renderWelcome(1, undefined, language)).not.toContain('@');
    expect(renderHelp(undefined, language)).not.toContain('@');
  });

  it('writes the welcome in Russian for a reader whose Telegram is in Russian, and in English for unknown languages', () => {
    expect(renderWelcome(3, 'NewsBot', userLanguage('ru'))).toMatch(/^Привет! .*статей в базе: <b>3<\/b>/);
    expect(renderHelp('NewsBot', userLanguage('pt-br'))).toContain('Como perguntar');
    expect(renderWelcome(3, 'NewsBot', userLanguage('zh-hans'))).toBe(renderWelcome(3, 'NewsBot'));
    expect(renderWelcome(3, 'NewsBot', userLanguage(undefined))).toBe(renderWelcome(3, 'NewsBot'));
  });

  it('describes the menu commands within what setMyCommands accepts, in every language', () => {
    for (const language of REPLY_LANGUAGES) {
      const commands = botCommands(language);
      expect(commands.map((c) => c.command)).toEqual([
        'ask',
        'sources',
        'latest',
        'help',
        'start',
        'subscribe',
        'subscriptions',
        'unsubscribe',
        'privacy',
        'forget',
      ]);
      for (const c of commands) {
        expect(c.description.length).toBeGreaterThanOrEqual(3);
        expect(c.description.length).toBeLessThanOrEqual(256);
      }
    }
    expect(botCommands('ru')[0]!.description).toBe('Задать вопрос о новостях');
  });
});

describe('renderAnswer on hostile input (property)', () => {
  const nasty = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }), // includes lone surrogates
    fc.constantFrom('<b>bold</b>', '&amp;', '&lt;', '<a href="x">', '</b>', '\u200b\u200d\u200e', 'مرحبا بالعالم', '👨‍👩‍👧‍👦', '*_`[x](y)', '\u0000\u0007'),
    fc.nat({ max: 4200 }).map((n) => 'a'.repeat(n)),
  );
  const text = fc.array(nasty, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
  const url = fc.oneof(
    fc.constant(null),
    fc.webUrl(),
    fc.nat({ max: 5000 }).map((n) => `https://e.example/?q=${'&"<'.repeat(n)}`),
    fc.string(),
  );
  const spans = fc.array(fc.tuple(fc.integer({ min: -10, max: 5000 }), fc.integer({ min: -10, max: 5000 })), { maxLength: 8 });

  it('always yields valid Telegram HTML within 4096 characters', () => {
    fc.assert(
      fc.property(text, text, url, fc.option(nasty), spans, fc.nat({ max: 3 }), fc.boolean(), (body, title, link, source, hl, page, unsure) => {
        const a = article({ title, url: link, source, published: '2024-02-30T99' });
        const ans: Answer = { ...answerOf([passage(body, hl, a), passage(title, [], a)], body), ...(unsure ? { tentative: true } : {}) };
        const { html, keyboard } = renderAnswer(ans, page);
        expect(telegramHtmlProblems(html)).toEqual([]);
        for (const b of buttons(keyboard)) if ('callback_data' in b) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
        const none = renderAnswer({ ...ans, passages: [], reason: 'not-found' }, 0, { topics: [title, body] });
        expect(telegramHtmlProblems(none.html)).toEqual([]);
        expect(renderAnswerPlain(ans)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('source pages stay valid for any titles and links', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, url), { minLength: 1, maxLength: 25 }), fc.nat({ max: 3 }), (items, page) => {
        const list = items.map(([title, link], i) => article({ id: String(i), title, url: link }));
        expect(telegramHtmlProblems(renderSources(list, page).html)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('an answer from another year than asked', () => {
  const older = answerOf([passage('Merriam-Webster has named “gaslighting” its word of the year.')], 'merriam webster word of the year 2023');
  const noted: Answer = { ...older, mismatch: { asked: '2023', shown: '2022-11-28', kind: 'year' } };

  it('says which year it has nothing on and the date of what it shows, above the passage', () => {
    const { html } = renderAnswer(noted);
    expect(html.startsWith('<i>I have nothing on 2023; the closest I have is from 28 November 2022:</i>\n\nMerriam-Webster')).toBe(true);
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(renderAnswerPlain(noted).split('\n').slice(0, 3)).toEqual([
      'I have nothing on 2023; the closest I have is from 28 November 2022:',
      '',
      'Merriam-Webster has named “gaslighting” its word of the year.',
    ]);
    expect(renderAnswer(older).html).not.toContain('nothing on');
  });

  it("shows a decline for a year or thing the folder lacks as the note and the closest article's link, not its passage", () => {
    const closest = older.passages[0]!.article;
    const declined: Answer = { ...noted, passages: [], reason: 'not-found', closest };
    const { html, keyboard } = renderAnswer(declined);
    expect(html).toBe(`<i>I have nothing on 2023; the closest I have is from 28 November 2022:</i>\n\n${articleHead(closest)}`);
    expect(html).not.toContain('gaslighting');
    expect(keyboard?.inline_keyboard).toEqual([[{ text: 'Open article', url: closest.url }]]);
    expect(telegramHtmlProblems(html)).toEqual([]);
    expect(renderAnswer({ ...declined, language: 'ru' }).html).toMatch(/^<i>Про 2023 год у меня ничего нет/);
  });

  it('says "the latest I have" for "this year" and "now", in the reader\'s language', () => {
    const recent: Answer = { ...noted, mismatch: { asked: '2026', shown: '2024-04-21', kind: 'recent' } };
    expect(renderAnswerPlain(recent)).toMatch(/^I have nothing from 2026; the latest I have is from 21 April 2024:/);
    expect(renderAnswer({ ...recent, language: 'ru' }).html).toMatch(/^<i>За 2026 год у меня ничего нет; самое свежее — от 21 апреля 2024/);
    expect(renderAnswer({ ...recent, language: 'de' }).html).toMatch(
      /^<i>Aus 2026 habe ich nichts; das Neueste, was ich habe, ist vom 21\. April 2024:/,
    );
  });

  it('says which thing asked about it has nothing on, in every reply language, escaped', () => {
    const event: Answer = { ...noted, mismatch: { asked: 'halftime show', shown: '2024-08-12', kind: 'event' } };
    expect(renderAnswerPlain(event)).toMatch(/^I have nothing on “halftime show”; the closest I have is from 12 August 2024:\n\nMerriam/);
    expect(renderAnswer(event).html).toMatch(/^<i>I have nothing on “halftime show”; the closest I have is from 12 August 2024:<\/i>\n\n/);
    for (const language of REPLY_LANGUAGES) {
      const html = renderAnswer({ ...event, language }).html;
      expect(html).toMatch(/^<i>[^<]*halftime show[^<]*2024[^<]*<\/i>/);
      expect(html).not.toMatch(/2026|год|рік/);
    }
    const odd: Answer = { ...event, mismatch: { asked: 'r&d <lab>', shown: '2024-08-12', kind: 'event' } };
    expect(renderAnswer(odd).html).toContain('“r&amp;d &lt;lab&gt;”');
    expect(telegramHtmlProblems(renderAnswer(odd).html)).toEqual([]);
  });
});
