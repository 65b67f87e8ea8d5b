import type { Context, MiddlewareFn } from 'telegraf';
import type { BotCore } from './core.js';

/** The fields of the two updates this reads. */
interface ChatChange {
  my_chat_member?: { chat: { id: number }; new_chat_member?: { status?: string } };
  message?: { chat: { id: number }; migrate_to_chat_id?: number; migrate_from_chat_id?: number };
}

/**
 * What happens to a chat's subscriptions when the chat changes: the bot removed from it (a
 * my_chat_member update, status left or kicked) ends them; a group that became a supergroup (its
 * last message carries migrate_to_chat_id, the supergroup's first migrate_from_chat_id) takes them
 * along. Runs before the allow-list: these are Telegram's notices, not a user's requests.
 */
export function followChats(core: BotCore): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const state = core.deps.state;
    const update = ctx.update as ChatChange;
    const member = update.my_chat_member;
    const m = update.message;
    if (!state || (member === undefined && m?.migrate_to_chat_id === undefined && m?.migrate_from_chat_id === undefined)) return next();
    try {
      if (member !== undefined) {
        const status = member.new_chat_member?.status;
        if (status === 'left' || status === 'kicked') {
          const ended = await state.dropChat(member.chat.id);
          core.log.info({ chatId: member.chat.id, subscriptions: ended }, 'the bot was removed from a chat: its subscriptions ended');
        }
        return;
      }
      const [from, to] = m!.migrate_to_chat_id !== undefined ? [m!.chat.id, m!.migrate_to_chat_id] : [m!.migrate_from_chat_id!, m!.chat.id];
      const moved = await state.moveChat(from, to);
      if (moved > 0) core.log.info({ from, to, subscriptions: moved }, 'a group became a supergroup: its subscriptions moved');
    } catch (err) {
      core.log.error({ error: core.safe(err) }, 'could not update the subscriptions of a chat that changed');
    }
  };
}
