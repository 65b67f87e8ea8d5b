import { access } from 'node:fs/promises';
import path from 'node:path';
import Parser from 'rss-parser';
import { absoluteUrl, extractHtml, fragmentParagraphs } from '../articles/readers/html.js';
import type { Logger } from '../log.js';
import { RefusedAddressError, systemResolver, type Resolver } from './address.js';
import { FetchError, fetchText, withoutCredentials, type FetchOptions } from './http.js';
import { writeFileAtomic } from '../write-atomic.js';
import { loadState, saveState, type FeedState } from './state.js';
import { feedFolder, guidKey, renderArticle, scanStored, storedFileName, urlKey } from './store.js';

export interface FetchFeedsOptions {
  feeds: readonly string[];
  articlesDir: string;
  /** The JSON file remembering validators and stored items; by default `<INDEX_CACHE_DIR>/feeds.json`. */
  stateFile: string;
  log: Logger;
  /**
   * Fetch item pages (and follow redirects) to loopback, private and unique-local addresses too
   * (FEEDS_ALLOW_PRIVATE_ADDRESSES, for intranet news). Off: only public addresses.
   */
  allowPrivateAddresses?: boolean;
  /** Host name to addresses; tests inject one so that no name is ever looked up for real. */
  resolve?: Resolver;
  /** Per request (the feed, and each page fetched for a summary-only item). */
  timeoutMs?: number;
  /** Per response body. */
  maxBytes?: number;
  /** An item whose feed text is shorter than this is a summary: its page is fetched for the full text. */
  fullTextMinWords?: number;
  /** Items published longer ago than this are not stored (the index would leave them out anyway). */
  maxAgeDays?: number;
  /** Feeds fetched at the same time. */
  concurrency?: number;
  signal?: AbortSignal;
  now?: () => Date;
  /** Where items and the state go instead of the articles folder and `stateFile` (PostgreSQL for replicas: postgres-sink.ts). */
  sink?: FeedSink;
}

/**
 * Where a feed run keeps what it stores and remembers. The default is the articles folder (an item
 * is a file, `<articlesDir>/feeds/<host>/…`) and the state file.
 */
export interface FeedSink {
  load(): Promise<FeedState>;
  save(state: FeedState): Promise<void>;
  /** Items stored before, by key (`guid:…`, `url:…`), beyond those the state remembers. */
  known(): Promise<Map<string, string>>;
  /** Whether an item is stored under `file` (relative to the articles folder, `/`-separated). */
  exists(file: string): Promise<boolean>;
  /** Stores an item: `text` is the article as Markdown with front matter (store.ts, renderArticle). */
  write(file: string, text: string): Promise<void>;
}

/** The articles folder and the state file: every item a Markdown file the library reads like any other. */
export function folderSink(options: Pick<FetchFeedsOptions, 'articlesDir' | 'stateFile' | 'log'>): FeedSink {
  const target = (file: string) => path.join(options.articlesDir, ...file.split('/'));
  return {
    load: () => loadState(options.stateFile, options.log),
    save: (state) => saveState(options.stateFile, state),
    known: () => scanStored(options.articlesDir),
    exists: (file) => exists(target(file)),
    write: (file, text) => writeFileAtomic(target(file), text),
  };
}

export interface FeedResult {
  /** The feed URL without any credentials written in it. */
  feed: string;
  /** False when the feed could not be fetched or parsed; it is tried again next run. */
  ok: boolean;
  /** The server answered 304: nothing changed since the last run. */
  notModified: boolean;
  /** Files written, relative to the articles folder. */
  stored: string[];
  /** Items not stored: already stored, too old, or with no text. */
  skipped: number;
  error?: string;
  /** With `error`: when this feed's current run of failures began (ISO time). */
  failingSince?: string;
}

export interface FeedsSummary {
  results: FeedResult[];
  stored: number;
  failed: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_FULL_TEXT_MIN_WORDS = 150;

/**
 * Fetches every feed once and stores each new item as an article file under
 * `<articlesDir>/feeds/<feed host>/`. A feed that fails is logged and reported in the summary; the
 * others carry on, and it is retried on the next run because its validators are not updated.
 */
export async function fetchFeeds(options: FetchFeedsOptions): Promise<FeedsSummary> {
  const sink = options.sink ?? folderSink(options);
  const state = await sink.load();
  const known = await sink.known();
  const seen = (key: string | undefined): string | undefined => (key === undefined ? undefined : (state.seen[key] ?? known.get(key)));
  const ctx: FeedContext = {
    options,
    sink,
    state,
    seen,
    remember: (keys, file) => {
      for (const key of keys) if (key) state.seen[key] = file;
    },
    http: {
      policy: { allowPrivate: options.allowPrivateAddresses ?? false, resolve: options.resolve ?? systemResolver },
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      ...(options.signal ? { signal: options.signal } : {}),
    },
    // Two feeds carrying the same story at once must not both store it.
    claimed: new Set<string>(),
  };

  const feeds = [...new Set(options.feeds)];
  const results: FeedResult[] = new Array(feeds.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < feeds.length) {
      const i = next++;
      results[i] = await fetchOneFeed(feeds[i]!, ctx);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, feeds.length) }, worker));
  await sink.save(state);

  return {
    results,
    stored: results.reduce((n, r) => n + r.stored.length, 0),
    failed: results.filter((r) => !r.ok).length,
  };
}

