import type { Context } from 'telegraf';
import type { CallbackQuery } from 'telegraf/types';
import { phrasesFor, userLanguage } from '../../replies/phrases/index.js';
import type { Answer } from '../../search/types.js';
import { SearchUnavailable } from '../../search/unavailable.js';
import type { BotIdentity } from '../addressed.js';
import type { BotCore } from '../core.js';
import { ANSWER_PAGE_PREFIX, SOURCES_PAGE_PREFIX, VOTE_DOWN, VOTE_UP, renderAnswer, renderSources } from '../format.js';
import { repliedQuestion } from '../replied.js';
import { handleVote } from './feedback.js';

/** A pressed button: Next/Prev through an answer's passages or the /sources pages, or 👍/👎, on the bot's own messages. */
export async function handleCallback(core: BotCore, ctx: Context): Promise<void> {
  const q = ctx.callbackQuery;
  if (!q || !('data' in q)) return;
  const { counters, deps, log } = core;
  const message = q.message;
  const ack = (text?: string) =>
    core.telegram.answerCbQuery(q.id, text).catch((err: unknown) => log.debug({ error: core.safe(err) }, 'answerCallbackQuery failed'));
  const reader = userLanguage(q.from.language_code);
  const say = phrasesFor(reader);
  if (!message) return void ack(say.tooOld);
  // Buttons act only on the bot's own messages: a crafted press on anyone else's does nothing.
  if (!('from' in message) || message.from?.id !== ctx.botInfo.id) return void ack();
  // Over the limits, the presser alone is told (a callback answer costs the chat nothing).
  if (!(await core.limiter.allow(q.from.id, message.chat.id))) {
    counters.rateLimited!++;
    return void ack(say.slowDownShort);
  }
  const me: BotIdentity = { id: ctx.botInfo.id, username: ctx.botInfo.username };
  const page = (prefix: string) => Number.parseInt(q.data.slice(prefix.length), 10) || 0;
  if (q.data.startsWith(SOURCES_PAGE_PREFIX)) {
    void ack();
    return void core.edit(message.chat.id, message.message_id, renderSources(deps.articles(), page(SOURCES_PAGE_PREFIX), reader));
  }
  if (q.data === VOTE_UP || q.data === VOTE_DOWN) return handleVote(core, q, message, me, say, ack);
  if (q.data.startsWith(ANSWER_PAGE_PREFIX)) {
    const key = `${message.chat.id}:${message.message_id}`;
    const answer = (await core.recall(message.chat.id, message.message_id)) ?? (await recoverAnswer(core, message, me));
    if (!answer || answer.passages.length === 0) return void ack(say.expired);
    core.answers.set(key, answer);
    void ack();
    return void core.edit(message.chat.id, message.message_id, renderAnswer(answer, page(ANSWER_PAGE_PREFIX), { feedback: core.kept !== undefined }));
  }
  void ack();
}

/** Recovers the answer to the question an answer message replied to, when the answer fell out of the cache. */
async function recoverAnswer(core: BotCore, message: CallbackQuery['message'], me: BotIdentity): Promise<Answer | undefined> {
  const r = repliedQuestion(message, me);
  if (!r) return undefined;
  // The database down for a moment: the button says the answer is gone rather than failing.
  return Promise.resolve(core.deps.ask(r.question, { readerLanguage: r.language })).catch((err: unknown) => {
    if (err instanceof SearchUnavailable) return undefined;
    throw err;
  });
}
