import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot/bot.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { telegramHtmlProblems } from '../bot/telegram-html.js';
import { BOT, FAST_SEND, TOKEN, captureLog, deps, startEmulator, testConfig } from './harness.js';
import { articles } from './fixture.js';
import type { Answer } from '../../src/search/types.js';
import type { BotDeps } from '../../src/bot/core.js';

/**
 * The real telegraf bot, long polling against telegram-test-api over HTTP on 127.0.0.1, answering
 * with the real search over a small invented article set.
 */
let emu: Awaited<ReturnType<typeof startEmulator>>;
let bot: RunningBot;
const logs = captureLog();

beforeAll(async () => {
  emu = await startEmulator();
  const config = testConfig({ telegramApiRoot: emu.apiRoot, rateLimit: { perUser: 40, perChat: 1000, windowSeconds: 600 } });
  bot = await startBot(deps(config, logs.log), { send: FAST_SEND, answerCacheSize: 3 });
});

afterAll(async () => {
  await bot?.stop('test over');
  await emu?.stop();
});

const inChat = (chatId: number) => emu.sent().filter((s) => String(s.message.chat_id) === String(chatId));
const replyTo = (chatId: number, messageId: number) => () => inChat(chatId).find((s) => s.message.reply_parameters?.message_id === messageId);

