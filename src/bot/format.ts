import type { Article } from '../articles/types.js';
import { articleLanguagesText, helpText, otherYearText, phrasesFor, welcomeText } from '../replies/phrases/index.js';
import {
  escapeHtml,
  isHighSurrogate,
  latestArticles,
  linkableUrl,
  noAnswerText,
  noLatestText,
  replaceUnsafe,
  sanitize,
  sourceAndDate,
  truncate,
  type RenderOptions,
} from '../replies/text.js';
import type { Language } from '../search/language.js';
import type { Answer, Passage } from '../search/types.js';
import { removeInvisible } from '../text/invisible.js';

/**
 * Replies as Telegram HTML plus an inline keyboard (the plain-text console replies are in
 * replies/plain.ts; both are made of replies/text.ts). Pure functions, no Telegram calls.
 */

export type InlineButton = { text: string; callback_data: string } | { text: string; url: string };
export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}
export interface Rendered {
  html: string;
  keyboard: InlineKeyboard | undefined;
}
/** An inline-mode result: the list's title and description, and the message it posts. */
export interface InlineResult {
  title: string;
  description: string;
  html: string;
  keyboard?: InlineKeyboard;
}

/** Telegram's limit for a message's text. */
export const MAX_MESSAGE_LENGTH = 4096;
/** Longest title shown; longer ones are cut with "…". */
const MAX_TITLE = 300;

/** Callback data of the pager buttons: `ans:<page>` (answer), `src:<page>` (sources). */
export const ANSWER_PAGE_PREFIX = 'ans:';
export const SOURCES_PAGE_PREFIX = 'src:';
/** Callback data of the vote buttons; the answer is the message they are on. */
export const VOTE_UP = 'fb:+';
export const VOTE_DOWN = 'fb:-';

export interface AnswerRenderOptions extends RenderOptions {
  /** 👍/👎 buttons beside Prev/Next (when the bot keeps votes). */
  feedback?: boolean;
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
export function passageHtml(passage: Passage, budget: number): string {
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
export function articleHead(a: Article, page = 0, total = 1): string {
  const title = escapeTruncated(sanitize(a.title || a.file), MAX_TITLE);
  const url = linkableUrl(a.url);
  const head = url ? `📰 <a href="${escapeHtml(url)}">${title}</a>` : `📰 <b>${title}</b> (${escapeTruncated(sanitize(a.file), MAX_TITLE)})`;
  const details = [...sourceAndDate(a), ...(total > 1 ? [`${page + 1}/${total}`] : [])].map((x) => escapeTruncated(sanitize(x), 100));
  return details.length > 0 ? `${head}\n<i>${details.join(' · ')}</i>` : head;
}

/**
 * The bot's reply to a question: page `page` of the answer's passages (bold matches, title link,
 * source and date) with Prev/Next and "Open article" buttons; or the plain "found nothing" reply.
 * Always valid Telegram HTML within 4,096 characters.
 */
export function renderAnswer(answer: Answer, page = 0, options: AnswerRenderOptions = {}): Rendered {
  const total = answer.passages.length;
  if (answer.reason === 'latest' && options.articles)
    return { html: renderLatest(options.articles, SOURCES_PAGE_SIZE, answer.language), keyboard: undefined };
  if (total === 0 && answer.closest) return renderClosest(answer, answer.closest);
  if (total === 0)
    return {
      html: escapeHtml(truncate(sanitize(noAnswerText(answer, options.topics) + articleLanguagesText(answer)), MAX_MESSAGE_LENGTH - 200)),
      keyboard: undefined,
    };
  const p = Math.min(Math.max(0, Math.floor(page)), total - 1);
  const passage = answer.passages[p]!;
  const footer = articleHead(passage.article, p, total);
  const say = phrasesFor(answer.language);
  // The year note is about the best passage only (see `Answer.mismatch`): on the first page.
  const otherYear = p === 0 && answer.mismatch ? `<i>${escapeHtml(otherYearText(answer))}</i>\n\n` : '';
  const hedge = (answer.tentative ? `<i>${say.notSure}</i>\n\n` : '') + otherYear;
  const body = passageHtml(passage, MAX_MESSAGE_LENGTH - hedge.length - footer.length - 2);
  const nav: InlineButton[] = [];
  if (p > 0) nav.push({ text: say.previous, callback_data: `${ANSWER_PAGE_PREFIX}${p - 1}` });
  if (options.feedback) nav.push({ text: '👍', callback_data: VOTE_UP }, { text: '👎', callback_data: VOTE_DOWN });
  if (p < total - 1) nav.push({ text: say.next, callback_data: `${ANSWER_PAGE_PREFIX}${p + 1}` });
  const rows: InlineButton[][] = [];
  if (nav.length > 0) rows.push(nav);
  const url = linkableUrl(passage.article.url);
  if (url) rows.push([{ text: say.openArticle, url }]);
  return { html: `${hedge}${body}\n\n${footer}`, keyboard: rows.length > 0 ? { inline_keyboard: rows } : undefined };
}

/** A decline that points to the closest article (see `Answer.closest`): the note, then the article as /latest shows one. */
function renderClosest(answer: Answer, closest: Article): Rendered {
  const { html, keyboard } = renderInlineArticle(closest, answer.language);
  return { html: `<i>${escapeHtml(otherYearText(answer))}</i>\n\n${html}`, keyboard };
}

/** One passage for an inline-mode result: HTML message text and a short plain description. */
export function renderInlinePassage(answer: Answer, index: number): InlineResult {
  const passage = answer.passages[index]!;
  // Without the "not sure" line: whoever picks an inline result has read it and chosen to post it.
  const single: Answer = { ...answer, passages: [passage], tentative: undefined, mismatch: index === 0 ? answer.mismatch : undefined };
  return {
    title: truncate(sanitize(passage.article.title || passage.article.file), 200),
    description: truncate(sanitize(passage.text).replace(/\s+/g, ' '), 200),
    html: renderAnswer(single).html,
  };
}

/** A decline pointing to the closest article (see `Answer.closest`) as an inline-mode result: the note, then the article. */
export function renderInlineClosest(answer: Answer, closest: Article): InlineResult {
  const { html, keyboard } = renderClosest(answer, closest);
  return {
    title: truncate(sanitize(otherYearText(answer)), 200),
    description: truncate(sanitize(closest.title || closest.file), 200),
    html,
    keyboard,
  };
}

/** One of the newest articles for an inline-mode result ("@bot what's new?"), with its link button. */
export function renderInlineArticle(a: Article, language?: Language): InlineResult {
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

/** The newest articles, linked; headed in `language` when they answer a question ("что нового?"). */
export function renderLatest(articles: readonly Article[], count = SOURCES_PAGE_SIZE, language?: Language): string {
  const latest = latestArticles(articles, count);
  if (latest.length === 0) return escapeHtml(noLatestText(articles, language));
  return articleList(
    `<b>${phrasesFor(language).latestHeading}</b>`,
    latest.map((article, i) => ({ n: i + 1, article })),
  );
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
