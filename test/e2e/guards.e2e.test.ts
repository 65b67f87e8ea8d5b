import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { FakeTelegram } from '../../bench/fake-telegram.js';
import { loadConfig } from '../../src/config.js';
import { FAST_SEND, captureLog, deps, startEmulator, testConfig } from './harness.js';

/**
 * Issue 15, points 3–6, as a hostile or unlucky reader would meet them: replayed updates, group
 * floods, inline typing and presses on buttons of messages the bot did not send.
 */

describe('the bot, long polling', () => {
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let bot: RunningBot;
  beforeAll(async () => {
    emu = await startEmulator();
    bot = await startBot(deps(testConfig({ telegramApiRoot: emu.apiRoot }), captureLog().log), { send: FAST_SEND });
  });
  afterAll(async () => {
    await bot?.stop('test over');
    await emu?.stop();
  });

  const repliesTo = (chatId: number, messageId: number) =>
    emu.sent().filter((s) => String(s.message.chat_id) === String(chatId) && s.message.reply_parameters?.message_id === messageId);

  it('is answered once when Telegram delivers the same update_id again', async () => {
    const q = await emu.say(301, 'who approved the budget?');
    await emu.waitFor(() => repliesTo(301, q.message_id)[0], 'the answer');
    emu.redeliver(q.message_id);
    emu.redeliver(q.message_id);
    // Replies leave a chat in order: once the next question is answered, the repeats were decided.
    const next = await emu.say(301, 'what flooded the old town?');
    await emu.waitFor(() => repliesTo(301, next.message_id)[0], 'the next answer');
    expect(repliesTo(301, q.message_id)).toHaveLength(1);
  });

  it('does nothing but acknowledge a button press on a message someone else sent', async () => {
    const chat = -302;
    const q = await emu.say(chat, '/ask when did the harbour bridge reopen?', {}, 8);
    const notMine = {
      message_id: 9001,
      date: 0,
      chat: { id: chat, type: 'supergroup' },
      from: { id: 8, is_bot: false, first_name: 'Mallory' },
      text: 'press me',
      reply_to_message: { ...q, botToken: undefined },
    };
    const acks = () => emu.calls.filter((m) => m === 'answerCallbackQuery').length;
    const before = { acks: acks(), sent: emu.sent().length };
    await emu.press(chat, notMine, 'ans:1', 8);
    await emu.press(chat, notMine, 'src:1', 8);
    await emu.waitFor(() => acks() === before.acks + 2, 'both presses acknowledged');
    // Anything the presses had queued for this chat leaves before the next answer.
    const next = await emu.say(chat, '/ask what flooded the old town?', {}, 8);
    await emu.waitFor(() => repliesTo(chat, next.message_id)[0], 'the next answer');
    expect(emu.calls).not.toContain('editMessageText');
    expect(emu.sent().length).toBe(before.sent + 2); // the two answers, nothing else
  });
});

