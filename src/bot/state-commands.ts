import type { Message } from 'telegraf/types';
import { escapeHtml, truncate } from '../replies/text.js';
import { groupQuestions } from '../search/similar.js';
import type { StoredQuestion } from '../state/types.js';
import type { Command } from './commands.js';
import type { BotCore } from './core.js';
import { withStore } from './with-store.js';
import { MAX_MESSAGE_LENGTH } from './format.js';

/** /unanswered without a number looks this many days back. */
const UNANSWERED_DAYS = 7;
/** Groups listed by /unanswered. */
const UNANSWERED_TOP = 20;

const NO_STORE = 'Nothing is stored in this setup.';

/** The commands about what the bot keeps (issue 18): /privacy and /forget for everyone; the rest for ADMIN_IDS. */
export const STATE_COMMANDS = {
  privacy: {
    run({ core, m, me }) {
      const days = core.config.questionRetentionDays;
      const custom = core.customText('privacy', m, me.username, { days });
      void core.reply(m, custom ?? escapeHtml(core.sayTo(m).privacy(days, core.config.storeAskerIds)));
    },
  },
  forget: {
    run({ core, m }) {
      const { kept } = core;
      const userId = m.from?.id;
      if (!kept || userId === undefined) return void core.reply(m, escapeHtml(core.sayTo(m).forgotten(0, 0, 0)));
      withStore(core, m, async () => {
        const gone = await kept.forget(userId);
        // A private chat is the reader's own: its subscriptions go too (a group's belong to the group).
        const subscriptions = m.chat.type === 'private' ? await kept.state.dropChat(m.chat.id) : 0;
        return escapeHtml(core.sayTo(m).forgotten(gone.feedback, gone.questions, subscriptions));
      });
    },
  },
  unanswered: {
    admin: true,
    run({ core, m, args }) {
      const { kept } = core;
      if (!kept) return void core.reply(m, NO_STORE);
      const days = args === '' ? UNANSWERED_DAYS : Number(args);
      if (!Number.isInteger(days) || days <= 0 || days > 36_500) return void core.reply(m, 'Usage: /unanswered [days], e.g. /unanswered 30');
      withStore(core, m, async () => {
        // Writes this process started before the command (a decline just sent) are listed too.
        await Promise.all([...core.tasks]);
        return renderUnanswered(await kept.state.questionsSince(new Date(Date.now() - days * 86_400_000)), days);
      });
    },
  },
  block: { admin: true, run: (call) => setBlocked(call.core, call.m, call.args, true) },
  unblock: { admin: true, run: (call) => setBlocked(call.core, call.m, call.args, false) },
} satisfies Record<string, Command>;

function setBlocked(core: BotCore, m: Message, args: string, blocked: boolean): void {
  const { kept } = core;
  if (!kept) return void core.reply(m, NO_STORE);
  const command = blocked ? 'block' : 'unblock';
  const userId = Number(args);
  if (!/^\d+$/.test(args) || !Number.isSafeInteger(userId))
    return void core.reply(m, `Usage: /${command} &lt;user id&gt;, e.g. /${command} 123456789`);
  if (blocked && core.isAdmin(userId)) return void core.reply(m, `${userId} is an admin (ADMIN_IDS); admins cannot be blocked.`);
  withStore(core, m, async () => {
    const changed = await kept.state.setBlocked(userId, blocked, new Date());
    if (blocked) return changed ? `Blocked ${userId}: the bot now ignores them.` : `${userId} was already blocked.`;
    return changed ? `Unblocked ${userId}.` : `${userId} was not blocked.`;
  });
}

/** The most wanted questions, near-duplicates grouped, with counts; one message. HTML. */
export function renderUnanswered(questions: readonly StoredQuestion[], days: number): string {
  const heading = `<b>Questions readers wanted, last ${days} day${days === 1 ? '' : 's'}</b>`;
  if (questions.length === 0) return `${heading}\nNone: every question got an answer, and no answer got 👎.`;
  const groups = groupQuestions(questions);
  const lines = groups.slice(0, UNANSWERED_TOP).map((g, i) => {
    const declined = g.questions.filter((q) => q.reason === 'declined').length;
    const disliked = g.questions.length - declined;
    const why = [declined > 0 ? `${declined} declined` : '', disliked > 0 ? `${disliked} 👎` : ''].filter(Boolean).join(', ');
    return `${i + 1}. ×${g.questions.length} ${escapeHtml(truncate(g.text, 150))} <i>(${why})</i>`;
  });
  const more = groups.length > UNANSWERED_TOP ? `\n… and ${groups.length - UNANSWERED_TOP} more` : '';
  const summary = `${questions.length} question${questions.length === 1 ? '' : 's'} in ${groups.length} group${groups.length === 1 ? '' : 's'}`;
  let text = `${heading}\n${summary}\n${lines.join('\n')}${more}`;
  while (text.length > MAX_MESSAGE_LENGTH) text = text.slice(0, text.lastIndexOf('\n'));
  return text;
}
