import type { Message } from 'telegraf/types';
import { escapeHtml } from '../../replies/text.js';
import type { Answer } from '../../search/types.js';
import { SearchUnavailable } from '../../search/unavailable.js';
import type { BotCore } from '../core.js';
import { renderAnswer } from '../format.js';

/**
 * Answers a question from a message (plain text, a mention, a reply, or /ask), with the pager buttons.
 * An answer at hand (the embedded index) is queued at once, so a chat's replies keep their order; one
 * from the database is queued when it arrives.
 */
export function answerQuestion(core: BotCore, m: Message, question: string): void | Promise<void> {
  const { config, counters, deps } = core;
  if (question.length > config.maxQuestionLength) {
    counters.tooLong!++;
    void core.reply(m, escapeHtml(core.sayTo(m).tooLong(question.length, config.maxQuestionLength)));
    return;
  }
  counters.questions!++;
  const answer = deps.ask(question, { readerLanguage: core.readerOf(m) });
  if (!(answer instanceof Promise)) return replyWith(core, m, question, answer);
  return answer.then(
    (a) => replyWith(core, m, question, a),
    (err: unknown) => {
      if (!(err instanceof SearchUnavailable)) throw err;
      // The articles' database is down for a moment: say so, and the next question tries it again.
      counters.errors!++;
      core.log.warn({ error: core.safe(err.cause ?? err) }, 'the articles database did not answer');
      void core.reply(m, escapeHtml(core.sayTo(m).unavailable));
    },
  );
}

function replyWith(core: BotCore, m: Message, question: string, answer: Answer): void {
  const { counters, deps, kept } = core;
  if (answer.passages.length > 0) counters.answered!++;
  else counters.notFound!++;
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