describe('private chat', () => {
  it('greets on /start with the number of indexed articles', async () => {
    const m = await emu.say(101, '/start');
    const r = await emu.waitFor(replyTo(101, m.message_id), 'the greeting');
    expect(r.message.text).toContain('3 news articles');
    expect(r.message.parse_mode).toBe('HTML');
  });

  it('answers a question with the passage, bold matches and the linked title, quoting the question', async () => {
    const m = await emu.say(102, 'When did the harbour bridge reopen?');
    const r = await emu.waitFor(replyTo(102, m.message_id), 'the answer');
    const text = r.message.text as string;
    expect(text).toMatch(/^The <b>harbour<\/b> <b>bridge<\/b> <b>reopened<\/b> to traffic on Monday/);
    expect(text).toContain('<a href="https://news.example.org/harbour-bridge">Harbour bridge reopens after six months of repairs</a>');
    expect(text).toContain('Example News · 5 Mar 2024');
    expect(telegramHtmlProblems(text)).toEqual([]);
    expect(r.message.reply_parameters).toEqual({ message_id: m.message_id, allow_sending_without_reply: true });
    const buttons = r.message.reply_markup.inline_keyboard.flat();
    expect(buttons).toContainEqual({ text: 'Open article', url: 'https://news.example.org/harbour-bridge' });
    expect(buttons).toContainEqual({ text: 'Next ▶', callback_data: 'ans:1' });
  });

  it('says plainly when the articles do not answer', async () => {
    const m = await emu.say(103, 'What is the price of bitcoin today?');
    const r = await emu.waitFor(replyTo(103, m.message_id), 'the abstention');
    expect(r.message.text).toMatch(/^I found nothing about that in my 3 articles\. Try rephrasing/);
  });

  it('says it found nothing in the language of the question', async () => {
    const m = await emu.say(111, 'Какая погода будет завтра в Москве?');
    const r = await emu.waitFor(replyTo(111, m.message_id), 'the abstention in Russian');
    expect(r.message.text).toMatch(/^Ничего об этом не нашлось \(статей в базе: 3\)\. Попробуйте переформулировать/);
  });

  it('says it is not sure when the closest passage only shares a word or two with the question', async () => {
    const m = await emu.say(110, 'What did the mayor eat?');
    const r = await emu.waitFor(replyTo(110, m.message_id), 'the tentative answer');
    const text = r.message.text as string;
    expect(text).toMatch(/^<i>Not sure this answers your question; the closest I found:<\/i>\n\n<b>Mayor<\/b> Lina Ortiz said/);
    expect(telegramHtmlProblems(text)).toEqual([]);
  });

  it('says when its answer is from an older year than the "this year" asked about', async () => {
    const m = await emu.say(112, 'How much did the harbour bridge repairs cost this year?');
    const r = await emu.waitFor(replyTo(112, m.message_id), 'the answer with the year note');
    const text = r.message.text as string;
    // "This year" is read against the clock; the bridge story is from March 2024.
    const year = new Date().getUTCFullYear();
    expect(text).toContain(`<i>I have nothing from ${year}; the latest I have is from 5 March 2024:</i>\n\nMayor Lina Ortiz said the <b>repairs</b>`);
    expect(telegramHtmlProblems(text)).toEqual([]);
  });

  it('answers "what\'s new?" with the newest articles, linked, and "thanks" with "you\'re welcome"', async () => {
    const m = await emu.say(109, "what's new?");
    const r = await emu.waitFor(replyTo(109, m.message_id), 'the latest articles');
    const text = r.message.text as string;
    expect(text).toMatch(/^<b>Latest articles<\/b>\n1\. <a href="https:\/\/news\.example\.org\/council-budget">City council approves budget/);
    expect(text.indexOf('Harbour bridge')).toBeGreaterThan(text.indexOf('City council'));
    expect(telegramHtmlProblems(text)).toEqual([]);
    const t = await emu.say(109, 'thanks a lot!');
    const thanks = await emu.waitFor(replyTo(109, t.message_id), 'the reply to thanks');
    expect(thanks.message.text).toBe("You're welcome! Ask me anything else about the news in my 3 articles.");
  });

  it('"Next ▶" shows the next passage in the same message, and works after the answer left the cache', async () => {
    const q = await emu.say(104, 'When did the harbour bridge reopen?');
    const answer = await emu.waitFor(replyTo(104, q.message_id), 'the answer');
    // Push the answer out of the 3-entry cache, so the bot must recover the question from the quote.
    for (const question of ['who approved the budget?', 'how much did the repairs cost?', 'what flooded the old town?', 'who approved the budget?']) {
      const other = await emu.say(105, question);
      await emu.waitFor(replyTo(105, other.message_id), 'another answer');
    }
    const pressed = {
      message_id: answer.messageId,
      date: 0,
      chat: { id: 104, type: 'private' },
      from: { id: BOT.id, is_bot: true, first_name: 'Bot', username: BOT.username },
      text: answer.message.text,
      reply_to_message: { ...q, botToken: undefined },
    };
    await emu.press(104, pressed, 'ans:1');
    const edited = await emu.waitFor(() => emu.sent().find((s) => s.messageId === answer.messageId && /Cyclists/.test(s.message.text)), 'the edit');
    expect(edited.message.text).toContain('2/2');
    expect(edited.message.reply_markup.inline_keyboard[0]).toEqual([{ text: '◀ Prev', callback_data: 'ans:0' }]);
    expect(inChat(104)).toHaveLength(1); // edited in place, not a new message
  });

  it('lists the sources with links on /sources', async () => {
    const m = await emu.say(106, '/sources');
    const r = await emu.waitFor(replyTo(106, m.message_id), 'the source list');
    expect(r.message.text).toContain('<b>3 indexed articles</b>');
    expect(r.message.text).toContain(
      '<a href="https://news.example.org/council-budget">City council approves budget with more money for schools</a>',
    );
    expect(r.message.text).toContain('Storm Greta floods the old town');
  });

  it('gives /stats to admins only; anyone else gets no answer', async () => {
    const denied = await emu.say(107, '/stats');
    const after = await emu.say(107, 'who approved the budget?');
    await emu.waitFor(replyTo(107, after.message_id), 'the answer after /stats');
    expect(replyTo(107, denied.message_id)()).toBeUndefined();
    const admin = await emu.say(1001, '/stats');
    const r = await emu.waitFor(replyTo(1001, admin.message_id), 'the stats');
    expect(r.message.text).toMatch(/articles: 3/);
  });

  it('answers an unknown command with a hint, also one named like an object property (/constructor, /tostring)', async () => {
    for (const command of ['/weather', '/constructor', '/tostring', '/__proto__']) {
      const m = await emu.say(111, command);
      const r = await emu.waitFor(replyTo(111, m.message_id), `the hint for ${command}`);
      expect(r.message.text).toBe('I do not know that command. /help lists what I can do.');
    }
  });

  it("greets and explains in the language of the reader's Telegram app", async () => {
    const russian = { from: { id: 109, is_bot: false, first_name: 'Анна', language_code: 'ru' } };
    const start = await emu.say(109, '/start', russian);
    expect((await emu.waitFor(replyTo(109, start.message_id), 'the greeting')).message.text).toMatch(/^Привет! .*статей в базе: <b>3<\/b>/);
    // A question with no telling words of its own ("Champions League final?") is answered in the app's language.
    const unclear = await emu.say(109, 'Champions League final?', russian);
    expect((await emu.waitFor(replyTo(109, unclear.message_id), 'the reply')).message.text).toMatch(/^Ничего об этом не нашлось/);
    const german = { from: { id: 110, is_bot: false, first_name: 'Jan', language_code: 'de-AT' } };
    const sticker = await emu.say(110, undefined, { sticker: { file_id: 's' }, ...german });
    expect((await emu.waitFor(replyTo(110, sticker.message_id), 'the hint')).message.text).toMatch(/^Ich kann nur Text lesen/);
  });

  it('explains when a question is too long, and hints on non-text messages', async () => {
    const long = await emu.say(108, `why ${'very '.repeat(120)}long?`);
    expect((await emu.waitFor(replyTo(108, long.message_id), 'the explanation')).message.text).toMatch(/too long \(\d+ characters\)/);
    const sticker = await emu.say(108, undefined, { sticker: { file_id: 's' } });
    expect((await emu.waitFor(replyTo(108, sticker.message_id), 'the hint')).message.text).toMatch(/only read text/);
  });
});

