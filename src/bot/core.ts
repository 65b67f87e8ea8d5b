import type { Telegraf, Telegram } from 'telegraf';
import type { Message } from 'telegraf/types';
import type { Article } from '../articles/types.js';
import { proxySecrets, type Config } from '../config.js';
import { redact, type Logger } from '../log.js';
import { phrasesFor, userLanguage, type Phrases } from '../replies/phrases/index.js';
import { customText, type CustomTextKey, type CustomTexts } from '../replies/custom-texts.js';
import { latestArticles } from '../replies/text.js';
import type { Language } from '../search/language.js';
import type { Answer, AnswerOptions } from '../search/types.js';
import type { AdminAlerts } from './alerts.js';
import type { InlineKeyboard, Rendered } from './format.js';
import { FixedWindowLimiter, Lru, QuestionLimiter, SharedQuestionLimiter, type Hits, type ReaderLimits } from './limits.js';
import { SendFailure, Sender, TELEGRAM_RATES, type SendOptions, type SenderOptions } from './send.js';
import { SharedSends } from './shared-sends.js';
import type { UpdateLedger } from './ledger.js';
import type { State } from '../state/types.js';
import type { Coordination } from '../state/coordination.js';
import type { HealthExtra } from '../app/db-health.js';
import { Kept } from './kept.js';
import { NewsPoster, type NewsSource } from './news.js';

export interface BotDeps {
  config: Config;
  log: Logger;
  /**
   * The one answer(), bound to the current index (live reload swaps the index underneath); a promise
   * from the PostgreSQL backend, which rejects with SearchUnavailable while the database does not answer.
   */
  ask(question: string, options?: AnswerOptions): Answer | Promise<Answer>;
  /** Indexed articles, for /sources and /latest. */
  articles(): readonly Article[];
  /** Admin-only /stats lines and /reload (issue 3); may be absent. */
  stats?(): Record<string, string | number>;
  reload?(): Promise<string>;
  /** Problems the admins must act on, told in Telegram (see alerts.ts); the bot delivers them once it runs. */
  alerts?: AdminAlerts;
  /** The operator's replacement texts (TEXTS_FILE), as last read; none: the built-in ones. */
  texts?(): CustomTexts | undefined;
  /** Votes, wanted questions and blocked users (src/state); without it there are no 👍/👎 buttons and nothing is kept. */
  state?: State;
  /** With DATABASE_URL: what replicas share (update claims, answer pages, counters, the polling lease); none: one process keeps it all. */
  coordination?: Coordination;
  /** The live index's reloads, for posting new articles to subscriptions and CHANNELS; none: nothing is posted. */
  news?: NewsSource;
  /** What /healthz adds: the databases, reachable or not (app/db-health.ts); `healthy: false` answers 503. */
  health?(): Promise<HealthExtra>;
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

/**
 * What every handler shares: the dependencies, the counters /stats shows, the incoming limits, the
 * recent answers behind the pager buttons, and the ways to reply (all through the per-chat send queue).
 */
export interface BotCore {
  deps: BotDeps;
  config: Config;
  log: Logger;
  /** For the calls that answer a button press or an inline query (not queued: they cost the chat nothing). */
  telegram: Telegram;
  sender: Sender;
  /** Replicas behind a webhook: chats' turns and Telegram's limits across them (shared-sends.ts). */
  sharedSends?: SharedSends;
  counters: Record<string, number>;
  /** Work started by handlers that outlives them (e.g. /reload); awaited on shutdown. */
  tasks: Set<Promise<unknown>>;
  /** Readers' questions per user and chat: in this process, or counted across replicas. */
  limiter: ReaderLimits;
  inlineLimiter: Hits;
  /** Answers with more than one passage (any passage, when votes are kept), by "chat:message", for the buttons. */
  answers: Lru<string, Answer>;
  /** Keeps the answer a message shows, for its buttons: here, and with replicas in the database too (any replica may get the press). */
  remember(chatId: number, messageId: number, answer: Answer): void;
  /** The answer `remember` kept for a message: from this process, else from the database (replicas); undefined when neither has it. */
  recall(chatId: number, messageId: number): Promise<Answer | undefined>;
  /** What the bot keeps about readers, when it has a state store. */
  kept: Kept | undefined;
  /** Posts new articles to subscriptions and CHANNELS, when there is a store and a live index. */
  news: NewsPoster | undefined;
  isAdmin(userId: number | undefined): boolean;
  /** An error's message with the token redacted. */
  safe(err: unknown): string;
  /** Titles of the newest articles, suggested when nothing was found. */
  suggestions(): string[];
  /** The language of the sender's Telegram app, when the bot speaks it. */
  readerOf(m: Message): Language | undefined;
  /** The bot's sentences for a reply to `m` that has no question to read: in the sender's app language. */
  sayTo(m: Message): Phrases;
  /** The operator's text `key` for a reply to `m` (TEXTS_FILE), in the sender's app language; undefined: the built-in one. */
  customText(key: CustomTextKey, m: Message, botUsername: string | undefined, values?: Record<string, string | number>): string | undefined;
  /**
   * Replicas: every live replica's counters and send statistics, summed, with `replicas` (how many);
   * undefined for one process, or when the database does not answer (then /stats shows this process's).
   */
  wholeBotCounters(): Promise<Record<string, number> | undefined>;
  /** Publishes this replica's counters now (also done every REPORT_MS while it runs); none without replicas. */
  reportCounters(): Promise<void>;
  /** Intervals to clear when the bot stops. */
  timers: Array<ReturnType<typeof setInterval>>;
  /** Stops the timers; replicas publish their counters a last time (they count in /stats while their report is recent). */
  dispose(): Promise<void>;
  /** Keeps `p` in `tasks` until it settles. */
  track(p: Promise<unknown>): void;
  /** Queues a reply to `m` (quoting it, in its forum topic). Never rejects. */
  reply(m: Message, html: string, keyboard?: InlineKeyboard, options?: SendOptions): Promise<Message.TextMessage | undefined>;
  /** Queues an edit of one of the bot's messages. Never rejects. */
  edit(chatId: number, messageId: number, r: Rendered): Promise<unknown>;
}

/** How often a replica publishes its counters, and how recent a report must be to count in /stats. */
const REPORT_MS = 15_000;
const REPLICA_LIVE_MS = 4 * REPORT_MS;

export function createBotCore(bot: Telegraf, deps: BotDeps, options: BotOptions): BotCore {
  const { config, log } = deps;
  const secrets = [config.botToken!, ...proxySecrets(config.telegramProxy)];
  const safe = (err: unknown) => redact(String((err as Error)?.message ?? err), secrets);
  const { sender, sharedSends } = outgoing(bot, deps, options, secrets);
  const counters = newCounters();
  const tasks = new Set<Promise<unknown>>();
  const track = (p: Promise<unknown>) => {
    const t = p.catch(() => undefined).finally(() => tasks.delete(t));
    tasks.add(t);
  };
  const deliver = delivery(sender, counters);
  deps.alerts?.attach((chatId, html) =>
    deliver(chatId, 'sendMessage', { chat_id: chatId, text: html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } }),
  );
  const limits = readerLimits(deps, options);
  const answers = new Lru<string, Answer>(options.answerCacheSize ?? 2000);
  const core: BotCore = {
    deps,
    config,
    log,
    telegram: bot.telegram,
    sender,
    ...(sharedSends ? { sharedSends } : {}),
    counters,
    tasks,
    ...limits,
    answers,
    kept: deps.state && new Kept(deps.state, config, log),
    ...replicaCounters(deps, counters, sender, safe),
    ...answerPages(deps, answers, track, safe),
    news: undefined,
    isAdmin: (userId) => userId !== undefined && config.adminIds.includes(userId),
    safe,
    ...readerTexts(deps),
    track,
    ...replies(deliver),
  };
  if (deps.coordination) {
    const report = setInterval(() => void core.reportCounters().catch(() => undefined), REPORT_MS);
    report.unref();
    core.timers.push(report);
  }
  if (deps.state && deps.news) {
    core.news = new NewsPoster(core, deps.state, deps.news, config.channels);
    core.news.start(deps.articles());
  }
  return core;
}

