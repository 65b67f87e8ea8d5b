import type { Context, MiddlewareFn } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { Config } from '../config.js';
import { phrasesFor, userLanguage } from '../replies/phrases/index.js';
import { escapeHtml } from '../replies/text.js';
import { addressed } from './addressed.js';
import type { BotCore } from './core.js';
import { FixedWindowLimiter } from './limits.js';

/** Who may use the bot; `undefined` when everyone may (both lists empty). */
export interface AccessRules {
  chats: ReadonlySet<number>;
  users: ReadonlySet<number>;
  admins: ReadonlySet<number>;
}

export function accessRules(config: Pick<Config, 'allowedChatIds' | 'allowedUserIds' | 'adminIds'>): AccessRules | undefined {
  if (config.allowedChatIds.length === 0 && config.allowedUserIds.length === 0) return undefined;
  return { chats: new Set(config.allowedChatIds), users: new Set(config.allowedUserIds), admins: new Set(config.adminIds) };
}

/**
 * An update is served when its chat is listed (everyone in it may ask), or its sender is listed
 * (anywhere: in private, in any group, inline), or the sender is an admin.
 */
export function mayUse(rules: AccessRules | undefined, chatId: number | undefined, userId: number | undefined): boolean {
  if (!rules) return true;
  if (chatId !== undefined && rules.chats.has(chatId)) return true;
  return userId !== undefined && (rules.users.has(userId) || rules.admins.has(userId));
}

/** The chat and sender of the updates readers make; undefined for any other kind (those pass). */
function whoAsks(update: Update): { chatId: number | undefined; userId: number | undefined } | undefined {
  if ('message' in update) return { chatId: update.message.chat.id, userId: update.message.from?.id };
  if ('callback_query' in update) return { chatId: update.callback_query.message?.chat.id, userId: update.callback_query.from.id };
  // An inline query has no chat the bot can check: only its sender counts.
  if ('inline_query' in update) return { chatId: undefined, userId: update.inline_query.from.id };
  return undefined;
}

/**
 * The allow-list, as middleware before every handler, so none of them needs to know. Refused: a
 * private chat that writes to the bot gets one polite line per rate window (so the line cannot be
 * used to make the bot flood), a group gets silence, an inline query empty results, a button press
 * only its acknowledgement. Each refused chat is logged once per window with its id, so an operator
 * can copy it into ALLOWED_CHAT_IDS.
 */
export function accessGate(core: BotCore, now?: () => number): MiddlewareFn<Context> {
  const rules = accessRules(core.config);
  if (!rules) return (_ctx, next) => next();
  const { counters, log, telegram } = core;
  counters.notAllowed = 0;
  const perWindow = new FixedWindowLimiter(1, core.config.rateLimit.windowSeconds * 1000, now);
  const quiet = (err: unknown) => log.debug({ error: core.safe(err) }, 'answering a refused update failed');

  return async (ctx, next) => {
    const update = ctx.update;
    const who = whoAsks(update);
    if (!who || mayUse(rules, who.chatId, who.userId)) return next();
    counters.notAllowed!++;
    if (ctx.callbackQuery) return void telegram.answerCbQuery(ctx.callbackQuery.id).catch(quiet);
    if (ctx.inlineQuery) return void telegram.answerInlineQuery(ctx.inlineQuery.id, [], { cache_time: 60, is_personal: true }).catch(quiet);
    const m = ctx.message;
    if (!m) return;
    const speak = m.chat.type === 'private' && addressed(update, { id: ctx.botInfo.id, username: ctx.botInfo.username }).kind !== 'ignore';
    if ((m.chat.type === 'private' && !speak) || !perWindow.hit(String(m.chat.id))) return;
    log.info({ chatId: m.chat.id, userId: who.userId, chatType: m.chat.type }, 'not on the allow-list (ALLOWED_CHAT_IDS, ALLOWED_USER_IDS): refused');
    if (speak) void core.reply(m, escapeHtml(phrasesFor(userLanguage(m.from?.language_code)).notAllowed), undefined, { droppable: true });
  };
}
