import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/app/live-index.js';
import { renderAnswer, renderInlineArticle, renderInlinePassage, renderLatest, renderSources } from '../../src/bot/format.js';
import { renderAnswerPlain, renderSourcesPlain } from '../../src/replies/plain.js';
import { runConsole } from '../../src/cli/console.js';
import { createLogger } from '../../src/log.js';
import { answerOf, article, passage } from './fixtures.js';
import { telegramHtmlProblems } from './telegram-html.js';

/** Display spoofing: bidi overrides and invisible characters from an article never reach a reply. */
const SPOOF = /[\u202A-\u202E\u2066-\u2069\u200B\u200E\u200F\u2060\uFEFF\u061C\u00AD\u{E0000}-\u{E007F}]/u;
const RLO = '\u202E';
const EMOJI = '👩‍💻'; // woman technologist: ZWJ sequence that must survive

const spoofed = article({
  title: `Mayor ${RLO}sngiser${'\u202C'} after vote ${EMOJI}`,
  source: `Example\u200B News\u2066`,
  url: `https://news.example.org/mayor${RLO}fdp.exe`,
});
// "resigns" is highlighted after an RLO, a ZWSP and an LRI earlier in the passage: offsets are into this text.
const TEXT = `The mayor${RLO} said on\u200B Monday\u2067 that she resigns ${EMOJI} at once.`;
const at = TEXT.indexOf('resigns');
const answer = answerOf([passage(TEXT, [[at, at + 'resigns'.length]], spoofed)]);

describe('replies show no bidi overrides or invisible characters from titles, sources and passages', () => {
  it('the Telegram reply (HTML, buttons), with the bold word still in place and emoji sequences intact', () => {
    const { html, keyboard } = renderAnswer(answer);
    expect(html).not.toMatch(SPOOF);
    expect(html).toContain(`The mayor said on Monday that she <b>resigns</b> ${EMOJI} at once.`);
    expect(html).toContain(`Mayor sngiser after vote ${EMOJI}`);
    expect(html).toContain('Example News');
    expect(telegramHtmlProblems(html)).toEqual([]);
    const urls = (keyboard?.inline_keyboard ?? []).flat().flatMap((b) => ('url' in b ? [b.url] : []));
    expect(urls).toEqual(['https://news.example.org/mayor%E2%80%AEfdp.exe']);
    expect(html).toContain('href="https://news.example.org/mayor%E2%80%AEfdp.exe"');
  });

  it('inline results: title, description and message', () => {
    const inline = renderInlinePassage(answer, 0);
    const latest = renderInlineArticle(spoofed);
    for (const text of [inline.title, inline.description, inline.html, latest.title, latest.description, latest.html])
      expect(text).not.toMatch(SPOOF);
    expect(inline.title).toBe(`Mayor sngiser after vote ${EMOJI}`);
    expect(latest.description).toBe('Example News · 5 Mar 2024');
  });

  it('/sources and /latest lists', () => {
    expect(renderSources([spoofed]).html).not.toMatch(SPOOF);
    expect(renderLatest([spoofed])).not.toMatch(SPOOF);
  });

  it('plain text (console chat and `ask`): answer, /sources and /latest', () => {
    const plain = renderAnswerPlain(answer);
    expect(plain).not.toMatch(SPOOF);
    expect(plain).toContain(`The mayor said on Monday that she resigns ${EMOJI} at once.`);
    expect(plain).toContain('Example News · 5 Mar 2024');
    expect(plain).toContain('https://news.example.org/mayor%E2%80%AEfdp.exe');
    expect(renderSourcesPlain([spoofed])).not.toMatch(SPOOF);
    expect(renderAnswerPlain({ ...answer, passages: [], reason: 'latest' }, { articles: [spoofed] })).not.toMatch(SPOOF);
  });

  it('text without such characters is shown exactly as before', () => {
    const clean = article({ title: `Harbour bridge reopens ${EMOJI} 🏳️‍🌈`, source: 'Example News' });
    const text = `The harbour bridge reopened on Monday ${EMOJI}; می‌خواهم.`;
    const { html } = renderAnswer(answerOf([passage(text, [[4, 11]], clean)]));
    expect(html).toBe(
      `The <b>harbour</b> bridge reopened on Monday ${EMOJI}; می‌خواهم.\n\n` +
        `📰 <a href="https://news.example.org/harbour-bridge">Harbour bridge reopens ${EMOJI} 🏳️‍🌈</a>\n` +
        '<i>Example News · 5 Mar 2024</i>',
    );
  });
});

describe('an article file with bidi overrides, end to end (index, then the console chat)', () => {
  it('the console answer and /sources show none of them', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'spoof-'));
    try {
      writeFileSync(
        path.join(dir, 'mayor.md'),
        `---\ntitle: "Mayor ${RLO}sngiser after vote"\nsource: "Town\u2066 Gazette"\nurl: https://news.example.org/mayor\npublished: 2024-03-05\n---\n` +
          `The mayor of Riverton${RLO} announced on Monday\u200B that she resigns after losing the budget vote in the council.\n`,
      );
      const live = await LiveIndex.open({ articlesDir: dir, log: createLogger({ level: 'silent' }) });
      try {
        const input = new PassThrough();
        const output = new PassThrough();
        let printed = '';
        output.setEncoding('utf8').on('data', (s: string) => (printed += s));
        const done = runConsole(live, input, output);
        input.end('Why did the mayor of Riverton resign?\n/sources\n');
        await done;
        expect(printed).toContain('she resigns after losing the budget vote');
        expect(printed).toContain('Town Gazette');
        expect(printed).not.toMatch(SPOOF);
      } finally {
        await live.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