interface FeedContext {
  options: FetchFeedsOptions;
  sink: FeedSink;
  state: FeedState;
  seen: (key: string | undefined) => string | undefined;
  remember: (keys: (string | undefined)[], file: string) => void;
  http: FetchOptions;
  claimed: Set<string>;
}

type Item = Parser.Item & { id?: string; 'content:encoded'?: string };

async function fetchOneFeed(feedUrl: string, ctx: FeedContext): Promise<FeedResult> {
  const { log } = ctx.options;
  // What logs, the state file and stored articles name the feed by: credentials stay in FEEDS only.
  const feed = withoutCredentials(feedUrl);
  const result: FeedResult = { feed, ok: true, notModified: false, stored: [], skipped: 0 };
  // A success ends a run of failures: `previous` never carries its start into a success.
  const { failingSince, ...previous } = ctx.state.feeds[feed] ?? {};
  try {
    const conditional: Record<string, string> = {
      Accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    };
    if (previous.etag) conditional['If-None-Match'] = previous.etag;
    if (previous.lastModified) conditional['If-Modified-Since'] = previous.lastModified;
    // The operator wrote this URL, so its host is trusted; a redirect elsewhere is checked.
    const response = await fetchText(feedUrl, { ...ctx.http, operatorUrl: feedUrl, trustOperatorHost: true, headers: conditional });
    if (response.status === 304) {
      result.notModified = true;
      ctx.state.feeds[feed] = { ...previous, lastSuccess: now(ctx).toISOString() };
      log.info({ feed }, `feed ${feed}: not modified`);
      return result;
    }

    const parsed = await parseFeed(response.text);
    for (const item of parsed.items as Item[]) {
      const file = await storeItem(item, feedUrl, parsed.title, ctx);
      if (file) result.stored.push(file);
      else result.skipped += 1;
    }

    // Validators are kept only once every item is handled, so a failed run is fetched in full again.
    const etag = response.headers.get('etag') ?? undefined;
    const lastModified = response.headers.get('last-modified') ?? undefined;
    ctx.state.feeds[feed] = {
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
      lastSuccess: now(ctx).toISOString(),
    };
    log.info({ feed, stored: result.stored.length, skipped: result.skipped }, `feed ${feed}: ${result.stored.length} new, ${result.skipped} skipped`);
  } catch (err) {
    result.ok = false;
    result.error = problem(err);
    result.failingSince = failingSince ?? now(ctx).toISOString();
    ctx.state.feeds[feed] = { ...previous, lastError: result.error, failingSince: result.failingSince };
    log.warn({ feed, error: result.error }, `feed ${feed} failed: ${result.error} (will retry next run)`);
  }
  return result;
}

async function parseFeed(xml: string): Promise<Parser.Output<Item>> {
  try {
    return await new Parser<Record<string, unknown>, Item>().parseString(xml);
  } catch (err) {
    // xml2js reports "Unexpected close tag\nLine: 3\nColumn: 10\nChar: >".
    const message = (err instanceof Error ? err.message : String(err)).split('\n').filter(Boolean).join(', ');
    throw new FetchError(`not a readable RSS or Atom feed: ${message}`);
  }
}

/** Stores one item; returns its file (relative to the articles folder), or undefined if skipped. */
async function storeItem(item: Item, feedUrl: string, feedTitle: string | undefined, ctx: FeedContext): Promise<string | undefined> {
  const { log } = ctx.options;
  const id = claimItem(item, feedUrl, ctx);
  if (!id) return undefined;
  // Atom allows type="html" titles; markup in a title is never wanted.
  const title = text(item.title?.replace(/<[^>]*>/g, ''));
  const published = item.isoDate;
  if (published && tooOld(published, ctx)) return undefined;
  if (!id.guid && !title) return undefined; // nothing to name it by or recognise it by next time

  const body = await itemText(item, id, feedUrl, ctx);
  if (!body) return undefined;
  if (body.paragraphs.length === 0) {
    log.info({ feed: id.feed, item: id.link ?? id.guid }, `feed ${id.feed}: item "${title ?? id.guid}" has no text; skipped`);
    return undefined;
  }
  return writeItem({ ...id, title, published }, body, feedUrl, feedTitle, ctx);
}

/** What an item is known by: its feed (without credentials), link and guid, and the keys it is remembered under. */
interface ItemIdentity {
  feed: string;
  link: string | undefined;
  guid: string | undefined;
  keys: Array<string | undefined>;
}