describe('a replayed webhook body', () => {
  const SECRET = 'webhook-secret-for-tests-0123';
  const LIMITS = { perChatIntervalMs: 20, groupPerMinute: 20, globalPerSecond: 30, timeScale: 1 };
  let fake: FakeTelegram | undefined;
  let bot: RunningBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    await fake?.stop();
  });

  it('gets one reply however often it is posted, and /stats counts the repeats', async () => {
    fake = new FakeTelegram(LIMITS);
    const apiRoot = await fake.start();
    const config = testConfig({ telegramApiRoot: apiRoot, webhook: { url: 'https://bot.example.org', port: 0, path: '/tg-hook', secret: SECRET } });
    bot = await startBot(deps(config, captureLog().log), { host: '127.0.0.1', send: { rates: LIMITS } });
    const post = (update: unknown) =>
      fetch(`http://127.0.0.1:${bot!.port}/tg-hook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify(update),
      });
    const message = (id: number, from: number, text: string) => ({
      update_id: id,
      message: {
        message_id: id,
        date: 0,
        chat: { id: from, type: 'private', first_name: 'A' },
        from: { id: from, is_bot: false, first_name: 'A' },
        text,
      },
    });
    const body = message(500, 7, 'who approved the budget?');
    for (let i = 0; i < 3; i++) expect((await post(body)).status).toBe(200);
    expect((await post(message(501, 1001, '/stats'))).status).toBe(200);
    await bot.stop();
    expect(fake.delivered.filter((d) => d.replyTo === 500)).toHaveLength(1);
    expect(fake.delivered.find((d) => d.replyTo === 501)?.text).toMatch(/duplicateUpdates: 2/);
  });
});

describe('with the default limits', () => {
  const defaults = loadConfig({}, { dotenvFile: false });
  /**
   * Telegram's 20 messages a minute to a group, with a "minute" of 0.6 s and faster pacing: a bot
   * that queued more than that for a group would deliver all of it before the stop's drain ends.
   */
  const RATES = { perChatIntervalMs: 20, groupPerMinute: 20, globalPerSecond: 1000, timeScale: 0.01 };
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let bot: RunningBot;
  beforeAll(async () => {
    emu = await startEmulator();
    const config = testConfig({ telegramApiRoot: emu.apiRoot, rateLimit: defaults.rateLimit, inlineRateLimit: defaults.inlineRateLimit });
    // One instant for the incoming limits: everything below happens within one window, however slow the machine.
    const now = Date.now();
    bot = await startBot(deps(config, captureLog().log), { send: { rates: RATES }, now: () => now });
  });
  afterAll(async () => {
    await bot?.stop('test over');
    await emu?.stop();
  });

  const inChat = (chatId: number) => emu.sent().filter((s) => String(s.message.chat_id) === String(chatId));
  const replyTo = (chatId: number, messageId: number) => () => inChat(chatId).find((s) => s.message.reply_parameters?.message_id === messageId);

  const inlineAnswer = (id: string) => () => emu.inlineAnswers.find((a) => a.inline_query_id === id);

  it('keeps inline typing from silencing the private chat: inline queries have their own budget', async () => {
    const user = 2101;
    // One inline query per keystroke pause while typing "harbour bridge repairs".
    const ids = Array.from({ length: 14 }, (_, i) => emu.inline(user, 'harbour bridge repairs'.slice(0, 8 + i)));
    for (const id of ids) await emu.waitFor(inlineAnswer(id), 'the inline answer');
    const q = await emu.say(user, 'who approved the budget?');
    expect((await emu.waitFor(replyTo(user, q.message_id), 'the answer in the private chat')).message.text).toContain('city council');
  });

  it('refuses inline queries over their budget with no results, kept out of the cache Telegram shares between users', async () => {
    const ids = Array.from({ length: defaults.inlineRateLimit + 1 }, () => emu.inline(2102, 'harbour bridge'));
    const answers = await Promise.all(ids.map((id) => emu.waitFor(inlineAnswer(id), 'the inline answer')));
    expect(answers.filter((a) => (a.results as unknown[]).length > 0 && a.cache_time === 60)).toHaveLength(defaults.inlineRateLimit);
    expect(answers.at(-1)).toMatchObject({ results: [], cache_time: 0, is_personal: true });
  });

  it('never floods a group: 30 users asking 11 times each get at most 20 messages and one notice, and /stats counts the rest', async () => {
    const group = -400;
    const questions = ['who approved the budget?', 'when did the harbour bridge reopen?', 'what flooded the old town?'];
    for (let round = 0; round < 11; round++) {
      for (let user = 3001; user <= 3030; user++) await emu.say(group, `/ask ${questions[(user + round) % 3]}`, {}, user);
    }
    const stats = await emu.say(1001, '/stats');
    const report = await emu.waitFor(replyTo(1001, stats.message_id), 'the stats');
    // Stopping lets every reply already queued go out first, so the count below is final.
    await bot.stop('test over');
    const toGroup = inChat(group);
    const notices = toGroup.filter((s) => /^You are asking faster/.test(s.message.text));
    // At most 20 in all, so at most 20 in any minute of the bot's sending.
    expect(toGroup.length).toBeLessThanOrEqual(20);
    expect(toGroup.length).toBeGreaterThanOrEqual(19);
    expect(notices.length).toBeLessThanOrEqual(1);
    // Every question got a reply or is counted as dropped.
    const overBudget = Number(/droppedOverBudget: (\d+)/.exec(report.message.text)?.[1]);
    expect(overBudget).toBe(330 - toGroup.length);
  });
});
