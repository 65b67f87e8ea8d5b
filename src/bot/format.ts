import type { Article } from '../articles/types.js';
import type { Language } from '../search/language.js';
import type { Answer, Passage } from '../search/types.js';
import { saysThanks } from '../search/smalltalk.js';
import { hasInvisible, removeInvisible } from '../text/invisible.js';
import { helpText, phrasesFor, welcomeText } from './phrases/index.js';

/**
 * Replies as data: Telegram HTML (plus an inline keyboard) for the bot, plain text for the console
 * chat. Pure functions, no Telegram calls, so every surface shows the same answer.
 */

export type InlineButton = { text: string; callback_data: string } | { text: string; url: string };
export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}
export interface Rendered {
  html: string;
  keyboard: InlineKeyboard | undefined;
}

/** Telegram's limit for a message's text. */
export const MAX_MESSAGE_LENGTH = 4096;
/** Longest title shown; longer ones are cut with "…". */
const MAX_TITLE = 300;
/** Links longer than this are shown as plain text (Telegram rejects very long URLs in buttons). */
const MAX_URL = 2048;

/** Callback data of the pager buttons: `ans:<page>` (answer), `src:<page>` (sources). */
export const ANSWER_PAGE_PREFIX = 'ans:';
export const SOURCES_PAGE_PREFIX = 'src:';

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

/**
 * Lone surrogates become U+FFFD and control characters (other than newline and tab) spaces. Both
 * keep the length, so highlight offsets stay valid.
 */
function replaceUnsafe(text: string): string {
  return text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ');
}

/** Cuts `text` to at most `max` UTF-16 units without splitting a surrogate pair, adding "…". */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return text.slice(0, end) + '…';
}

/** Escaped HTML of `text`, cut (with "…") so the result is at most `max` characters. */
export function escapeTruncated(text: string, max: number): string {
  const full = escapeHtml(text);
  if (full.length <= max) return full;
  let out = '';
  for (const ch of text) {
    const piece = escapeHtml(ch);
    if (out.length + piece.length > max - 1) break;
    out += piece;
  }
  return out + '…';
}

