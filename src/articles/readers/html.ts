import { createRequire } from 'node:module';
import type * as ReadabilityModule from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { ArticleError } from '../../errors.js';
import type { ArticleMeta, RawArticle } from '../types.js';

/**
 * The DOM and Readability, loaded on the first page read rather than at start-up: linkedom alone is
 * hundreds of modules, a few tenths of a second of every start, and a folder without HTML (or a
 * start from the index cache) never needs them.
 */
const require = createRequire(import.meta.url);
let libraries: { parseHTML: typeof Linkedom.parseHTML; Readability: typeof ReadabilityModule.Readability } | undefined;
function html() {
  return (libraries ??= {
    parseHTML: (require('linkedom') as typeof Linkedom).parseHTML,
    Readability: (require('@mozilla/readability') as typeof ReadabilityModule).Readability,
  });
}

/**
 * Reader for saved web pages (`.html`, `.htm`): metadata from the page head, body paragraphs from
 * Mozilla Readability (the engine behind Firefox Reader View) run over linkedom's DOM. Page chrome
 * (navigation, share bars, ads, related-article lists) is removed before Readability sees the page,
 * because Readability alone keeps small blocks that sit inside the article element.
 */
export function readHtml(content: string, file: string): RawArticle[] {
  return [extractHtml(content, file)];
}

/**
 * One article from an HTML page. `baseUrl` (the address the page was fetched from, for feeds)
 * resolves a relative canonical link and is the last resort for `url` and `source`.
 */
export function extractHtml(content: string, file: string, options: { baseUrl?: string } = {}): RawArticle {
  const document = parseDocument(content);
  if (!document) throw new ArticleError(file, 'the page is empty');
  // Metadata first: Readability rewrites the document and drops the JSON-LD scripts.
  const meta = pageMeta(document, options.baseUrl);
  removeChrome(document);
  const h1 = normalise(document.querySelector('h1')?.textContent ?? '');
  const docTitle = normalise(document.querySelector('title')?.textContent ?? '');

  // The serializer hands back the content element itself, so it need not be parsed a second time.
  const article = new (html().Readability)<El>(document as never, { serializer: (node) => node as unknown as El }).parse();
  const paragraphs = article?.content ? htmlParagraphs(article.content) : [];
  if (paragraphs.length === 0) {
    throw new ArticleError(file, 'no article text found in the page (Readability found no main content)');
  }
  const title = meta.title ?? (normalise(article?.title ?? '') || h1 || docTitle);
  if (title) meta.title = title;
  else delete meta.title;
  return { meta, paragraphs, reader: 'html' };
}

/** Paragraphs of an HTML fragment (a feed item's content), with the same rules as a page body. */
export function fragmentParagraphs(html: string): string[] {
  const document = parseDocument(`<!doctype html><html><head></head><body>${html}</body></html>`);
  if (!document?.body) return [];
  removeChrome(document);
  return htmlParagraphs(document.body);
}

// ---------------------------------------------------------------------------------------------
// The little of the DOM this module uses (tsconfig has no DOM lib; linkedom implements these).

interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface El extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  remove(): void;
}
interface Doc {
  body: El | null;
  documentElement: El;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function normalise(text: string): string {
  return text.replace(/[\s\u00A0\u200B\u2060\uFEFF]+/g, ' ').trim();
}

/**
 * linkedom builds the tree exactly as written: it does not add the `<html>`, `<head>` and `<body>`
 * a browser would imply, and Readability needs them. Pages missing them are wrapped first.
 */
const LEADING_HEAD =
  /^(?:\s+|<head(?:\s[^>]*)?>|<title[\s>][\s\S]*?<\/title\s*>|<(?:meta|link|base)(?:\s[^>]*)?>|<style[\s>][\s\S]*?<\/style\s*>|<script[\s>][\s\S]*?<\/script\s*>|<!--[\s\S]*?-->)*/i;

function parseDocument(content: string): Doc | undefined {
  const hasHtml = /<html[\s>]/i.test(content);
  const hasBody = /<body[\s>]/i.test(content);
  let source = content;
  if (!hasHtml || !hasBody) {
    const inner = content.replace(/<!doctype[^>]*>/i, '').replace(/<\/?html(?:\s[^>]*)?>/gi, '');
    if (hasBody) {
      source = `<!doctype html><html>${inner}</html>`;
    } else {
      // Without `</head>`, the head is the run of head-only elements the page starts with.
      const end = inner.search(/<\/head\s*>/i);
      const split = end >= 0 ? end : (LEADING_HEAD.exec(inner)?.[0].length ?? 0);
      const head = inner.slice(0, split).replace(/<head(?:\s[^>]*)?>/i, '');
      const body = inner.slice(split).replace(/^\s*<\/head\s*>/i, '');
      source = `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
    }
  }
  const { document } = html().parseHTML(source) as unknown as { document: Doc };
  return document.documentElement ? document : undefined;
}

// ---------------------------------------------------------------------------------------------
// Metadata

function pageMeta(doc: Doc, baseUrl: string | undefined): ArticleMeta {
  const metaContent = (selector: string): string | undefined => normalise(doc.querySelector(selector)?.getAttribute('content') ?? '') || undefined;
  const ld = jsonLdArticles(doc);

  const meta: ArticleMeta = {};
  const title = metaContent('meta[property="og:title"]') ?? ld.map((o) => textOf(o.headline)).find(Boolean);
  if (title) meta.title = title;

  const ogUrl = absoluteUrl(metaContent('meta[property="og:url"]'), baseUrl);
  const base = ogUrl ?? baseUrl;
  const url =
    absoluteUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? undefined, base) ??
    ogUrl ??
    ld.map((o) => absoluteUrl(textOf(o.url), base)).find(Boolean) ??
    absoluteUrl(baseUrl, undefined);
  if (url) meta.url = url;

  const published = [
    metaContent('meta[property="article:published_time"]'),
    metaContent('meta[name="article:published_time"]'),
    ...ld.map((o) => textOf(o.datePublished)),
    metaContent('meta[itemprop="datePublished"]'),
    doc.querySelector('[itemprop="datePublished"][datetime]')?.getAttribute('datetime') ?? undefined,
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? undefined,
  ].find(isDate);
  if (published) meta.published = published.trim();

  const source =
    metaContent('meta[property="og:site_name"]') ??
    ld.map((o) => textOf(isRecord(o.publisher) ? o.publisher.name : undefined)).find(Boolean) ??
    hostOf(url);
  if (source) meta.source = source;
  return meta;
}

function isDate(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '' && !Number.isNaN(Date.parse(value.trim()));
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return normalise(value) || undefined;
  if (Array.isArray(value)) return textOf(value[0]);
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ARTICLE_TYPES = /^(?:\w+)?(?:Article|BlogPosting|Report|NewsArticle|ReportageNews|LiveBlogPosting)$/;

/**
 * Article-like objects from the page's JSON-LD blocks, articles first. Sites nest them in arrays
 * and in `@graph`; a block that does not parse is ignored (the rest of the page still counts).
 */
function jsonLdArticles(doc: Doc): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 5) return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
    } else if (isRecord(value)) {
      found.push(value);
      if (value['@graph'] !== undefined) visit(value['@graph'], depth + 1);
      if (isRecord(value.mainEntity)) visit(value.mainEntity, depth + 1);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''), 0);
    } catch {
      // Hand-edited JSON-LD is often invalid; the meta tags usually say the same.
    }
  }
  const isArticle = (o: Record<string, unknown>): boolean => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t));
  return [...found.filter(isArticle), ...found.filter((o) => !isArticle(o) && o.datePublished !== undefined)];
}

/** `href` resolved against `base`, when it is an http(s) link. */
export function absoluteUrl(href: string | undefined, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Page chrome

/** Elements that are never article text. */
const CHROME_SELECTOR = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'nav',
  'aside',
  'form',
  'button',
  'dialog',
  '[hidden]',
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[role="search"]',
  '[role="dialog"]',
  '[role="alert"]',
].join(',');

/** A class or id word (split at `-`, `_` and case changes) that marks chrome. */
const CHROME_WORD =
  /^(?:nav|navbar|navigation|menu|breadcrumbs?|share|shares|sharing|sharebar|sharedaddy|social|socials|related\w*|recommend\w*|promo\w*|sponsor\w*|ad|ads|adslot|adunit|advert\w*|dfp|newsletter|subscribe|subscription|signup|paywall|cookies?|consent|gdpr|popup|modal|outbrain|taboola|comments?|sidebar|widgets?|trending|popular|tags|toolbar|byline|skip)$/;
/** Chrome names that are two words run together or kept apart. */
const CHROME_PHRASE = /readmore|morestories|moreon|mostread|mostpopular|alsoread|youmay(?:also)?like|recirc/;

function isChromeName(el: El): boolean {
  const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!name.trim()) return false;
  const words = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.some((w) => CHROME_WORD.test(w)) || CHROME_PHRASE.test(words.join(''));
}

const PROTECTED_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

function removeChrome(doc: Doc): void {
  for (const el of Array.from(doc.querySelectorAll(CHROME_SELECTOR))) {
    if (!PROTECTED_TAGS.has(el.tagName.toUpperCase())) el.remove();
  }
  const style = (el: El) => (el.getAttribute('style') ?? '').replace(/\s+/g, '').toLowerCase();
  for (const el of Array.from(doc.querySelectorAll('[style]'))) {
    if (/display:none|visibility:hidden/.test(style(el)) && !PROTECTED_TAGS.has(el.tagName.toUpperCase())) el.remove();
  }
  // Page-wide paragraph text, to guard against a class name such as "main with-sidebar" taking
  // the article itself with it.
  const total = paragraphTextLength(doc.documentElement);
  for (const el of Array.from(doc.querySelectorAll('[class],[id]'))) {
    if (PROTECTED_TAGS.has(el.tagName.toUpperCase()) || !isChromeName(el)) continue;
    if (el.querySelector('article, main, [itemprop="articleBody"]')) continue;
    if (total > 0 && paragraphTextLength(el) > total / 2) continue;
    el.remove();
  }
}

function paragraphTextLength(el: El): number {
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) n += normalise(p.textContent ?? '').length;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Paragraphs

/** Elements that start and end a paragraph. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'CENTER',
]);
/**
 * Elements whose text is not body text: headings (the title and section labels, too short to
 * answer anything), figures and their captions (photo credits), and anything Readability kept
 * that the chrome pass missed.
 */
const SKIPPED_TAGS = new Set([
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'FIGURE',
  'FIGCAPTION',
  'PICTURE',
  'IMG',
  'VIDEO',
  'AUDIO',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TITLE',
  'META',
  'LINK',
  'BUTTON',
  'SVG',
  'IFRAME',
  'NAV',
  'ASIDE',
  'FOOTER',
  'FORM',
  'SELECT',
]);
/** Items of a list up to this many words are joined into one paragraph (a list of names, say). */
const SHORT_ITEM_WORDS = 12;
/** A block whose text is mostly link text is a teaser ("Read more: …"), not body text. */
const MAX_LINK_SHARE = 0.7;

function htmlParagraphs(root: El): string[] {
  const out: string[] = [];
  walk(root, out);
  return out;
}

interface Run {
  text: string;
  linkChars: number;
}

function walk(el: El, out: string[]): void {
  const run: Run = { text: '', linkChars: 0 };
  const flush = (): void => {
    const text = normalise(run.text);
    const linkShare = text ? run.linkChars / text.length : 0;
    if (text && linkShare <= MAX_LINK_SHARE) out.push(text);
    run.text = '';
    run.linkChars = 0;
  };
  const visit = (node: DomNode, inLink: boolean): void => {
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      run.text += t;
      if (inLink) run.linkChars += normalise(t).length;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const child = node as El;
    const tag = child.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === 'BR') {
      run.text += ' ';
    } else if (tag === 'UL' || tag === 'OL') {
      flush();
      out.push(...listParagraphs(child));
    } else if (tag === 'TABLE') {
      flush();
      out.push(...tableParagraphs(child));
    } else if (BLOCK_TAGS.has(tag)) {
      flush();
      for (const c of Array.from(child.childNodes)) visit(c, inLink);
      flush();
    } else {
      const link = inLink || tag === 'A';
      for (const c of Array.from(child.childNodes)) visit(c, link);
    }
  };
  for (const c of Array.from(el.childNodes)) visit(c, false);
  flush();
}

/** One paragraph per item, or the whole list as one when every item is short. */
function listParagraphs(list: El): string[] {
  const items: string[][] = [];
  for (const li of Array.from(list.childNodes)) {
    if (li.nodeType !== ELEMENT_NODE) continue;
    const paras: string[] = [];
    walk(li as El, paras);
    if (paras.length > 0) items.push(paras);
  }
  const flat = items.flat();
  const allShort = items.every((p) => p.length === 1 && p[0]!.split(' ').length <= SHORT_ITEM_WORDS);
  if (items.length > 1 && allShort) return [flat.join('; ')];
  return flat;
}

/** Data tables Readability kept: one paragraph per row, cells separated by " | ". */
function tableParagraphs(table: El): string[] {
  const rows: string[] = [];
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    const cells = Array.from(tr.querySelectorAll('th, td'))
      .map((c) => normalise(c.textContent ?? ''))
      .filter(Boolean);
    if (cells.length > 0) rows.push(cells.join(' | '));
  }
  return rows;
}
