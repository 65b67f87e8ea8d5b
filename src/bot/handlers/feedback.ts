import type { CallbackQuery } from 'telegraf/types';
import type { Phrases } from '../../replies/phrases/index.js';
import { userLanguage } from '../../replies/phrases/index.js';
import type { BotIdentity } from '../addressed.js';
import type { BotCore } from '../core.js';
import { VOTE_UP } from '../format.js';
import { repliedQuestion } from '../replied.js';

type AnswerMessage = NonNullable<CallbackQuery['message']>;

/**
 * A 👍/👎 press: recorded once per reader and answer (under keyed hashes), acknowledged in the
 * reader's language. A first 👎 also keeps the question it answered, for /unanswered.
 */
export async function handleVote(
  core: BotCore,
  q: CallbackQuery.DataQuery,
  message: AnswerMessage,
  me: BotIdentity,
  say: Phrases,
  ack: (text?: string) => unknown,
): Promise<void> {
  const { kept } = core;
  if (!kept) return void ack();
  const vote = q.data === VOTE_UP ? 'up' : 'down';
  let recorded: boolean;
  try {
    recorded = await kept.vote(q.from.id, message.chat.id, message.message_id, vote);
  } catch (err) {
    core.log.error({ error: core.safe(err) }, 'could not record a vote');
    return void ack(say.failed);
  }
  void ack(recorded ? say.feedbackThanks : say.feedbackAgain);
  if (!recorded || vote === 'up') return;
  const cached = await core.recall(message.chat.id, message.message_id);
  const replied = repliedQuestion(message, me);
  const question = cached?.question ?? replied?.question;
  if (question === undefined) return;
  const language = cached?.language ?? replied?.language ?? userLanguage(q.from.language_code);
  core.track(kept.question(question, language, 'disliked', { userId: q.from.id, chatId: message.chat.id }));
}