/** The outgoing queue; replicas behind a webhook pace it and take chats' turns across them (shared-sends.ts). */
function outgoing(bot: Telegraf, deps: BotDeps, options: BotOptions, secrets: string[]): { sender: Sender; sharedSends: SharedSends | undefined } {
  const { config, log } = deps;
  const sharedSends =
    deps.coordination && config.webhook ? new SharedSends(deps.coordination, { ...TELEGRAM_RATES, ...options.send?.rates }, log) : undefined;
  const sender = new Sender((method, payload) => bot.telegram.callApi(method as 'getMe', payload as never), {
    ...options.send,
    ...(sharedSends ? { beforeCall: sharedSends.slot, onAnswered: sharedSends.onAnswered } : {}),
    log,
    secrets,
  });
  sharedSends?.attach(sender);
  return { sender, sharedSends };
}

function newCounters(): Record<string, number> {
  return {
    questions: 0,
    answered: 0,
    notFound: 0,
    rateLimited: 0,
    tooLong: 0,
    errors: 0,
    droppedOverBudget: 0,
    duplicateUpdates: 0,
    blockedUpdates: 0,
    unclaimedUpdates: 0,
    localClaims: 0,
  };
}

/** Queues a message for `chatId` (see `delivery`). */
type Deliver = <T>(chatId: number, method: string, payload: Record<string, unknown>, options?: SendOptions) => Promise<T | undefined>;

/**
 * Queues messages. Never rejects: failures are logged by the sender, and a message its chat's budget
 * had no room for is counted (the update it answers got no reply).
 */
function delivery(sender: Sender, counters: Record<string, number>): Deliver {
  return <T>(chatId: number, method: string, payload: Record<string, unknown>, options?: SendOptions): Promise<T | undefined> =>
    sender.send<T>(chatId, method, payload, options).catch((err: unknown) => {
      if (err instanceof SendFailure && err.kind === 'over-budget') counters.droppedOverBudget!++;
      return undefined;
    });
}

