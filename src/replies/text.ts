import type { Article } from '../articles/types.js';
import type { Language } from '../search/language.js';
import { saysThanks } from '../search/smalltalk.js';
import type { Answer } from '../search/types.js';
import { hasInvisible, removeInvisible } from '../text/invisible.js';
import { phrasesFor } from './phrases/index.js';

/**
 * The pieces every reply is made of, whatever shows it (Telegram HTML in bot/format.ts, plain text in
 * plain.ts): safe text, titles cut to size, links worth showing, dates, the newest articles and the
 * sentence for "nothing found". Pure functions.
 */

/** Links longer than this are shown as plain text (Telegram rejects very long URLs in buttons). */
const MAX_URL = 2048;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * Makes arbitrary text safe to send and to show: `replaceUnsafe`, and no invisible formatting
 * characters (bidi overrides, zero-width characters: see removeInvisible), which could make a reply
 * show something other than what it says.
 */
export function sanitize(text: string): string {
  return removeInvisible(replaceUnsafe(text));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * Lone surrogates become U+FFFD and control characters (other than newline and tab) spaces. Both
 * keep the length, so highlight offsets stay valid.
 */
export function replaceUnsafe(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, ' ');
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair, adding "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end) + '…';
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * A URL we can link to: http(s), parseable, not absurdly long. One holding invisible characters is
 * given percent-encoded (where they show), as a link's address is shown too before it is opened.
 */
export function linkableUrl(url: string | null | undefined): string | undefined {
  if (!url || escapeHtml(url).length > MAX_URL) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return hasInvisible(url) ? u.href : url;
  } catch {
    return undefined;
  }
}

/** "10 Sep 2018" for an ISO date; the raw value when it does not parse. */
export function formatDate(published: string | null): string | undefined {
  if (!published) return undefined;
  const d = new Date(published);
  if (Number.isNaN(d.getTime())) return truncate(published, 40);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** The article's source and date, those it has, ready to show. */
export function sourceAndDate(a: Article): string[] {
  return [sourceName(a), formatDate(a.published)].filter((x): x is string => x !== undefined).map(sanitize);
}

function sourceName(article: Article): string | undefined {
  if (article.source) return article.source;
  const url = linkableUrl(article.url);
  return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
}

export interface RenderOptions {
  /** A few article titles to suggest when nothing was found. */
  topics?: readonly string[];
  /** The indexed articles: a request for the news in general ("what's new?") gets the newest of them. */
  articles?: readonly Article[];
}

/** What to say when the answer has no passage: thanks, hello, nothing found (and what to ask instead). */
export function noAnswerText(answer: Answer, topics: readonly string[] = []): string {
  const n = answer.articleCount;
  const say = phrasesFor(answer.language);
  if (answer.reason === 'small-talk') return saysThanks(answer.question) ? say.thanks(n) : say.hello(n);
  // Without the article list to show (an inline query, say), point to the command that has it.
  if (answer.reason === 'latest') return say.latestPointer;
  if (answer.reason === 'empty') return say.empty(n);
  if (n === 0) return say.noArticles;
  const hint =
    topics.length > 0
      ? say.askAbout(
          topics
            .slice(0, 3)
            .map((t) => `“${truncate(t, 80)}”`)
            .join(', '),
        )
      : say.askAboutAnything;
  return say.notFound(n, hint);
}

/** Time of publication in ms, or undefined when missing or unparseable. */
function publishedTime(a: Article): number | undefined {
  if (!a.published) return undefined;
  const t = new Date(a.published).getTime();
  return Number.isNaN(t) ? undefined : t;
}

/** The `count` newest articles by publication date, newest first. */
export function latestArticles(articles: readonly Article[], count: number): Article[] {
  return articles
    .map((a) => ({ a, t: publishedTime(a) }))
    .filter((x): x is { a: Article; t: number } => x.t !== undefined)
    .sort((x, y) => y.t - x.t)
    .slice(0, count)
    .map((x) => x.a);
}

/** Why there is no newest-articles list: nothing indexed, or no article has a date. */
export function noLatestText(articles: readonly Article[], language: Language | undefined): string {
  const say = phrasesFor(language);
  return articles.length === 0 ? say.nothingIndexed : say.noDates;
}
