import { Telegraf } from 'telegraf';
import { ConfigError } from '../errors.js';
import { escapeHtml } from '../replies/text.js';
import { accessGate } from './access.js';
import { addressed } from './addressed.js';
import { dropBlocked } from './blocked.js';
import { followChats } from './chat-moves.js';
import { createBotCore, type BotDeps, type BotOptions } from './core.js';
import { handleCallback } from './handlers/callback.js';
import { handleInline } from './handlers/inline.js';
import { handleMessage } from './handlers/message.js';
import { RecentUpdates } from './ledger.js';
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
  const { config, log } = deps;
  if (!config.botToken) throw new ConfigError('BOT_TOKEN', 'is required to run the Telegram bot');
  const agent = config.telegramProxy ? proxyAgent(config.telegramProxy) : undefined;
  const bot = new Telegraf(config.botToken, {
    telegram: { ...(config.telegramApiRoot ? { apiRoot: config.telegramApiRoot } : {}), ...(agent ? { agent } : {}) },
    handlerTimeout: 60_000,
  });
  // telegraf drops the agent for an http:// API root (a local Bot API server); TELEGRAM_PROXY holds for any.
  if (agent) bot.telegram.options.agent = agent;
  const core = createBotCore(bot, deps, options);
  const { counters } = core;
  runtimes.set(bot, { sender: core.sender, tasks: core.tasks, counters });

  // First of all: an update seen before (Telegram re-delivering it, or a replayed webhook body) is dropped.
  const ledger = options.ledger ?? new RecentUpdates();
  bot.use(async (ctx, next) => {
    if (await ledger.claim(ctx.update.update_id)) return next();
    counters.duplicateUpdates!++;
    log.debug({ updateId: ctx.update.update_id }, 'update already handled; dropped');
  });

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

  bot.catch((err, ctx) => {
    counters.errors!++;
    log.error({ error: core.safe(err), updateId: ctx.update.update_id }, 'error while handling an update');
    const m = ctx.message;
    if (m && addressed(ctx.update, { id: ctx.botInfo.id, username: ctx.botInfo.username }).kind !== 'ignore') {
      void core.reply(m, escapeHtml(core.sayTo(m).failed));
    }
  });

  return bot;
}