describe('groups', () => {
  const group = -200;

  it('answers only /ask, /ask@BotName, mentions and replies to itself, staying silent otherwise', async () => {
    const chatter = await emu.say(group, 'when did the harbour bridge reopen? anyone?');
    const otherBot = await emu.say(group, '/ask@OtherBot when did the harbour bridge reopen?');
    const bareHelp = await emu.say(group, '/help');
    const ask = await emu.say(group, `/ask@${BOT.username} when did the harbour bridge reopen?`);
    const askReply = await emu.waitFor(replyTo(group, ask.message_id), '/ask@BotName answer');
    expect(askReply.message.text).toContain('reopened');

    const mention = await emu.say(group, `@${BOT.username} who approved the budget?`);
    expect((await emu.waitFor(replyTo(group, mention.message_id), 'mention answer')).message.text).toContain('city council');

    const toOther = await emu.say(group, 'how much did the repairs cost?', {
      reply_to_message: {
        message_id: chatter.message_id,
        date: 0,
        chat: { id: group, type: 'supergroup' },
        from: { id: 7, is_bot: false, first_name: 'U' },
        text: 'x',
      },
    });
    const toBot = await emu.say(group, 'how much did the repairs cost?', {
      reply_to_message: {
        message_id: askReply.messageId,
        date: 0,
        chat: { id: group, type: 'supergroup' },
        from: { id: BOT.id, is_bot: true, first_name: 'Bot' },
        text: 'x',
      },
    });
    expect((await emu.waitFor(replyTo(group, toBot.message_id), 'reply-to-bot answer')).message.text).toContain('12 million euros');

    const bare = await emu.say(group, '/ask what flooded the old town?');
    await emu.waitFor(replyTo(group, bare.message_id), 'bare /ask answer');
    // Replies leave a chat in order, so everything before the last answer has been decided.
    for (const silent of [chatter, otherBot, bareHelp, toOther]) expect(replyTo(group, silent.message_id)()).toBeUndefined();
    expect(inChat(group)).toHaveLength(4);
  });

  it('answers in the same forum topic, and ignores the topic-creation "reply"', async () => {
    const topicStart = {
      message_id: 77,
      date: 0,
      chat: { id: -300, type: 'supergroup', is_forum: true },
      from: { id: BOT.id, is_bot: true, first_name: 'Bot' },
      forum_topic_created: { name: 'News', icon_color: 1 },
    };
    const inTopic = { is_topic_message: true, message_thread_id: 77, reply_to_message: topicStart };
    const chatter = await emu.say(-300, 'what flooded the old town?', inTopic);
    const mention = await emu.say(-300, `@${BOT.username} what flooded the old town?`, inTopic);
    const r = await emu.waitFor(replyTo(-300, mention.message_id), 'the topic answer');
    expect(r.message.message_thread_id).toBe(77);
    expect(r.message.text).toContain('Storm Greta');
    expect(replyTo(-300, chatter.message_id)()).toBeUndefined();
  });
});

