import { Telegraf, type Context, type MiddlewareFn } from 'telegraf';
import { ConfigError } from '../errors.js';
import { escapeHtml } from '../replies/text.js';
import { accessGate } from './access.js';
import { addressed } from './addressed.js';
import { dropBlocked } from './blocked.js';
import { followChats } from './chat-moves.js';
import { createBotCore, type BotCore, type BotDeps, type BotOptions } from './core.js';
import { handleCallback } from './handlers/callback.js';
import { handleInline } from './handlers/inline.js';
import { handleMessage } from './handlers/message.js';
import { ClaimUnavailable, RecentUpdates, SharedUpdates, type UpdateLedger } from './ledger.js';
import { proxyAgent } from './proxy.js';
import type { Sender } from './send.js';

export { botCommands } from './commands.js';
export type { BotDeps, BotOptions } from './core.js';

/** The parts of a running bot that `startBot` needs for shutdown and health. */
export interface BotRuntime {
  sender: Sender;
  /** Work started by handlers that outlives them (e.g. /reload); awaited on shutdown. */
  tasks: Set<Promise<unknown>>;
  counters: Record<string, number>;
  /** Updates not taken because the shared ledger was unreachable (webhook mode): answered 503 so Telegram retries. */
  unclaimed: WeakSet<object>;
  /** Stops the bot's own timers, after a last report of its counters (replicas). */
  dispose(): Promise<void>;
}

const runtimes = new WeakMap<Telegraf, BotRuntime>();

export function botRuntime(bot: Telegraf): BotRuntime {
  const rt = runtimes.get(bot);
  if (!rt) throw new Error('not a bot made by createBot');
  return rt;
}

/**
 * The Telegram bot: drops updates already handled, then routes each to its handler (messages and
 * commands, button presses, inline queries), which calls the one `ask()` and the formatters and hands
 * every reply to the per-chat send queue. Handlers never wait for delivery, so a slow chat cannot hold
 * up others. Commands are a table in commands.ts.
 */
export function createBot(deps: BotDeps, options: BotOptions = {}): Telegraf {
  const bot = newTelegraf(deps.config);
  const core = createBotCore(bot, deps, options);
  const unclaimed = new WeakSet<object>();
  runtimes.set(bot, { sender: core.sender, tasks: core.tasks, counters: core.counters, unclaimed, dispose: () => core.dispose() });

  // First of all, with replicas (or a ledger of the caller's): one update at a time per chat, in
  // arrival order, so the database round trips below (the shared ledger's and limits') cannot let a
  // chat's later message overtake an earlier one on its way to the chat's send queue. One process
  // alone keeps its order without it, as before.
  // Behind a webhook, replicas take turns at a chat in update order (shared-sends.ts), which orders
  // this replica's updates too; a queue here could hold an earlier update (delivered again after its
  // replica died) behind a later one that waits for it.
  bot.use(oneAtATimePerChat((deps.coordination !== undefined || options.ledger !== undefined) && core.sharedSends === undefined));
  // Then: an update seen before (Telegram re-delivering it, a replayed webhook body, or
  // another replica's, with DATABASE_URL) is dropped.
  bot.use(dropSeen(core, options.ledger ?? defaultLedger(deps, core.counters), unclaimed));
  // Telegram's notices that a chat went away or moved: its subscriptions end or follow.
  bot.use(followChats(core));
  // Then the allow-list (ALLOWED_CHAT_IDS, ALLOWED_USER_IDS): no handler sees a refused update.
  bot.use(accessGate(core, options.now));
  // Then the users an admin blocked (kept in the state store): silence.
  bot.use(dropBlocked(core));

  bot.use(async (ctx) => {
    if (ctx.callbackQuery) return handleCallback(core, ctx);
    if (ctx.inlineQuery) return handleInline(core, ctx);
    return handleMessage(core, ctx);
  });
  bot.catch(replyOnError(core));
  return bot;
}

