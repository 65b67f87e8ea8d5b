import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { openState } from '../../src/state/open.js';
import type { State } from '../../src/state/types.js';
import { parseCustomTexts, type CustomTexts } from '../../src/replies/custom-texts.js';
import { freshStateDir, postgresUnavailable, throwawayDatabase } from '../state/stores.js';
import { BOT, FAST_SEND, captureLog, deps, startEmulator, testConfig } from './harness.js';

/**
 * What the bot keeps (issue 18), end to end: the real bot polling the emulator, with each store as
 * `npm start` opens it: the embedded one (PGlite in a temporary STATE_DIR), then PostgreSQL (a
 * throwaway database; skipped with the reason when there is no server, unless REQUIRE_POSTGRES=1).
 * Admin: user 1001.
 */
let emu: Awaited<ReturnType<typeof startEmulator>>;
let bot: RunningBot;
let state: State;
let logs = captureLog();
/** The operator's texts (TEXTS_FILE) as the bot reads them at each reply. */
let texts: CustomTexts | undefined;
const ADMIN = 1001;
/** How long the store's writes of wanted questions are held back, to show /unanswered waits for them. */
let questionWriteDelayMs = 0;

/** The store as the bot sees it: the real one, with writes of wanted questions held back on demand. */
function slowQuestionWrites(real: State): State {
  return new Proxy(real, {
    get(target, key) {
      if (key === 'addQuestion')
        return async (...args: Parameters<State['addQuestion']>) => {
          await new Promise((resolve) => setTimeout(resolve, questionWriteDelayMs));
          return target.addQuestion(...args);
        };
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
const noPostgres = await postgresUnavailable();

const stores: Array<{ name: string; skip: string | undefined; open(): Promise<{ state: State; remove(): Promise<void> | void }> }> = [
  {
    name: 'embedded store',
    skip: undefined,
    async open() {
      const place = await freshStateDir();
      return { state: await openState({ dir: place.dir }), remove: place.remove };
    },
  },
  {
    name: 'PostgreSQL store',
    skip: noPostgres,
    async open() {
      const db = await throwawayDatabase();
      return { state: await openState({ dir: 'unused', databaseUrl: db.url }), remove: db.drop };
    },
  },
];

const inChat = (chatId: number) => emu.sent().filter((s) => String(s.message.chat_id) === String(chatId));
const replyTo = (chatId: number, messageId: number) => () => inChat(chatId).find((s) => s.message.reply_parameters?.message_id === messageId);

/** Asks in a private chat and waits for the reply. */
async function ask(userId: number, text: string, what = 'the reply') {
  const m = await emu.say(userId, text);
  return { question: m, reply: await emu.waitFor(replyTo(userId, m.message_id), what, 30_000) };
}

/** Presses a button of the bot's message `reply` as user `userId`; returns the notice the presser saw. */
async function press(
  userId: number,
  reply: { messageId: number; message: Record<string, any> },
  data: string,
  chatId = userId,
  languageCode?: string,
) {
  const before = emu.callbackAnswers.length;
  const message = {
    message_id: reply.messageId,
    date: 0,
    chat: chatId > 0 ? { id: chatId, type: 'private' } : { id: chatId, type: 'supergroup', title: 'Group' },
    from: { id: BOT.id, is_bot: true, first_name: 'Bot', username: BOT.username },
    text: reply.message.text,
  };
  await emu.press(chatId, message, data, userId, languageCode);
  const answered = await emu.waitFor(() => emu.callbackAnswers[before], 'the notice of the press', 30_000);
  return answered.text as string | undefined;
}

/** /unanswered as the admin: the reply's text. */
async function unanswered(): Promise<string> {
  return (await ask(ADMIN, '/unanswered', 'the list of wanted questions')).reply.message.text as string;
}

for (const store of stores) {
  describe.skipIf(store.skip !== undefined)(`the bot with its ${store.name}${store.skip ? ` (skipped: ${store.skip})` : ''}`, () => {
    let remove: () => Promise<void> | void = () => undefined;

    beforeAll(async () => {
      emu = await startEmulator();
      logs = captureLog();
      const opened = await store.open();
      state = opened.state;
      remove = opened.remove;
      const config = testConfig({ telegramApiRoot: emu.apiRoot });
      bot = await startBot(deps(config, logs.log, { state: slowQuestionWrites(state), texts: () => texts }), { send: FAST_SEND });
    }, 120_000);

    afterAll(async () => {
      await bot?.stop('test over');
      await state?.close();
      await emu?.stop();
      await remove();
    });

    it('puts 👍 and 👎 under an answer, and counts one vote per reader and answer however often they press', async () => {
      const { reply } = await ask(201, 'When did the harbour bridge reopen?', 'the answer');
      const row = reply.message.reply_markup.inline_keyboard[0];
      expect(row).toEqual([
        { text: '👍', callback_data: 'fb:+' },
        { text: '👎', callback_data: 'fb:-' },
        { text: 'Next ▶', callback_data: 'ans:1' },
      ]);
      expect(await press(201, reply, 'fb:+')).toBe('Thanks for your feedback!');
      expect(await press(201, reply, 'fb:+')).toBe('You have already rated this answer.');
      expect(await press(201, reply, 'fb:-')).toBe('You have already rated this answer.');
      // A 👍 keeps no question.
      expect(await unanswered()).not.toContain('harbour bridge reopen');
    }, 60_000);

    it("thanks in the reader's language and lists 👎'd and declined questions for the admin, near-duplicates together", async () => {
      const { reply } = await ask(202, 'What did the mayor say about the repairs cost?', 'the answer');
      expect(await press(202, reply, 'fb:-', 202, 'ru')).toBe('Спасибо за оценку!');
      await ask(203, 'What is the price of bitcoin today?', 'a decline');
      await ask(204, 'what is the price of Bitcoin today', 'another decline');
      await ask(205, 'Who won the football cup final?', 'a third decline');
      const list = await unanswered();
      expect(list).toMatch(/^<b>Questions readers wanted, last 7 days<\/b>\n4 questions in 3 groups\n/);
      // The group is shown in the wording asked most often; of equals, the newest.
      expect(list).toContain('1. ×2 what is the price of Bitcoin today <i>(2 declined)</i>');
      expect(list).toContain('×1 What did the mayor say about the repairs cost? <i>(1 👎)</i>');
      expect(list).toContain('×1 Who won the football cup final? <i>(1 declined)</i>');
    }, 60_000);

    it('lists a question declined just before /unanswered, even while its write is still under way', async () => {
      questionWriteDelayMs = 500;
      try {
        await ask(213, 'What will the lighthouse museum charge for tickets?', 'a decline');
        expect(await unanswered()).toContain('What will the lighthouse museum charge for tickets?');
      } finally {
        questionWriteDelayMs = 0;
      }
    }, 60_000);

    it('answers /unanswered, /block and /unblock for admins only: anyone else gets silence', async () => {
      for (const command of ['/unanswered', '/block 42', '/unblock 42']) {
        const denied = await emu.say(206, command);
        await ask(206, 'who approved the budget?', `the answer after ${command}`);
        expect(replyTo(206, denied.message_id)()).toBeUndefined();
      }
    }, 60_000);

    it("says what it stores and for how long on /privacy, in the reader's language", async () => {
      const en = (await ask(207, '/privacy')).reply.message.text as string;
      expect(en).toContain('without your name or id, deleted after 30 days');
      expect(en).toContain('/forget deletes what I keep about you.');
      const m = await emu.say(208, '/privacy', { from: { id: 208, is_bot: false, first_name: 'Jörg', language_code: 'de' } });
      const de = await emu.waitFor(replyTo(208, m.message_id), 'the German /privacy', 30_000);
      expect(de.message.text).toContain('sie werden nach 30 Tagen gelöscht');
    }, 60_000);

    it("gives the operator's privacy text (TEXTS_FILE) instead, with {days} filled in", async () => {
      const parsed = parseCustomTexts(JSON.stringify({ privacy: { en: 'We keep unanswered questions {days} days. Ask {bot}.' } }));
      texts = 'texts' in parsed ? parsed.texts : undefined;
      try {
        expect((await ask(212, '/privacy')).reply.message.text).toBe(`We keep unanswered questions 30 days. Ask @${BOT.username}.`);
      } finally {
        texts = undefined;
      }
    }, 60_000);

    it("deletes a reader's votes on /forget, so their next press counts again", async () => {
      const { reply } = await ask(209, 'How many basements did firefighters pump out?', 'the answer');
      expect(await press(209, reply, 'fb:+')).toBe('Thanks for your feedback!');
      const forgot = (await ask(209, '/forget')).reply.message.text;
      expect(forgot).toBe('Done. Deleted: 1 rating, 0 questions, 0 subscriptions.');
      expect((await ask(209, '/forget')).reply.message.text).toBe('Done. Deleted: 0 ratings, 0 questions, 0 subscriptions.');
      expect(await press(209, reply, 'fb:+')).toBe('Thanks for your feedback!');
    }, 60_000);

    it('gives a blocked user silence, messages and button presses alike, until an admin unblocks them', async () => {
      const { reply } = await ask(210, 'Who approved the budget?', 'the answer before the block');
      expect((await ask(ADMIN, '/block 210')).reply.message.text).toBe('Blocked 210: the bot now ignores them.');
      expect((await ask(ADMIN, '/block 210')).reply.message.text).toBe('210 was already blocked.');
      const ignored = await emu.say(210, 'When did the harbour bridge reopen?');
      const pressesBefore = emu.callbackAnswers.length;
      await emu.press(
        210,
        {
          message_id: reply.messageId,
          date: 0,
          chat: { id: 210, type: 'private' },
          from: { id: BOT.id, is_bot: true, first_name: 'Bot' },
          text: reply.message.text,
        },
        'fb:+',
        210,
      );
      // Another reader's answer arrives after the blocked user's message was handled (updates are taken in order).
      await ask(211, 'who approved the budget?', 'an answer to someone else');
      expect(replyTo(210, ignored.message_id)()).toBeUndefined();
      expect(emu.callbackAnswers.length).toBe(pressesBefore);
      expect((await ask(ADMIN, '/unblock 210')).reply.message.text).toBe('Unblocked 210.');
      await ask(210, 'When did the harbour bridge reopen?', 'the answer after the unblock');
      expect(logs.text()).toContain('update from a blocked user; dropped');
    }, 60_000);
  });
}
