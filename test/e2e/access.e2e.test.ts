import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { BOT, FAST_SEND, captureLog, deps, startEmulator, testConfig } from './harness.js';

/**
 * Issue 18, point 4: a bot restricted to listed chats and users (ALLOWED_CHAT_IDS,
 * ALLOWED_USER_IDS), as readers on and off the lists meet it, long polling against the emulator.
 */
const LISTED_GROUP = -501;
const LISTED_USER = 502;
const ADMIN = 1001;

let emu: Awaited<ReturnType<typeof startEmulator>>;
let bot: RunningBot;
const logs = captureLog();

beforeAll(async () => {
  emu = await startEmulator();
  const config = testConfig({ telegramApiRoot: emu.apiRoot, adminIds: [ADMIN], allowedChatIds: [LISTED_GROUP], allowedUserIds: [LISTED_USER] });
  bot = await startBot(deps(config, logs.log), { send: FAST_SEND });
});

afterAll(async () => {
  await bot?.stop('test over');
  await emu?.stop();
});

const inChat = (chatId: number) => emu.sent().filter((s) => String(s.message.chat_id) === String(chatId));
const replyTo = (chatId: number, messageId: number) => () => inChat(chatId).find((s) => s.message.reply_parameters?.message_id === messageId);
const german = (id: number) => ({ from: { id, is_bot: false, first_name: 'Jan', language_code: 'de' } });

describe('a bot with an allow-list', () => {
  it('answers a listed group, a listed user (in private and in any group) and an admin', async () => {
    const inGroup = await emu.say(LISTED_GROUP, '/ask when did the harbour bridge reopen?', {}, 7);
    const listedUser = await emu.say(LISTED_USER, 'who approved the budget?');
    const listedUserElsewhere = await emu.say(-504, '/ask what flooded the old town?', {}, LISTED_USER);
    const admin = await emu.say(ADMIN, 'what flooded the old town?');
    expect((await emu.waitFor(replyTo(LISTED_GROUP, inGroup.message_id), 'the group answer')).message.text).toContain('reopened');
    expect((await emu.waitFor(replyTo(LISTED_USER, listedUser.message_id), 'the user answer')).message.text).toContain('31 votes');
    expect((await emu.waitFor(replyTo(-504, listedUserElsewhere.message_id), 'the answer in a group')).message.text).toContain('Storm Greta');
    expect((await emu.waitFor(replyTo(ADMIN, admin.message_id), 'the admin answer')).message.text).toContain('Storm Greta');
  });

  it('gives inline results to a listed user and none to anyone else', async () => {
    const listed = emu.inline(LISTED_USER, 'harbour bridge repairs');
    const other = emu.inline(777, 'harbour bridge repairs');
    const answerTo = (id: string) => () => emu.inlineAnswers.find((a) => a.inline_query_id === id);
    expect(((await emu.waitFor(answerTo(listed), 'the listed user’s results')).results as unknown[]).length).toBeGreaterThan(0);
    const refused = await emu.waitFor(answerTo(other), 'the empty results');
    expect(refused.results).toEqual([]);
    expect(refused.is_personal).toBe(true);
  });

  it('only acknowledges a button press from a chat and user not on the list', async () => {
    const botMessage = {
      message_id: 9100,
      date: 0,
      chat: { id: -505, type: 'supergroup' },
      from: { id: BOT.id, is_bot: true, first_name: 'Bot' },
      text: 'x',
    };
    const acks = () => emu.calls.filter((m) => m === 'answerCallbackQuery').length;
    const before = acks();
    await emu.press(-505, botMessage, 'src:1', 8);
    await emu.waitFor(() => acks() === before + 1, 'the acknowledgement');
    expect(emu.calls).not.toContain('editMessageText');
  });

  it('tells a private chat not on the list once per window, in its language, and keeps silent in such a group', async () => {
    for (let i = 0; i < 3; i++) await emu.say(503, 'who approved the budget?', german(503));
    await emu.say(-505, `/ask who approved the budget? @${BOT.username}`, {}, 8);
    await emu.say(-505, `@${BOT.username} what flooded the old town?`, {}, 9);
    await emu.waitFor(() => inChat(503)[0], 'the polite line');
    // Stopping drains the send queue: whatever the bot meant to send has been sent.
    await emu.waitFor(() => logs.text().match(/not on the allow-list/g)?.length === 2, 'both refusals logged');
    // /stats counts every refused update: the inline query, the press, three private messages, two in the group.
    const stats = await emu.say(ADMIN, '/stats');
    expect((await emu.waitFor(replyTo(ADMIN, stats.message_id), '/stats')).message.text).toContain('notAllowed: 7');
    await bot.stop('test over');
    expect(inChat(503).map((s) => s.message.text)).toEqual([
      'Entschuldigung, dieser Bot steht nur den Chats und Personen offen, die sein Betreiber freigegeben hat.',
    ]);
    expect(inChat(-505)).toEqual([]);
    // Logged once per chat and window, with the id an operator would add to the list.
    expect(logs.text()).toMatch(/"chatId":-505.*not on the allow-list/);
  });
});