/** The item's identity, claimed for this run; undefined when it was stored before (remembered under its keys) or is claimed already. */
function claimItem(item: Item, feedUrl: string, ctx: FeedContext): ItemIdentity | undefined {
  const feed = withoutCredentials(feedUrl);
  const resolved = absoluteUrl(item.link, feed);
  const link = resolved && withoutCredentials(resolved);
  const guid = text(item.guid) ?? text(item.id) ?? link;
  const keys = [guid ? guidKey(guid) : undefined, link ? urlKey(link) : undefined];
  const already = keys.map(ctx.seen).find(Boolean);
  if (already) {
    ctx.remember(keys, already);
    return undefined;
  }
  if (keys.some((k) => k && ctx.claimed.has(k))) return undefined;
  for (const k of keys) if (k) ctx.claimed.add(k);
  return { feed, link, guid, keys };
}

/** An item's text and what its page said about it (when the page was read). */
interface ItemText {
  paragraphs: string[];
  url: string | undefined;
  pagePublished?: string;
  source?: string;
}

/**
 * The item's text: the longest of the feed's bodies, or the linked page's when the feed's is short.
 * Undefined: skipped (the page's address was refused, or its canonical address was stored before,
 * which is then added to the item's keys).
 */
async function itemText(item: Item, id: ItemIdentity, feedUrl: string, ctx: FeedContext): Promise<ItemText | undefined> {
  const { log } = ctx.options;
  const { feed, link, keys } = id;
  // Feeds put the body in content:encoded (RSS), content (Atom) or description/summary; the longest wins.
  const bodies = [item['content:encoded'], item.content, item.summary].filter((b): b is string => typeof b === 'string');
  const found: ItemText = { paragraphs: bodies.map(toParagraphs).reduce<string[]>((best, p) => (words(p) > words(best) ? p : best), []), url: link };
  const minWords = ctx.options.fullTextMinWords ?? DEFAULT_FULL_TEXT_MIN_WORDS;
  if (!link || words(found.paragraphs) >= minWords) return found;
  try {
    // Not trusted even on the feed's own host: only the feed URL itself is the operator's word.
    const page = await fetchText(link, { ...ctx.http, operatorUrl: feedUrl, headers: { Accept: 'text/html,application/xhtml+xml' } });
    const article = extractHtml(page.text, link, { baseUrl: page.url });
    if (words(article.paragraphs) > words(found.paragraphs)) found.paragraphs = article.paragraphs;
    found.url = withoutCredentials(article.meta.url ?? link);
    found.pagePublished = article.meta.published;
    found.source = article.meta.source;
  } catch (err) {
    if (err instanceof RefusedAddressError) {
      const hint = err.intranet && !ctx.http.policy.allowPrivate ? ' (FEEDS_ALLOW_PRIVATE_ADDRESSES=on allows it)' : '';
      log.warn({ feed, item: link, error: err.message }, `feed ${feed}: refused to fetch ${link}: ${err.message}${hint}; item skipped`);
      return undefined;
    }
    log.info(
      { feed, item: link, error: problem(err) },
      `feed ${feed}: could not fetch the full text of ${link} (${problem(err)}); storing the feed's summary`,
    );
  }
  const canonical = found.url ? urlKey(found.url) : undefined;
  const stored = ctx.seen(canonical);
  if (canonical && stored) {
    ctx.remember([...keys, canonical], stored);
    return undefined;
  }
  keys.push(canonical);
  return found;
}

/** Writes the item's article file unless it exists already; returns the file, or undefined when it existed (remembered under the keys). */
async function writeItem(
  id: ItemIdentity & { title: string | undefined; published: string | undefined },
  body: ItemText,
  feedUrl: string,
  feedTitle: string | undefined,
  ctx: FeedContext,
): Promise<string | undefined> {
  const { feed, guid, keys, title } = id;
  const date = id.published ?? body.pagePublished;
  const file = path.posix.join(
    feedFolder(feedUrl),
    storedFileName({ ...(date ? { published: date } : {}), ...(title ? { title } : {}), identity: guid ?? title ?? '' }),
  );
  if (await ctx.sink.exists(file)) {
    ctx.remember(keys, file);
    return undefined;
  }
  await ctx.sink.write(
    file,
    renderArticle(
      {
        title: title ?? body.paragraphs[0]!.slice(0, 80),
        ...(body.url ? { url: body.url } : {}),
        ...(date ? { published: date } : {}),
        source: body.source ?? text(feedTitle) ?? new URL(feedUrl).hostname.replace(/^www\./, ''),
        ...(guid ? { guid } : {}),
        feed,
      },
      body.paragraphs,
    ),
  );
  ctx.remember(keys, file);
  return file;
}

function toParagraphs(body: string): string[] {
  if (/<[a-z][^>]*>/i.test(body)) return fragmentParagraphs(body);
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function words(paragraphs: readonly string[]): number {
  return paragraphs.reduce((n, p) => n + p.split(' ').length, 0);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() || undefined : undefined;
}

function tooOld(published: string, ctx: FeedContext): boolean {
  const days = ctx.options.maxAgeDays;
  if (days === undefined) return false;
  const time = Date.parse(published);
  return !Number.isNaN(time) && now(ctx).getTime() - time > days * 86_400_000;
}

function now(ctx: FeedContext): Date {
  return ctx.options.now?.() ?? new Date();
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

function problem(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] ?? err.name;
  return String(err);
}
