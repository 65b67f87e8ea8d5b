import { Telegraf, type Context } from 'telegraf';
import type { CallbackQuery, InlineQueryResultArticle, Message, Update } from 'telegraf/types';
import type { Article } from '../articles/types.js';
import type { Config } from '../config.js';
import { ConfigError } from '../errors.js';
import { redact, type Logger } from '../log.js';
import type { Language } from '../search/language.js';
import type { Answer, AnswerOptions } from '../search/types.js';
import { addressed, type BotIdentity } from './addressed.js';
import { escapeHtml, latestArticles } from '../replies/text.js';
import {
  ANSWER_PAGE_PREFIX,
  SOURCES_PAGE_PREFIX,
  renderAnswer,
  renderHelp,
  renderInlineArticle,
  renderInlinePassage,
  renderLatest,
  renderSources,
  renderWelcome,
  type InlineKeyboard,
  type Rendered,
} from './format.js';
import { RecentUpdates, type UpdateLedger } from './ledger.js';
import { FixedWindowLimiter, Lru, QuestionLimiter } from './limits.js';
import { PUBLIC_COMMANDS, phrasesFor, userLanguage } from '../replies/phrases/index.js';
import { SendFailure, Sender, type SendOptions, type SenderOptions } from './send.js';

export interface BotDeps {
  config: Config;
  log: Logger;
  /** The one answer(), bound to the current index (live reload swaps the index underneath). */
  ask(question: string, options?: AnswerOptions): Answer;
  /** Indexed articles, for /sources and /latest. */
  articles(): readonly Article[];
  /** Admin-only /stats lines and /reload (issue 3); may be absent. */
  stats?(): Record<string, string | number>;
  reload?(): Promise<string>;
}

export interface BotOptions {
  /** Pacing and retry settings of the outgoing queue (defaults: Telegram's limits). */
  send?: Omit<SenderOptions, 'log' | 'secrets'>;
  /** Clock for the incoming rate limits. */
  now?: () => number;
  /** How many recent answers are remembered for the Next/Prev buttons (default 2,000). */
  answerCacheSize?: number;
  /** Which updates were already handled (default: the last 10,000 ids, in memory). */
  ledger?: UpdateLedger;
}

/** Commands shown in Telegram's menu (setMyCommands), described in `language`. Admin commands stay unlisted. */
export function botCommands(language?: Language): Array<{ command: string; description: string }> {
  const say = phrasesFor(language);
  return PUBLIC_COMMANDS.map((command) => ({ command, description: say.commands[command] }));
}

/** The parts of a running bot that `startBot` needs for shutdown and health. */
export interface BotRuntime {
  sender: Sender;
  /** Work started by handlers that outlives them (e.g. /reload); awaited on shutdown. */
  tasks: Set<Promise<unknown>>;
  counters: Record<string, number>;
}

const runtimes = new WeakMap<Telegraf, BotRuntime>();

export function botRuntime(bot: Telegraf): BotRuntime {
  const rt = runtimes.get(bot);
  if (!rt) throw new Error('not a bot made by createBot');
  return rt;
}

const INLINE_RESULTS = 5;

/**
 * The Telegram bot: routes updates to the one `ask()` and the formatters, and hands every reply to
 * the per-chat send queue. Handlers never wait for delivery, so a slow chat cannot hold up others.
 */
