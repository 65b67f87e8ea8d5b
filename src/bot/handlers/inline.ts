import type { Context } from 'telegraf';
import type { InlineQueryResultArticle } from 'telegraf/types';
import { phrasesFor, userLanguage } from '../../replies/phrases/index.js';
import { escapeHtml, latestArticles } from '../../replies/text.js';
import { SearchUnavailable } from '../../search/unavailable.js';
import type { BotCore } from '../core.js';
import { renderAnswer, renderInlineArticle, renderInlineClosest, renderInlinePassage, type InlineResult } from '../format.js';

const INLINE_RESULTS = 5;

/** "@bot question" typed in any chat: the best passages (or the newest articles) to pick and post. */
export async function handleInline(core: BotCore, ctx: Context): Promise<void> {
  const q = ctx.inlineQuery;
  if (!q) return;
  const { config, deps, log } = core;
  const text = q.query.trim();
  // Shared results are cached by Telegram for everyone; a refusal (over budget) is for this user only, and not cached.
  const send = (results: InlineQueryResultArticle[], cache = { cache_time: 60, is_personal: false }) =>
    core.telegram.answerInlineQuery(q.id, results, cache).catch((err: unknown) => log.debug({ error: core.safe(err) }, 'answerInlineQuery failed'));
  if (text === '' || text.length > config.maxQuestionLength) return void send([]);
  if (!(await core.inlineLimiter.hit(String(q.from.id)))) return void send([], { cache_time: 0, is_personal: true });
  const readerLanguage = userLanguage(q.from.language_code);
  let answer;
  try {
    answer = await deps.ask(text, { limit: INLINE_RESULTS, readerLanguage });
  } catch (err) {
    if (!(err instanceof SearchUnavailable)) throw err;
    // The articles' database is down for a moment: one result saying so, for this user and not cached, so the next keystroke asks again.
    core.counters.errors!++;
    log.warn({ error: core.safe(err.cause ?? err) }, 'the articles database did not answer an inline query');
    const say = phrasesFor(readerLanguage).unavailable;
    return void send([result(0, { title: say, description: '', html: escapeHtml(say) })], { cache_time: 0, is_personal: true });
  }
  // "@bot what's new?": the newest articles, each with its link.
  if (answer.reason === 'latest') {
    return void send(latestArticles(deps.articles(), INLINE_RESULTS).map((a, i) => result(i, renderInlineArticle(a, answer.language))));
  }
  // Nothing from the year or edition asked: the note and the closest article, to post if wanted.
  if (answer.closest) return void send([result(0, renderInlineClosest(answer, answer.closest))]);
  void send(
    answer.passages
      .slice(0, INLINE_RESULTS)
      .map((p, i) => result(i, { ...renderInlinePassage(answer, i), keyboard: renderAnswer({ ...answer, passages: [p] }).keyboard })),
  );
}

function result(i: number, r: InlineResult): InlineQueryResultArticle {
  return {
    type: 'article',
    id: String(i),
    title: r.title,
    description: r.description,
    input_message_content: { message_text: r.html, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
    ...(r.keyboard ? { reply_markup: r.keyboard } : {}),
  };
}