function isHighSurrogate(code: number): boolean {
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
function sourceAndDate(a: Article): string[] {
  return [sourceName(a), formatDate(a.published)].filter((x): x is string => x !== undefined).map(sanitize);
}

function sourceName(article: Article): string | undefined {
  if (article.source) return article.source;
  const url = linkableUrl(article.url);
  return url ? new URL(url).hostname.replace(/^www\./, '') : undefined;
}

/** Moves `i` back off the second half of a surrogate pair, so a cut never splits a character. */
function charBoundary(text: string, i: number): number {
  return i > 0 && i < text.length && isHighSurrogate(text.charCodeAt(i - 1)) ? i - 1 : i;
}

/** Sorted, merged, clamped [start, end) spans on character boundaries. */
function normalizeSpans(text: string, spans: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const length = text.length;
  const clean = spans
    .map(([s, e]) => [Math.max(0, Math.floor(s)), Math.min(length, Math.floor(e))] as [number, number])
    .filter(([s, e]) => Number.isFinite(s) && Number.isFinite(e) && e > s)
    .map(([s, e]) => [charBoundary(text, s), charBoundary(text, e) === e ? e : e + 1] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of clean) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/**
 * HTML of text[0, cut) with the spans in bold, plus "…" when cut short. Tags always balanced.
 * Invisible characters go piece by piece, so the spans' offsets into `text` stay valid.
 */
function boldPrefix(text: string, spans: Array<[number, number]>, cut: number): string {
  const shown = (from: number, to: number) => escapeHtml(removeInvisible(text.slice(from, to)));
  let out = '';
  let pos = 0;
  for (const [s, e] of spans) {
    if (s >= cut) break;
    const end = Math.min(e, cut);
    out += shown(pos, s) + '<b>' + shown(s, end) + '</b>';
    pos = end;
  }
  out += shown(pos, cut);
  return cut < text.length ? out.trimEnd() + '…' : out;
}

/** The passage as HTML within `budget` characters, cut at a word boundary when it must be cut. */
function passageHtml(passage: Passage, budget: number): string {
  const text = replaceUnsafe(passage.text);
  const spans = normalizeSpans(text, passage.highlights);
  if (boldPrefix(text, spans, text.length).length <= budget) return boldPrefix(text, spans, text.length);
  // Rendered length grows with the cut point, so binary-search the longest prefix that fits.
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (boldPrefix(text, spans, mid).length <= budget) lo = mid;
    else hi = mid - 1;
  }
  let cut = charBoundary(text, lo);
  const space = text.lastIndexOf(' ', cut);
  if (space > cut - 80 && space > 0) cut = space;
  return boldPrefix(text, spans, cut);
}

/** 📰 the linked title, then source · date (· page/total when paging through passages). */
function articleHead(a: Article, page = 0, total = 1): string {
  const title = escapeTruncated(sanitize(a.title || a.file), MAX_TITLE);
  const url = linkableUrl(a.url);
  const head = url ? `📰 <a href="${escapeHtml(url)}">${title}</a>` : `📰 <b>${title}</b> (${escapeTruncated(sanitize(a.file), MAX_TITLE)})`;
  const details = [...sourceAndDate(a), ...(total > 1 ? [`${page + 1}/${total}`] : [])].map((x) => escapeTruncated(sanitize(x), 100));
  return details.length > 0 ? `${head}\n<i>${details.join(' · ')}</i>` : head;
}

export interface RenderOptions {
  /** A few article titles to suggest when nothing was found. */
  topics?: readonly string[];
  /** The indexed articles: a request for the news in general ("what's new?") gets the newest of them. */
  articles?: readonly Article[];
}

function noAnswerText(answer: Answer, topics: readonly string[] = []): string {
  const n = answer.articleCount;
  const say = phrasesFor(answer.language);
  if (answer.reason === 'small-talk') return saysThanks(answer.question) ? say.thanks(n) : say.hello(n);
  // Without the article list to show (an inline query, say), point to the command that has it.
  if (answer.reason === 'latest') return say.latestPointer;
  if (answer.reason === 'empty') return say.empty(n);
  if (n === 0) return say.noArticles;
  const hint = topics.length > 0 ? say.askAbout(topics.slice(0, 3).map((t) => `“${truncate(t, 80)}”`).join(', ')) : say.askAboutAnything;
  return say.notFound(n, hint);
}

/**
 * The bot's reply to a question: page `page` of the answer's passages (bold matches, title link,
 * source and date) with Prev/Next and "Open article" buttons; or the plain "found nothing" reply.
 * Always valid Telegram HTML within 4,096 characters.
 */
export function renderAnswer(answer: Answer, page = 0, options: RenderOptions = {}): Rendered {
  const total = answer.passages.length;
  if (answer.reason === 'latest' && options.articles) return { html: renderLatest(options.articles, SOURCES_PAGE_SIZE, answer.language), keyboard: undefined };
  if (total === 0) return { html: escapeHtml(truncate(sanitize(noAnswerText(answer, options.topics)), MAX_MESSAGE_LENGTH - 200)), keyboard: undefined };
  const p = Math.min(Math.max(0, Math.floor(page)), total - 1);
  const passage = answer.passages[p]!;
  const footer = articleHead(passage.article, p, total);
  const say = phrasesFor(answer.language);
  const hedge = answer.tentative ? `<i>${say.notSure}</i>\n\n` : '';
  const body = passageHtml(passage, MAX_MESSAGE_LENGTH - hedge.length - footer.length - 2);
  const nav: InlineButton[] = [];
  if (p > 0) nav.push({ text: say.previous, callback_data: `${ANSWER_PAGE_PREFIX}${p - 1}` });
  if (p < total - 1) nav.push({ text: say.next, callback_data: `${ANSWER_PAGE_PREFIX}${p + 1}` });
  const rows: InlineButton[][] = [];
  if (nav.length > 0) rows.push(nav);
  const url = linkableUrl(passage.article.url);
  if (url) rows.push([{ text: say.openArticle, url }]);
  return { html: `${hedge}${body}\n\n${footer}`, keyboard: rows.length > 0 ? { inline_keyboard: rows } : undefined };
}

/** The same answer as plain text, for the console chat: the best passage and where it is from. */
export function renderAnswerPlain(answer: Answer, options: RenderOptions = {}): string {
  const passage = answer.passages[0];
  if (answer.reason === 'latest' && options.articles) return latestPlain(options.articles, 5, answer.language);
  if (!passage) return sanitize(noAnswerText(answer, options.topics));
  const a = passage.article;
  const details = sourceAndDate(a);
  const lines = [...(answer.tentative ? [phrasesFor(answer.language).notSure, ''] : []), sanitize(passage.text), '', `— ${sanitize(a.title || a.file)}`];
  if (details.length > 0) lines.push(`  ${details.join(' · ')}`);
  lines.push(`  ${plainAddress(a)}`);
  if (answer.passages.length > 1) lines.push(`  (${answer.passages.length - 1} more passage${answer.passages.length > 2 ? 's' : ''})`);
  return lines.join('\n');
}

/** One passage for an inline-mode result: HTML message text and a short plain description. */
export function renderInlinePassage(answer: Answer, index: number): { title: string; description: string; html: string } {
  const passage = answer.passages[index]!;
  // Without the "not sure" line: whoever picks an inline result has read it and chosen to post it.
  const single: Answer = { ...answer, passages: [passage], tentative: undefined };
  return {
    title: truncate(sanitize(passage.article.title || passage.article.file), 200),
    description: truncate(sanitize(passage.text).replace(/\s+/g, ' '), 200),
    html: renderAnswer(single).html,
  };
}

/** One of the newest articles for an inline-mode result ("@bot what's new?"), with its link button. */
export function renderInlineArticle(a: Article, language?: Language): { title: string; description: string; html: string; keyboard: InlineKeyboard | undefined } {
  const url = linkableUrl(a.url);
  return {
    title: truncate(sanitize(a.title || a.file), 200),
    description: sourceAndDate(a).join(' · '),
    html: articleHead(a),
    keyboard: url ? { inline_keyboard: [[{ text: phrasesFor(language).openArticle, url }]] } : undefined,
  };
}

/** One list line; without the link it is at most ~340 characters, so ten always fit a message. */
function articleLine(n: number, a: Article, withLink: boolean): string {
  const title = escapeTruncated(sanitize(a.title || a.file), 200);
  const url = withLink ? linkableUrl(a.url) : undefined;
  const head = url ? `<a href="${escapeHtml(url)}">${title}</a>` : title;
  const details = sourceAndDate(a).map((x) => escapeTruncated(sanitize(x), 50));
  return `${n}. ${head}${details.length > 0 ? ` — <i>${details.join(', ')}</i>` : ''}`;
}

/** A numbered list of articles that fits in one message: links are dropped where they would not. */
function articleList(heading: string, items: ReadonlyArray<{ n: number; article: Article }>): string {
  const plain = items.map(({ n, article }) => articleLine(n, article, false));
  let reserve = plain.reduce((sum, line) => sum + line.length + 1, 0);
  let html = heading;
  items.forEach(({ n, article }, i) => {
    reserve -= plain[i]!.length + 1;
    const linked = articleLine(n, article, true);
    html += `\n${html.length + linked.length + 1 + reserve <= MAX_MESSAGE_LENGTH ? linked : plain[i]!}`;
  });
  return html;
}

export const SOURCES_PAGE_SIZE = 10;

/** Page `page` of the indexed articles (in the given order), with ◀/▶ buttons, in the reader's `language`. */
export function renderSources(articles: readonly Article[], page = 0, language?: Language): Rendered {
  const say = phrasesFor(language);
  if (articles.length === 0) return { html: escapeHtml(say.nothingIndexed), keyboard: undefined };
  const pages = Math.ceil(articles.length / SOURCES_PAGE_SIZE);
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const start = p * SOURCES_PAGE_SIZE;
  const items = articles.slice(start, start + SOURCES_PAGE_SIZE).map((article, i) => ({ n: start + i + 1, article }));
  const heading = `<b>${escapeHtml(say.sourcesHeading(articles.length))}</b>${pages > 1 ? ` (${escapeHtml(say.pageOf(p + 1, pages))})` : ''}`;
  const nav: InlineButton[] = [];
  if (p > 0) nav.push({ text: say.previous, callback_data: `${SOURCES_PAGE_PREFIX}${p - 1}` });
  if (p < pages - 1) nav.push({ text: say.next, callback_data: `${SOURCES_PAGE_PREFIX}${p + 1}` });
  return { html: articleList(heading, items), keyboard: nav.length > 0 ? { inline_keyboard: [nav] } : undefined };
}

/** Time of publication in ms, or undefined when missing or unparseable. */
function publishedTime(a: Article): number | undefined {
  if (!a.published) return undefined;
  const t = new Date(a.published).getTime();
  return Number.isNaN(t) ? undefined : t;
}

/** The `count` newest articles by publication date, newest first. */
export function latestArticles(articles: readonly Article[], count = SOURCES_PAGE_SIZE): Article[] {
  return articles
    .map((a) => ({ a, t: publishedTime(a) }))
    .filter((x): x is { a: Article; t: number } => x.t !== undefined)
    .sort((x, y) => y.t - x.t)
    .slice(0, count)
    .map((x) => x.a);
}

/** The newest articles, linked; headed in `language` when they answer a question ("что нового?"). */
export function renderLatest(articles: readonly Article[], count = SOURCES_PAGE_SIZE, language?: Language): string {
  const latest = latestArticles(articles, count);
  if (latest.length === 0) return escapeHtml(noLatestText(articles, language));
  return articleList(`<b>${phrasesFor(language).latestHeading}</b>`, latest.map((article, i) => ({ n: i + 1, article })));
}

/** One numbered article as plain text: title, source and date, then its link (or file). */
function plainArticle(a: Article, n: number): string {
  const details = sourceAndDate(a).join(' · ');
  return `${n}. ${sanitize(a.title || a.file)}${details ? ` (${details})` : ''}\n   ${plainAddress(a)}`;
}

/** Where an article is, as plain text: its link, or its file. */
function plainAddress(a: Article): string {
  return linkableUrl(a.url) ?? sanitize(a.url ?? a.file);
}

/** The newest articles as plain text, for the console chat and `ask`. */
function latestPlain(articles: readonly Article[], count: number, language: Language | undefined): string {
  const latest = latestArticles(articles, count);
  if (latest.length === 0) return noLatestText(articles, language);
  return [`${phrasesFor(language).latestHeading}:`, ...latest.map((a, i) => plainArticle(a, i + 1))].join('\n');
}

/** /sources as plain text for the console chat: the first `count` articles, and how many more. */
export function renderSourcesPlain(articles: readonly Article[], count = 20): string {
  const say = phrasesFor(undefined);
  if (articles.length === 0) return say.nothingIndexed;
  const more = articles.length - count;
  return [`${say.sourcesHeading(articles.length)}:`, ...articles.slice(0, count).map((a, i) => plainArticle(a, i + 1)), ...(more > 0 ? [`… and ${more} more`] : [])].join('\n');
}

function noLatestText(articles: readonly Article[], language: Language | undefined): string {
  const say = phrasesFor(language);
  return articles.length === 0 ? say.nothingIndexed : say.noDates;
}

/** /start, in the reader's `language` (their Telegram app's: see `userLanguage`). */
export function renderWelcome(articleCount: number, botUsername: string | undefined, language?: Language): string {
  return welcomeText(phrasesFor(language), articleCount, mentionOf(botUsername));
}

/** /help, in the reader's `language`. */
export function renderHelp(botUsername: string | undefined, language?: Language): string {
  return helpText(phrasesFor(language), mentionOf(botUsername));
}

/** The bot's "@name", escaped, when known. */
function mentionOf(botUsername: string | undefined): string | undefined {
  return botUsername && `@${escapeHtml(botUsername)}`;
}