export function createBot(deps: BotDeps, options: BotOptions = {}): Telegraf {
  const { config, log } = deps;
  const token = config.botToken;
  if (!token) throw new ConfigError('BOT_TOKEN', 'is required to run the Telegram bot');
  const secrets = [token];
  const bot = new Telegraf(token, {
    telegram: config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {},
    handlerTimeout: 60_000,
  });
  const sender = new Sender((method, payload) => bot.telegram.callApi(method as 'getMe', payload as never), {
    ...options.send,
    log,
    secrets,
  });
  const counters: Record<string, number> = { questions: 0, answered: 0, notFound: 0, rateLimited: 0, tooLong: 0, errors: 0, droppedOverBudget: 0, duplicateUpdates: 0 };
  const runtime: BotRuntime = { sender, tasks: new Set(), counters };
  runtimes.set(bot, runtime);
  const limiter = new QuestionLimiter(config.rateLimit, options.now);
  // Inline queries come one per keystroke pause: their own budget, so typing never silences a chat.
  const inlineLimiter = new FixedWindowLimiter(config.inlineRateLimit, config.rateLimit.windowSeconds * 1000, options.now);
  const answers = new Lru<string, Answer>(options.answerCacheSize ?? 2000);
  const isAdmin = (userId: number | undefined) => userId !== undefined && config.adminIds.includes(userId);
  const safe = (err: unknown) => redact(String((err as Error)?.message ?? err), secrets);

  let topicsFor: readonly Article[] | undefined;
  let topics: string[] = [];
  /** Titles of the newest articles, suggested when nothing was found (recomputed when articles change). */
  const suggestions = (): string[] => {
    const list = deps.articles();
    if (list !== topicsFor) {
      topicsFor = list;
      topics = latestArticles(list, 3).map((a) => a.title);
    }
    return topics;
  };

  /** The language of the sender's Telegram app, when the bot speaks it. */
  const readerOf = (m: Message) => userLanguage(m.from?.language_code);
  /** The bot's sentences for a reply to `m` that has no question to read: in the sender's app language. */
  const sayTo = (m: Message) => phrasesFor(readerOf(m));

  const track = (p: Promise<unknown>) => {
    const t = p.catch(() => undefined).finally(() => runtime.tasks.delete(t));
    runtime.tasks.add(t);
  };

  /**
   * Queues a message for `chatId`. Never rejects: failures are logged by the sender, and a message
   * its chat's budget had no room for is counted (the update it answers got no reply).
   */
  const deliver = <T>(chatId: number, method: string, payload: Record<string, unknown>, options?: SendOptions): Promise<T | undefined> =>
    sender.send<T>(chatId, method, payload, options).catch((err: unknown) => {
      if (err instanceof SendFailure && err.kind === 'over-budget') counters.droppedOverBudget!++;
      return undefined;
    });

  /** Queues a reply to `m` (quoting it, in its forum topic). */
  const reply = (m: Message, html: string, keyboard?: InlineKeyboard, options?: SendOptions): Promise<Message.TextMessage | undefined> => {
    const payload: Record<string, unknown> = {
      chat_id: m.chat.id,
      text: html,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      reply_parameters: { message_id: m.message_id, allow_sending_without_reply: true },
    };
    if ('is_topic_message' in m && m.is_topic_message && m.message_thread_id !== undefined) payload.message_thread_id = m.message_thread_id;
    if (keyboard) payload.reply_markup = keyboard;
    return deliver<Message.TextMessage>(m.chat.id, 'sendMessage', payload, options);
  };

  const edit = (chatId: number, messageId: number, r: Rendered) =>
    deliver(chatId, 'editMessageText', {
      chat_id: chatId,
      message_id: messageId,
      text: r.html,
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(r.keyboard ? { reply_markup: r.keyboard } : {}),
    });

  /**
   * Applies the incoming limits; true when the message may be answered. Over them, the chat gets
   * its one notice of the window (which may be dropped first if the chat's send budget is tight);
   * every later message gets nothing and is counted as over budget.
   */
  const allowed = (m: Message): boolean => {
    if (limiter.allow(m.from?.id, m.chat.id)) return true;
    counters.rateLimited!++;
    if (limiter.noticeDue(m.chat.id)) void reply(m, escapeHtml(sayTo(m).slowDown(config.rateLimit.windowSeconds)), undefined, { droppable: true });
    else counters.droppedOverBudget!++;
    return false;
  };

  const answerQuestion = (m: Message, question: string) => {
    if (question.length > config.maxQuestionLength) {
      counters.tooLong!++;
      void reply(m, escapeHtml(sayTo(m).tooLong(question.length, config.maxQuestionLength)));
      return;
    }
    counters.questions!++;
    const answer = deps.ask(question, { readerLanguage: readerOf(m) });
    if (answer.passages.length > 0) counters.answered!++;
    else counters.notFound!++;
    const rendered = renderAnswer(answer, 0, { topics: suggestions(), articles: deps.articles() });
    void reply(m, rendered.html, rendered.keyboard).then((sent) => {
      if (sent && answer.passages.length > 1) answers.set(`${m.chat.id}:${sent.message_id}`, answer);
    });
  };

  const runCommand = (m: Message, me: BotIdentity, command: string, args: string) => {
    const userId = m.from?.id;
    switch (command) {
      case 'start':
        return void reply(m, renderWelcome(deps.articles().length, me.username, readerOf(m)));
      case 'help':
        return void reply(m, renderHelp(me.username, readerOf(m)));
      case 'ask':
        if (args === '') return void reply(m, sayTo(m).askUsage);
        return answerQuestion(m, args);
      case 'sources': {
        const r = renderSources(deps.articles(), 0, readerOf(m));
        return void reply(m, r.html, r.keyboard);
      }
      case 'latest':
        return void reply(m, renderLatest(deps.articles(), undefined, readerOf(m)));
      case 'stats': {
        if (!isAdmin(userId)) return; // not for everyone: no answer at all
        const lines = { articles: deps.articles().length, ...deps.stats?.(), ...counters, ...sender.stats, pendingReplies: sender.pending() };
        return void reply(m, `<b>Stats</b>\n${Object.entries(lines).map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(String(v))}`).join('\n')}`);
      }
      case 'reload': {
        if (!isAdmin(userId)) return;
        if (!deps.reload) return void reply(m, 'Reloading is not available in this setup.');
        return track(
          deps.reload().then(
            (summary) => reply(m, escapeHtml(summary)),
            (err: unknown) => {
              log.error({ error: safe(err) }, '/reload failed');
              return reply(m, `Reload failed: ${escapeHtml(safe(err))}`);
            },
          ),
        );
      }
      default:
        return void reply(m, escapeHtml(sayTo(m).unknownCommand));
    }
  };

  const onMessage = (ctx: Context) => {
    const update = ctx.update as Update;
    const me: BotIdentity = { id: ctx.botInfo.id, username: ctx.botInfo.username };
    const decision = addressed(update, me);
    if (decision.kind === 'ignore') {
      log.trace({ reason: decision.reason }, 'update ignored');
      return;
    }
    const m = (update as Update.MessageUpdate).message;
    if (!allowed(m)) return;
    if (decision.kind === 'non-text') return void reply(m, escapeHtml(sayTo(m).textOnly));
    if (decision.kind === 'command') return runCommand(m, me, decision.command, decision.args);
    return answerQuestion(m, decision.text);
  };

  /** Recovers the question an answer message replied to, when the answer fell out of the cache. */
  const recoverAnswer = (message: CallbackQuery['message'], me: BotIdentity): Answer | undefined => {
    const replied = message && 'reply_to_message' in message ? message.reply_to_message : undefined;
    if (!replied) return undefined;
    const d = addressed({ update_id: 0, message: replied as Update.New & Update.NonChannel & Message }, me);
    const question = d.kind === 'question' ? d.text : d.kind === 'command' && d.command === 'ask' ? d.args : undefined;
    return question ? deps.ask(question, { readerLanguage: userLanguage(replied.from?.language_code) }) : undefined;
  };

  const onCallback = async (ctx: Context) => {
    const q = ctx.callbackQuery;
    if (!q || !('data' in q)) return;
    const message = q.message;
    const ack = (text?: string) =>
      bot.telegram.answerCbQuery(q.id, text).catch((err: unknown) => log.debug({ error: safe(err) }, 'answerCallbackQuery failed'));
    const reader = userLanguage(q.from.language_code);
    const say = phrasesFor(reader);
    if (!message) return void ack(say.tooOld);
    // Buttons act only on the bot's own messages: a crafted press on anyone else's does nothing.
    if (!('from' in message) || message.from?.id !== ctx.botInfo.id) return void ack();
    // Over the limits, the presser alone is told (a callback answer costs the chat nothing).
    if (!limiter.allow(q.from.id, message.chat.id)) {
      counters.rateLimited!++;
      return void ack(say.slowDownShort);
    }
    const me: BotIdentity = { id: ctx.botInfo.id, username: ctx.botInfo.username };
    const page = (prefix: string) => Number.parseInt(q.data.slice(prefix.length), 10) || 0;
    if (q.data.startsWith(SOURCES_PAGE_PREFIX)) {
      void ack();
      return void edit(message.chat.id, message.message_id, renderSources(deps.articles(), page(SOURCES_PAGE_PREFIX), reader));
    }
    if (q.data.startsWith(ANSWER_PAGE_PREFIX)) {
      const key = `${message.chat.id}:${message.message_id}`;
      const answer = answers.get(key) ?? recoverAnswer(message, me);
      if (!answer || answer.passages.length === 0) return void ack(say.expired);
      answers.set(key, answer);
      void ack();
      return void edit(message.chat.id, message.message_id, renderAnswer(answer, page(ANSWER_PAGE_PREFIX)));
    }
    void ack();
  };

  const onInline = (ctx: Context) => {
    const q = ctx.inlineQuery;
    if (!q) return;
    const text = q.query.trim();
    // Shared results are cached by Telegram for everyone; a refusal (over budget) is for this user only, and not cached.
    const send = (results: InlineQueryResultArticle[], cache = { cache_time: 60, is_personal: false }) =>
      bot.telegram.answerInlineQuery(q.id, results, cache).catch((err: unknown) => log.debug({ error: safe(err) }, 'answerInlineQuery failed'));
    if (text === '' || text.length > config.maxQuestionLength) return void send([]);
    if (!inlineLimiter.hit(String(q.from.id))) return void send([], { cache_time: 0, is_personal: true });
    const answer = deps.ask(text, { limit: INLINE_RESULTS, readerLanguage: userLanguage(q.from.language_code) });
    const result = (i: number, r: { title: string; description: string; html: string; keyboard?: InlineKeyboard }): InlineQueryResultArticle => ({
      type: 'article',
      id: String(i),
      title: r.title,
      description: r.description,
      input_message_content: { message_text: r.html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
      ...(r.keyboard ? { reply_markup: r.keyboard } : {}),
    });
    // "@bot what's new?": the newest articles, each with its link.
    if (answer.reason === 'latest') {
      return void send(latestArticles(deps.articles(), INLINE_RESULTS).map((a, i) => result(i, renderInlineArticle(a, answer.language))));
    }
    void send(answer.passages.slice(0, INLINE_RESULTS).map((p, i) => result(i, { ...renderInlinePassage(answer, i), keyboard: renderAnswer({ ...answer, passages: [p] }).keyboard })));
  };

  // First of all: an update seen before (Telegram re-delivering it, or a replayed webhook body) is dropped.
  const ledger = options.ledger ?? new RecentUpdates();
  bot.use(async (ctx, next) => {
    if (await ledger.claim(ctx.update.update_id)) return next();
    counters.duplicateUpdates!++;
    log.debug({ updateId: ctx.update.update_id }, 'update already handled; dropped');
  });

  bot.use(async (ctx) => {
    if (ctx.callbackQuery) return onCallback(ctx);
    if (ctx.inlineQuery) return onInline(ctx);
    return onMessage(ctx);
  });

  bot.catch((err, ctx) => {
    counters.errors!++;
    log.error({ error: safe(err), updateId: ctx.update.update_id }, 'error while handling an update');
    const m = ctx.message;
    if (m && addressed(ctx.update, { id: ctx.botInfo.id, username: ctx.botInfo.username }).kind !== 'ignore') {
      void reply(m, escapeHtml(sayTo(m).failed));
    }
  });

  return bot;
}
