import type { Message } from 'telegraf/types';
import { escapeHtml } from '../../replies/text.js';
import { SearchUnavailable } from '../../search/unavailable.js';
import type { BotCore } from '../core.js';
import { renderAnswer } from '../format.js';

/** Answers a question from a message (plain text, a mention, a reply, or /ask), with the pager buttons. */
export async function answerQuestion(core: BotCore, m: Message, question: string): Promise<void> {
  const { config, counters, deps } = core;
  if (question.length > config.maxQuestionLength) {
    counters.tooLong!++;
    void core.reply(m, escapeHtml(core.sayTo(m).tooLong(question.length, config.maxQuestionLength)));
    return;
  }
  counters.questions!++;
  let answer;
  try {
    answer = await deps.ask(question, { readerLanguage: core.readerOf(m) });
  } catch (err) {
    if (!(err instanceof SearchUnavailable)) throw err;
    // The articles' database is down for a moment: say so, and the next question tries it again.
    counters.errors!++;
    core.log.warn({ error: core.safe(err.cause ?? err) }, 'the articles database did not answer');
    void core.reply(m, escapeHtml(core.sayTo(m).unavailable));
    return;
  }
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
