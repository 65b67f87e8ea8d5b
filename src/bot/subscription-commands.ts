import type { Message } from 'telegraf/types';
import { escapeHtml, truncate } from '../replies/text.js';
import type { Command } from './commands.js';
import type { BotCore } from './core.js';
import { withStore } from './with-store.js';

/** Subscriptions one chat may have: each is matched against every new article. */
export const MAX_SUBSCRIPTIONS = 20;
/** Longer words are cut: a subscription is a topic, not a text. */
const MAX_WORDS = 200;

/** In a group, only its admins (or ADMIN_IDS) change what the group is sent; in a private chat, anyone. */
async function mayChange(core: BotCore, m: Message): Promise<boolean> {
  if (m.chat.type === 'private' || core.isAdmin(m.from?.id)) return true;
  // An anonymous admin writes as the group itself.
  if ('sender_chat' in m && m.sender_chat?.id === m.chat.id) return true;
  if (m.from === undefined) return false;
  const member = await core.telegram.getChatMember(m.chat.id, m.from.id);
  return member.status === 'creator' || member.status === 'administrator';
}

/** /subscribe, /subscriptions and /unsubscribe (issue 18): what new articles this chat is sent. */
export const SUBSCRIPTION_COMMANDS = {
  subscribe: {
    run({ core, m, args }) {
      const say = core.sayTo(m);
      const words = truncate(args.replace(/\s+/g, ' ').trim(), MAX_WORDS);
      const state = core.deps.state;
      if (words === '' || !state) return void core.reply(m, say.subscribeUsage);
      withStore(core, m, async () => {
        if (!(await mayChange(core, m))) return escapeHtml(say.adminsOnly);
        if ((await state.subscriptions(m.chat.id)).length >= MAX_SUBSCRIPTIONS) return escapeHtml(say.tooManySubscriptions(MAX_SUBSCRIPTIONS));
        const added = await state.addSubscription(m.chat.id, words, new Date());
        if (added) await core.news?.subscribed();
        return escapeHtml(added ? say.subscribed(words) : say.alreadySubscribed(words));
      });
    },
  },
  subscriptions: {
    run({ core, m }) {
      const say = core.sayTo(m);
      const state = core.deps.state;
      if (!state) return void core.reply(m, escapeHtml(say.noSubscriptions));
      withStore(core, m, async () => {
        const list = await state.subscriptions(m.chat.id);
        if (list.length === 0) return escapeHtml(say.noSubscriptions);
        return `${escapeHtml(say.subscriptionsHeading)}\n${list.map((s, i) => `${i + 1}. ${escapeHtml(s.words)}`).join('\n')}`;
      });
    },
  },
  unsubscribe: {
    run({ core, m, args }) {
      const say = core.sayTo(m);
      const state = core.deps.state;
      const which = args.trim().toLowerCase();
      if (!state) return void core.reply(m, escapeHtml(say.unsubscribed(0)));
      withStore(core, m, async () => {
        if (!(await mayChange(core, m))) return escapeHtml(say.adminsOnly);
        const list = await state.subscriptions(m.chat.id);
        if (which === 'all') return escapeHtml(say.unsubscribed(await state.unsubscribe(m.chat.id)));
        // Without a number, the only subscription there is.
        const n = which === '' && list.length === 1 ? 1 : /^\d+$/.test(which) ? Number(which) : NaN;
        const target = list[n - 1];
        if (!target) return escapeHtml(list.length === 0 ? say.noSubscriptions : say.unsubscribeUsage);
        return escapeHtml(say.unsubscribed(await state.unsubscribe(m.chat.id, target.id)));
      });
    },
  },
} satisfies Record<string, Command>;
