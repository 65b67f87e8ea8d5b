import type { Context, MiddlewareFn } from 'telegraf';
import type { BotCore } from './core.js';

/**
 * Drops every update from a user an admin blocked (/block): no reply, no button notice. Admins are
 * never blocked. Kept apart from the allow-list settings so the two can be joined into one access
 * check. When the store cannot be read the update is answered (and the problem logged): a broken
 * store must not silence everyone.
 */
export function dropBlocked(core: BotCore): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const id = ctx.from?.id;
    if (core.kept && id !== undefined && !core.isAdmin(id)) {
      let blocked = false;
      try {
        blocked = await core.kept.state.isBlocked(id);
      } catch (err) {
        core.log.warn({ error: core.safe(err) }, 'could not read the blocked users; answering');
      }
      if (blocked) {
        core.counters.blockedUpdates!++;
        core.log.debug({ updateId: ctx.update.update_id }, 'update from a blocked user; dropped');
        return;
      }
    }
    return next();
  };
}
