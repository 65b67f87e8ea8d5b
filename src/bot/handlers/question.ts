import type { Message } from 'telegraf/types';
import { escapeHtml } from '../../replies/text.js';
import type { BotCore } from '../core.js';
import { renderAnswer } from '../format.js';

/** Answers a question from a message (plain text, a mention, a reply, or /ask), with the pager buttons. */
export function answerQuestion(core: BotCore, m: Message, question: string): void {
  const { config, counters, deps } = core;
  if (question.length > config.maxQuestionLength) {
    counters.tooLong!++;
    void core.reply(m, escapeHtml(core.sayTo(m).tooLong(question.length, config.maxQuestionLength)));
    return;
  }
  counters.questions!++;
  const answer = deps.ask(question, { readerLanguage: core.readerOf(m) });
  if (answer.passages.length > 0) counters.answered!++;
  else counters.notFound!++;
  const { kept } = core;
  // What readers wanted and did not get, for /unanswered (small talk and empty messages are not questions).
  if (kept && answer.reason === 'not-found')
    core.track(kept.question(question, answer.language, 'declined', { userId: m.from?.id, chatId: m.chat.id }));
  const rendered = renderAnswer(answer, 0, { topics: core.suggestions(), articles: deps.articles(), feedback: kept !== undefined });
  // Kept for the pager, and with votes on also for a 👎, which stores the question it answered.
  const keep = kept ? 0 : 1;
  void core.reply(m, rendered.html, rendered.keyboard).then((sent) => {
    if (sent && answer.passages.length > keep) core.remember(m.chat.id, sent.message_id, answer);
  });
}
