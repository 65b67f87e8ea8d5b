import type { Context } from 'telegraf';
import type { Message, Update } from 'telegraf/types';
import { escapeHtml } from '../../replies/text.js';
import { addressed, type BotIdentity } from '../addressed.js';
import { runCommand } from '../commands.js';
import type { BotCore } from '../core.js';
import { answerQuestion } from './question.js';

/** A message: ignored unless addressed to the bot; then within the limits, a command or a question. */
export async function handleMessage(core: BotCore, ctx: Context): Promise<void> {
  const update = ctx.update as Update;
  const me: BotIdentity = { id: ctx.botInfo.id, username: ctx.botInfo.username };
  const decision = addressed(update, me);
  if (decision.kind === 'ignore') {
    core.log.trace({ reason: decision.reason }, 'update ignored');
    return;
  }
  const m = (update as Update.MessageUpdate).message;
  if (!(await allowed(core, m))) return;
  if (decision.kind === 'non-text') return void core.reply(m, escapeHtml(core.sayTo(m).textOnly));
  if (decision.kind === 'command') return runCommand(core, m, me, decision.command, decision.args);
  return answerQuestion(core, m, decision.text);
}

/**
 * Applies the incoming limits; true when the message may be answered. Over them, the chat gets
 * its one notice of the window (which may be dropped first if the chat's send budget is tight);
 * every later message gets nothing and is counted as over budget.
 */
async function allowed(core: BotCore, m: Message): Promise<boolean> {
  const { counters, limiter } = core;
  if (await limiter.allow(m.from?.id, m.chat.id)) return true;
  counters.rateLimited!++;
  if (await limiter.noticeDue(m.chat.id))
    void core.reply(m, escapeHtml(core.sayTo(m).slowDown(core.config.rateLimit.windowSeconds)), undefined, { droppable: true });
  else counters.droppedOverBudget!++;
  return false;
}