/** The Telegraf instance for BOT_TOKEN, through TELEGRAM_PROXY and to TELEGRAM_API_ROOT when set. */
function newTelegraf(config: BotDeps['config']): Telegraf {
  if (!config.botToken) throw new ConfigError('BOT_TOKEN', 'is required to run the Telegram bot');
  const agent = config.telegramProxy ? proxyAgent(config.telegramProxy) : undefined;
  const bot = new Telegraf(config.botToken, {
    telegram: { ...(config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {}), ...(agent ? { agent } : {}) },
    handlerTimeout: 60_000,
  });
  // telegraf drops the agent for an http:// API root (a local Bot API server); TELEGRAM_PROXY holds for any.
  if (agent) bot.telegram.options.agent = agent;
  return bot;
}

/** When `enabled`, a chat's updates pass one at a time, in arrival order; else all pass at once. */
function oneAtATimePerChat(enabled: boolean): MiddlewareFn<Context> {
  const turns = new Map<number, Promise<unknown>>();
  return async (ctx, next) => {
    const chat = ctx.chat?.id;
    if (chat === undefined || !enabled) return next();
    const mine = (turns.get(chat) ?? Promise.resolve()).then(() => next());
    const settled = mine.catch(() => undefined);
    turns.set(chat, settled);
    try {
      await mine;
    } finally {
      if (turns.get(chat) === settled) turns.delete(chat);
    }
  };
}

/**
 * Drops an update the ledger has seen; one it could not claim (the database did not answer) is left
 * in `unclaimed` for Telegram to deliver again. Replicas behind a webhook handle a chat's updates in turn.
 */
function dropSeen(core: BotCore, ledger: UpdateLedger, unclaimed: WeakSet<object>): MiddlewareFn<Context> {
  const { counters, log } = core;
  return async (ctx, next) => {
    let first: boolean;
    const chat = ctx.chat?.id;
    try {
      first = await ledger.claim(ctx.update.update_id, chat);
    } catch (err) {
      if (!(err instanceof ClaimUnavailable)) throw err;
      counters.unclaimedUpdates!++;
      unclaimed.add(ctx.update);
      log.warn({ updateId: ctx.update.update_id, error: core.safe(err) }, 'the database did not answer; update left for Telegram to deliver again');
      return;
    }
    const shared = chat === undefined ? undefined : core.sharedSends;
    // Replicas behind a webhook: in the chat's turn across them, acknowledged once the replies are out.
    if (first) return shared ? shared.inTurn(chat!, ctx.update.update_id, next) : next();
    if (shared) {
      // Acknowledged only once the replica that has it is done, or handled here when that one died.
      let mine: boolean;
      try {
        mine = await shared.whileOthersHandle(chat!, ctx.update.update_id);
      } catch (err) {
        counters.unclaimedUpdates!++;
        unclaimed.add(ctx.update);
        log.warn({ updateId: ctx.update.update_id, error: core.safe(err) }, 'update left for Telegram to deliver again');
        return;
      }
      if (mine) return shared.inTurn(chat!, ctx.update.update_id, next);
    }
    counters.duplicateUpdates!++;
    log.debug({ updateId: ctx.update.update_id }, 'update already handled; dropped');
  };
}

/** A handler's error: counted and logged, and the reader told when the message was meant for the bot. */
function replyOnError(core: BotCore): (err: unknown, ctx: Context) => void {
  return (err, ctx) => {
    core.counters.errors!++;
    core.log.error({ error: core.safe(err), updateId: ctx.update.update_id }, 'error while handling an update');
    const m = ctx.message;
    if (m && addressed(ctx.update, { id: ctx.botInfo.id, username: ctx.botInfo.username }).kind !== 'ignore') {
      void core.reply(m, escapeHtml(core.sayTo(m).failed));
    }
  };
}

/** In memory for one process; in the database for replicas (see SharedUpdates for when it is unreachable). */
function defaultLedger(deps: BotDeps, counters: Record<string, number>): UpdateLedger {
  const shared = deps.coordination;
  if (!shared) return new RecentUpdates();
  // Behind a webhook a claim names its chat, whose updates then take turns across replicas (shared-sends.ts).
  const webhook = deps.config.webhook !== undefined;
  return new SharedUpdates((id, chat) => shared.claimUpdate(id, webhook ? chat : undefined), {
    whenUnavailable: deps.config.webhook ? 'refuse' : 'local',
    onFallback: (err) => {
      counters.localClaims!++;
      deps.log.warn({ error: (err as Error).message }, 'the database did not answer; update claimed in this process only');
    },
  });
}
