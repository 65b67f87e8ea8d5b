import type { Message } from 'telegraf/types';
import { PUBLIC_COMMANDS, phrasesFor, type PublicCommand } from '../replies/phrases/index.js';
import { escapeHtml } from '../replies/text.js';
import type { Language } from '../search/language.js';
import type { BotIdentity } from './addressed.js';
import type { BotCore } from './core.js';
import { renderHelp, renderLatest, renderSources, renderWelcome } from './format.js';
import { answerQuestion } from './handlers/question.js';
import { STATE_COMMANDS } from './state-commands.js';
import { SUBSCRIPTION_COMMANDS } from './subscription-commands.js';

/** One command as received: who sent it, to which bot, and the text after the command. */
export interface CommandCall {
  core: BotCore;
  m: Message;
  me: BotIdentity;
  args: string;
}

export interface Command {
  /** Only for ADMIN_IDS; anyone else gets no answer at all. */
  admin?: boolean;
  run(call: CommandCall): void | Promise<void>;
}

/**
 * Every command the bot answers, by name. A public one is also listed in PUBLIC_COMMANDS (the menu's
 * order) and described in each language's phrases; the type below insists that each of those has an
 * entry here. Admin commands stay unlisted.
 */
const COMMANDS = {
  ask: {
    run: ({ core, m, args }) => (args === '' ? void core.reply(m, core.sayTo(m).askUsage) : answerQuestion(core, m, args)),
  },
  sources: {
    run({ core, m }) {
      const r = renderSources(core.deps.articles(), 0, core.readerOf(m));
      void core.reply(m, r.html, r.keyboard);
    },
  },
  latest: {
    run: ({ core, m }) => void core.reply(m, renderLatest(core.deps.articles(), undefined, core.readerOf(m))),
  },
  help: {
    run: ({ core, m, me }) => void core.reply(m, core.customText('help', m, me.username) ?? renderHelp(me.username, core.readerOf(m))),
  },
  start: {
    run: ({ core, m, me }) =>
      void core.reply(m, core.customText('welcome', m, me.username) ?? renderWelcome(core.deps.articles().length, me.username, core.readerOf(m))),
  },
  stats: {
    admin: true,
    run({ core, m }) {
      core.track(
        (async () => {
          // With replicas: the whole bot's counts, summed over the live replicas (see core.ts).
          const whole = await core.wholeBotCounters();
          const lines = {
            articles: core.deps.articles().length,
            ...core.deps.stats?.(),
            ...(whole ?? { ...core.counters, ...core.sender.stats }),
            pendingReplies: core.sender.pending(),
          };
          const text = Object.entries(lines).map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(String(v))}`);
          await core.reply(m, `<b>Stats</b>\n${text.join('\n')}`);
        })(),
      );
    },
  },
  ...STATE_COMMANDS,
  ...SUBSCRIPTION_COMMANDS,
  reload: {
    admin: true,
    run({ core, m }) {
      const { deps, log } = core;
      if (!deps.reload) return void core.reply(m, 'Reloading is not available in this setup.');
      core.track(
        deps.reload().then(
          (summary) => core.reply(m, escapeHtml(summary)),
          (err: unknown) => {
            log.error({ error: core.safe(err) }, '/reload failed');
            return core.reply(m, `Reload failed: ${escapeHtml(core.safe(err))}`);
          },
        ),
      );
    },
  },
} satisfies Record<PublicCommand, Command> & Record<string, Command>;

/** Runs command `name` (lower case, without "/"); an unknown one gets a hint. */
export function runCommand(core: BotCore, m: Message, me: BotIdentity, name: string, args: string): void | Promise<void> {
  // Own keys only: "/constructor" is no command.
  const command: Command | undefined = Object.hasOwn(COMMANDS, name) ? (COMMANDS as Record<string, Command>)[name] : undefined;
  if (!command) return void core.reply(m, escapeHtml(core.sayTo(m).unknownCommand));
  if (command.admin && !core.isAdmin(m.from?.id)) return;
  return command.run({ core, m, me, args });
}

/** Commands shown in Telegram's menu (setMyCommands), described in `language`. Admin commands stay unlisted. */
export function botCommands(language?: Language): Array<{ command: string; description: string }> {
  const say = phrasesFor(language);
  return PUBLIC_COMMANDS.map((command) => ({ command, description: say.commands[command] }));
}
