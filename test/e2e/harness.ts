import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import type { TelegramServer as TelegramServerClass } from 'telegram-test-api/lib/telegramServer.js';
import type { BotDeps } from '../../src/bot/bot.js';
import type { Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { articles, ask } from './fixture.js';

/** A token shaped like a real one, so the logger's redaction has to catch it. */
export const TOKEN = '123456789:AAFakeTokenForTestsOnly_abcdefghijklmnop';
/** telegram-test-api's getMe identity. */
export const BOT = { id: 666, username: 'TestNameBot' };

// The package is CommonJS whose module.exports is the class itself.
const TelegramServer = createRequire(import.meta.url)('telegram-test-api') as typeof TelegramServerClass;

/**
 * telegram-test-api behind a thin front server on 127.0.0.1: getUpdates waits briefly for new
 * updates (the emulator answers at once, which would make polling spin), inline queries (which the
 * emulator cannot make) are handed out with the updates, and answerInlineQuery, which the emulator
 * lacks, is recorded, and so is answerCallbackQuery (which the emulator takes but forgets). setMyCommands is recorded too, then refused with HTTP 500
 * as the emulator itself does. Everything else (including the 500s for sendChatAction) is the
 * emulator's own behaviour.
 */
export async function startEmulator() {
  const emu = new TelegramServer({ host: '127.0.0.1', port: 1, storeTimeout: 600 });
  // Its express app, served by our own front server instead of emu.start().
  const app = (emu as unknown as { webServer: http.RequestListener }).webServer;
  const inlineAnswers: Array<Record<string, unknown>> = [];
  const commandMenus: Array<Record<string, unknown>> = [];
  const callbackAnswers: Array<Record<string, unknown>> = [];
  /** Members' statuses by "chat:user" for getChatMember, which the emulator lacks ('member' when not set). */
  const chatMembers = new Map<string, string>();
  /** Every Bot API method the bot called, in order of arrival. */
  const calls: string[] = [];
  /** Updates the emulator cannot make (inline queries), handed out by the next getUpdates. */
  const extraUpdates: Array<Record<string, unknown>> = [];
  let extraUpdateId = 1_000_000;
  const unread = () => emu.storage.userMessages.some((u) => !u.isRead) || extraUpdates.length > 0;
  const updates: http.RequestListener = (req, res) => {
    if (extraUpdates.length === 0) return app(req, res);
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: extraUpdates.splice(0) }));
  };
  const server = http.createServer((req, res) => {
    const method = /\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1];
    if (method) calls.push(method);
    if (method === 'answerInlineQuery' || method === 'setMyCommands' || method === 'answerCallbackQuery') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        const payload = JSON.parse(body) as Record<string, unknown>;
        if (method === 'answerInlineQuery' || method === 'answerCallbackQuery') {
          (method === 'answerInlineQuery' ? inlineAnswers : callbackAnswers).push(payload);
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"result":true}');
        } else {
          commandMenus.push(payload);
          res.writeHead(500, { 'content-type': 'application/json' }).end('{"ok":false,"error_code":500,"description":"Internal Server Error"}');
        }
      });
      return;
    }
    if (method === 'getChatMember') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        const { chat_id, user_id } = JSON.parse(body) as { chat_id: number; user_id: number };
        const status = chatMembers.get(`${chat_id}:${user_id}`) ?? 'member';
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: { status, user: user(user_id) } }));
      });
      return;
    }
    if (method === 'getUpdates' && !unread()) {
      const go = () => {
        clearTimeout(timer);
        emu.off('AddedUserMessage', go).off('AddedUserCallbackQuery', go);
        updates(req, res);
      };
      const timer = setTimeout(go, 250);
      emu.on('AddedUserMessage', go).on('AddedUserCallbackQuery', go);
      return;
    }
    if (method === 'getUpdates') return updates(req, res);
    app(req, res);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const user = (id: number) => ({ id, is_bot: false, first_name: `User${id}`, username: `user${id}` });
  const chatOf = (chatId: number) =>
    chatId > 0 ? { id: chatId, type: 'private', first_name: `User${chatId}` } : { id: chatId, type: 'supergroup', title: `Group ${chatId}` };

  return {
    apiRoot,
    inlineAnswers,
    /** The bot's answers to button presses (answerCallbackQuery: the notice text, if any), in order. */
    callbackAnswers,
    /** The command menus the bot asked for (each refused with HTTP 500). */
    commandMenus,
    calls,
    chatMembers,
    /** Any update the emulator cannot make (my_chat_member, a migrating group's last message), handed out by the next getUpdates. */
    push(update: Record<string, unknown>) {
      extraUpdates.push({ update_id: extraUpdateId++, ...update });
      emu.emit('AddedUserMessage');
    },
    /** A user message as Telegram would deliver it; returns the message (its id is set by the emulator). */
    async say(chatId: number, text: string | undefined, extra: Record<string, unknown> = {}, fromId = chatId > 0 ? chatId : 7) {
      const entities: unknown[] = [];
      const command = /^\/\S+/.exec(text ?? '');
      if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
      for (const m of (text ?? '').matchAll(/@\w+/g)) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
      const message = {
        botToken: TOKEN,
        date: Math.floor(Date.now() / 1000),
        from: user(fromId),
        chat: chatOf(chatId),
        ...(text === undefined ? {} : { text }),
        ...(entities.length ? { entities } : {}),
        ...extra,
      };
      // The emulator numbers messages itself (one counter for users and the bot).
      const id = (emu as unknown as { messageId: number }).messageId;
      await emu.addUserMessage(message as never);
      return { ...message, message_id: id };
    },
    /** A button press on `botMessage` by user `fromId`, whose Telegram app is in `languageCode` when given. */
    async press(chatId: number, botMessage: Record<string, unknown>, data: string, fromId = chatId > 0 ? chatId : 7, languageCode?: string) {
      const from = languageCode === undefined ? user(fromId) : { ...user(fromId), language_code: languageCode };
      await emu.addUserCallback({ botToken: TOKEN, from, message: botMessage, data } as never);
    },
    /** An inline query ("@bot …" typed in any chat) from user `fromId`; returns its id. */
    inline(fromId: number, query: string) {
      const id = `iq${extraUpdateId}`;
      extraUpdates.push({ update_id: extraUpdateId++, inline_query: { id, from: user(fromId), query, offset: '' } });
      emu.emit('AddedUserMessage');
      return id;
    },
    /** Delivers the update that carried user message `messageId` once more, same update_id (as Telegram does when unsure the bot took it). */
    redeliver(messageId: number) {
      const stored = emu.storage.userMessages.find((u) => u.messageId === messageId);
      if (!stored) throw new Error(`no stored update for message ${messageId}`);
      stored.isRead = false;
      emu.emit('AddedUserMessage');
      return stored.updateId;
    },
    /** Messages the bot sent (as the emulator stored them), in order. */
    sent(): Array<{ messageId: number; message: Record<string, any> }> {
      return emu.storage.botMessages.map((b) => ({ messageId: b.messageId, message: b.message as Record<string, any> }));
    },
    async waitFor<T>(probe: () => T | undefined, what: string, ms = 8000): Promise<T> {
      const until = Date.now() + ms;
      for (;;) {
        const v = probe();
        if (v !== undefined && v !== false) return v;
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      await new Promise((r) => server.close(r));
      server.closeAllConnections();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    botToken: TOKEN,
    articlesDir: 'articles',
    indexCacheDir: '.cache',
    telegramApiRoot: undefined,
    logLevel: 'debug',
    adminIds: [1001],
    allowedChatIds: [],
    allowedUserIds: [],
    telegramProxy: undefined,
    adminAlerts: true,
    textsFile: undefined,
    maxQuestionLength: 500,
    rateLimit: { perUser: 1000, perChat: 1000, windowSeconds: 60 },
    inlineRateLimit: 1000,
    webhook: undefined,
    healthPort: undefined,
    listenHost: '127.0.0.1',
    feeds: [],
    feedIntervalMinutes: undefined,
    maxAgeDays: undefined,
    feedsAllowPrivateAddresses: false,
    wordVectors: false,
    sentenceModel: false,
    state: { dir: '.state', databaseUrl: undefined },
    databaseReadUrl: undefined,
    searchBackend: 'embedded',
    storeAskerIds: false,
    questionRetentionDays: 30,
    channels: [],
    ...overrides,
  };
}

/** Every log line, raw, so tests can assert on what was (and was not) written. */
export function captureLog(level = 'debug') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  const log = createLogger({ level, secrets: [TOKEN], destination });
  return { log, lines, text: () => lines.join('') };
}

export function deps(config: Config, log: BotDeps['log'], extra: Partial<BotDeps> = {}): BotDeps {
  return { config, log, ask, articles: () => articles, ...extra };
}

/** Faster pacing for functional tests (the limits themselves are tested in test/bot/send.test.ts). */
export const FAST_SEND = { rates: { perChatIntervalMs: 20, groupPerMinute: 1000, globalPerSecond: 1000 }, backoffMs: 50 };