/** Replies and edits, as HTML without link previews. */
function replies(deliver: Deliver): Pick<BotCore, 'reply' | 'edit'> {
  return {
    reply(m, html, keyboard, options) {
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
    },
    edit: (chatId, messageId, r) =>
      deliver(chatId, 'editMessageText', {
        chat_id: chatId,
        message_id: messageId,
        text: r.html,
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(r.keyboard ? { reply_markup: r.keyboard } : {}),
      }),
  };
}

/** This replica's counters published for the others, and all replicas' summed for /stats (none without replicas). */
function replicaCounters(
  deps: BotDeps,
  counters: Record<string, number>,
  sender: Sender,
  safe: (err: unknown) => string,
): Pick<BotCore, 'timers' | 'dispose' | 'reportCounters' | 'wholeBotCounters'> {
  const timers: BotCore['timers'] = [];
  const reportCounters = async () => {
    await deps.coordination?.reportCounters({ ...counters, ...sender.stats });
  };
  return {
    timers,
    async dispose() {
      timers.forEach(clearInterval);
      await reportCounters().catch(() => undefined);
    },
    reportCounters,
    async wholeBotCounters() {
      const shared = deps.coordination;
      if (!shared) return undefined;
      try {
        await reportCounters();
        const { replicas, totals } = await shared.totalCounters(REPLICA_LIVE_MS);
        return { replicas, ...totals };
      } catch (err) {
        deps.log.warn({ error: safe(err) }, "could not read the other replicas' counters; /stats shows this replica only");
        return undefined;
      }
    },
  };
}

/** The answers messages show, for their buttons: kept here, and with replicas in the database too. */
function answerPages(
  deps: BotDeps,
  answers: Lru<string, Answer>,
  track: (p: Promise<unknown>) => void,
  safe: (err: unknown) => string,
): Pick<BotCore, 'remember' | 'recall'> {
  const { log } = deps;
  return {
    remember(chatId, messageId, answer) {
      answers.set(`${chatId}:${messageId}`, answer);
      const shared = deps.coordination;
      if (!shared) return;
      track(
        shared
          .savePage(chatId, messageId, pageOf(answer))
          .catch((err: unknown) =>
            log.warn({ error: safe(err) }, 'could not keep an answer page in the database; its buttons work on this replica only'),
          ),
      );
    },
    async recall(chatId, messageId) {
      const local = answers.get(`${chatId}:${messageId}`);
      if (local || !deps.coordination) return local;
      try {
        const page = (await deps.coordination.page(chatId, messageId)) as Answer | undefined;
        if (page) answers.set(`${chatId}:${messageId}`, page);
        return page;
      } catch (err) {
        log.warn({ error: safe(err) }, 'could not read an answer page from the database');
        return undefined;
      }
    },
  };
}

/** What the bot says in the reader's language: its phrases, the operator's texts and the suggested titles. */
function readerTexts(deps: BotDeps): Pick<BotCore, 'suggestions' | 'readerOf' | 'sayTo' | 'customText'> {
  let topicsFor: readonly Article[] | undefined;
  let topics: string[] = [];
  const readerOf = (m: Message) => userLanguage(m.from?.language_code);
  return {
    suggestions() {
      const list = deps.articles();
      // Recomputed only when the articles change.
      if (list !== topicsFor) {
        topicsFor = list;
        topics = latestArticles(list, 3).map((a) => a.title);
      }
      return topics;
    },
    readerOf,
    sayTo: (m) => phrasesFor(readerOf(m)),
    customText: (key, m, botUsername, values) =>
      customText(deps.texts?.(), key, readerOf(m), { ...values, articles: deps.articles().length, bot: botUsername && `@${botUsername}` }),
  };
}

/**
 * An answer as kept in the database for its buttons: each passage's article without its paragraphs
 * (the pages show the passage, the title, link, source and date; the paragraphs would be kilobytes).
 */
export function pageOf(answer: Answer): Answer {
  return { ...answer, passages: answer.passages.map((p) => ({ ...p, article: { ...p.article, paragraphs: [] } })) };
}

/**
 * The readers' limits: in memory for one process; with replicas, counted in the database so a reader
 * spreading questions over replicas gets the same budget (options.now, a test clock, keeps them local).
 */
function readerLimits(deps: BotDeps, options: BotOptions): { limiter: ReaderLimits; inlineLimiter: Hits } {
  const { rateLimit, inlineRateLimit } = deps.config;
  const shared = options.now ? undefined : deps.coordination;
  const window = rateLimit.windowSeconds;
  if (shared)
    return {
      limiter: new SharedQuestionLimiter({
        users: shared.counter('questions-user', rateLimit.perUser, window),
        chats: shared.counter('questions-chat', rateLimit.perChat, window),
        notices: shared.counter('slow-down-notice', 1, window),
      }),
      inlineLimiter: shared.counter('inline-user', inlineRateLimit, window),
    };
  return {
    limiter: new QuestionLimiter(rateLimit, options.now),
    // Inline queries come one per keystroke pause: their own budget, so typing never silences a chat.
    inlineLimiter: new FixedWindowLimiter(inlineRateLimit, window * 1000, options.now),
  };
}
