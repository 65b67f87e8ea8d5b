import type { Message } from 'telegraf/types';
import { escapeHtml } from '../replies/text.js';
import type { BotCore } from './core.js';

/**
 * Runs a command's `work` (which reads or writes the state store) in the background: its HTML is the
 * reply; a failure is logged and the sender told, never thrown into the update loop.
 */
export function withStore(core: BotCore, m: Message, work: () => Promise<string>): void {
  core.track(
    work().then(
      (html) => core.reply(m, html),
      (err: unknown) => {
        core.log.error({ error: core.safe(err), command: commandOf(m) }, 'a command could not use the state store');
        return core.reply(m, escapeHtml(core.sayTo(m).failed));
      },
    ),
  );
}

/** The command a message gave ("/subscribe"), for the log line. */
function commandOf(m: Message): string | undefined {
  return 'text' in m ? /^\/\w+/.exec(m.text)?.[0] : undefined;
}