/** What the bot offers for an inline query, as a fresh bot over the fixture articles (or `ask`) answers it. */
async function inlineResults(update: number, from: number, query: string, extra: Partial<BotDeps> = {}) {
  const { log } = captureLog();
  const b = createBot(deps(testConfig({ telegramApiRoot: emu.apiRoot }), log, extra));
  const id = `iq${update}`;
  await b.handleUpdate({ update_id: update, inline_query: { id, from: { id: from, is_bot: false, first_name: 'A' }, query, offset: '' } });
  const answered = await emu.waitFor(() => emu.inlineAnswers.find((a) => a.inline_query_id === id), 'answerInlineQuery');
  return answered.results as Array<{ title: string; description: string; input_message_content: { message_text: string }; reply_markup?: unknown }>;
}

describe('inline mode and robustness', () => {
  it('offers the top passages as inline results', async () => {
    const results = await inlineResults(1, 5, 'harbour bridge repairs');
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.title).toBe('Harbour bridge reopens after six months of repairs');
    for (const r of results) expect(telegramHtmlProblems(r.input_message_content.message_text)).toEqual([]);
  });

  it('offers the newest articles, linked, as inline results for "what\'s new?"', async () => {
    const results = await inlineResults(2, 6, "what's new");
    expect(results.map((r) => r.title)).toEqual([
      'City council approves budget with more money for schools',
      'Harbour bridge reopens after six months of repairs',
      'Storm Greta floods the old town',
    ]);
    expect(results[0]!.description).toBe('Example News · 12 Mar 2024');
    expect(results[0]!.input_message_content.message_text).toBe(
      '📰 <a href="https://news.example.org/council-budget">City council approves budget with more money for schools</a>\n<i>Example News · 12 Mar 2024</i>',
    );
    expect(results[0]!.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Open article', url: 'https://news.example.org/council-budget' }]] });
    expect(results[2]!.reply_markup).toBeUndefined();
  });

  it('offers the closest article with the note when the folder has nothing from the year asked', async () => {
    // The shape answer() gives such a question with word vectors on (test/search/recency.test.ts); here the handler's part.
    const bridge = articles.find((a) => a.file === 'bridge.md')!;
    const declined: Answer = {
      question: 'harbour bridge repairs 2021',
      passages: [],
      reason: 'not-found',
      articleCount: articles.length,
      mismatch: { asked: '2021', shown: '2024-03-05', kind: 'year' },
      closest: bridge,
    };
    const results = await inlineResults(3, 7, 'harbour bridge repairs 2021', { ask: () => declined });
    expect(results).toHaveLength(1);
    expect(results[0]!.title).toBe('I have nothing on 2021; the closest I have is from 5 March 2024:');
    expect(results[0]!.description).toBe('Harbour bridge reopens after six months of repairs');
    expect(results[0]!.input_message_content.message_text).toContain('<a href="https://news.example.org/harbour-bridge">');
    expect(results[0]!.input_message_content.message_text).not.toContain('steel cables');
    expect(telegramHtmlProblems(results[0]!.input_message_content.message_text)).toEqual([]);
    expect(results[0]!.reply_markup).toEqual({ inline_keyboard: [[{ text: 'Open article', url: 'https://news.example.org/harbour-bridge' }]] });
  });

  it('asks for the command menu in English and in each language it speaks, and keeps running although refused', () => {
    expect(logs.text()).toMatch(/could not register the command menu/);
    const menus = new Map(emu.commandMenus.map((m) => [m.language_code ?? 'default', m.commands as Array<{ command: string; description: string }>]));
    expect([...menus.keys()].sort()).toEqual(['de', 'default', 'es', 'fr', 'it', 'pt', 'ru', 'uk']);
    expect(menus.get('default')![0]).toEqual({ command: 'ask', description: 'Ask a question about the news' });
    expect(menus.get('ru')![0]).toEqual({ command: 'ask', description: 'Задать вопрос о новостях' });
  });

  it('never writes the token to the log', () => {
    expect(logs.lines.length).toBeGreaterThan(0);
    expect(logs.text()).not.toContain(TOKEN);
    expect(logs.text()).not.toContain(TOKEN.split(':')[1]);
  });
});
