import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { guardedLookup, kindOf, refusal, RefusedAddressError, type Resolver } from './address.js';

/**
 * Bounded HTTP GET for feeds and the pages they link to: a User-Agent, a timeout, a cap on the
 * body size enforced while streaming (after decompression), so a slow or enormous response costs
 * one feed, not the run; and every request except to the operator's own feed host checked against
 * the address policy, on each redirect and on the address actually connected to.
 */

export const USER_AGENT = 'news-qa-bot/0.1 (RSS/Atom reader)';

const MAX_REDIRECTS = 10;

/** Why a request failed, as one line for the operator. */
export class FetchError extends Error {
  override name = 'FetchError';
}

export interface AddressPolicy {
  /** FEEDS_ALLOW_PRIVATE_ADDRESSES: loopback, private and unique-local addresses are allowed too. */
  allowPrivate: boolean;
  resolve: Resolver;
}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
  policy: AddressPolicy;
  /**
   * The feed URL as the operator wrote it: its credentials go with requests to its host and port
   * and nowhere else, and with `trustOperatorHost` those requests skip the address policy.
   */
  operatorUrl?: string;
  trustOperatorHost?: boolean;
  headers?: Record<string, string>;
  /** Aborts the request early (the schedule being stopped). */
  signal?: AbortSignal;
}

export interface FetchedText {
  /** 200-299, or 304 when a conditional request found nothing new (then `text` is empty). */
  status: number;
  /** Where the response came from after redirects (without credentials). */
  url: string;
  headers: Headers;
  text: string;
}

export async function fetchText(url: string, options: FetchOptions): Promise<FetchedText> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const why = (err: unknown): Error => {
    if (err instanceof FetchError || err instanceof RefusedAddressError) return err;
    if (timeout.aborted) return new FetchError(`timed out after ${seconds(options.timeoutMs)}`);
    if (options.signal?.aborted) return new FetchError('stopped');
    return new FetchError(networkProblem(err));
  };

  let response: IncomingMessage;
  let at: URL;
  try {
    ({ response, at } = await follow(url, options, signal));
  } catch (err) {
    throw why(err);
  }
  const headers = toHeaders(response);
  const done = { status: response.statusCode ?? 0, url: withoutCredentials(at.href), headers };
  if (done.status === 304) {
    response.destroy();
    return { ...done, text: '' };
  }
  if (done.status < 200 || done.status > 299) {
    response.destroy();
    throw new FetchError(`HTTP ${done.status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
  }
  const declared = Number(response.headers['content-length'] ?? NaN);
  if (declared > options.maxBytes) {
    response.destroy();
    throw new FetchError(`response too large (${megabytes(declared)}; the limit is ${megabytes(options.maxBytes)})`);
  }

  try {
    return { ...done, text: decode(await readBody(response, signal, options.maxBytes), headers.get('content-type')) };
  } catch (err) {
    throw why(err);
  }
}

/** The (decompressed) body, stopped as soon as it passes `maxBytes` or `signal` aborts. */
async function readBody(response: IncomingMessage, signal: AbortSignal, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const body = decoded(response);
  const stop = (): void => {
    body.destroy(new Error('aborted'));
  };
  signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      total += chunk.byteLength;
      if (total > maxBytes) throw new FetchError(`response too large (over ${megabytes(maxBytes)}, the limit)`);
      chunks.push(chunk);
    }
  } finally {
    signal.removeEventListener('abort', stop);
    body.destroy();
    response.destroy();
  }
  return Buffer.concat(chunks);
}

/** GETs `url`, following redirects, each one checked; resolves with the final response (not yet read). */
async function follow(url: string, options: FetchOptions, signal: AbortSignal): Promise<{ response: IncomingMessage; at: URL }> {
  const operator = options.operatorUrl ? new URL(options.operatorUrl) : undefined;
  let at = parseUrl(url);
  for (let hop = 0; ; hop++) {
    const own = operator !== undefined && sameSite(operator, at);
    const checked = !(own && options.trustOperatorHost);
    try {
      if (checked) checkLiteral(at, options.policy.allowPrivate);
      const response = await get(at, {
        headers: { 'User-Agent': USER_AGENT, 'Accept-Encoding': 'gzip, deflate, br', ...options.headers },
        signal,
        ...(own && operator.username ? { auth: credentials(operator) } : {}),
        ...(checked ? { lookup: guardedLookup(options.policy.resolve, options.policy.allowPrivate) } : {}),
      });
      const location = response.headers.location;
      if (!REDIRECTS.has(response.statusCode ?? 0) || !location) return { response, at };
      response.destroy();
      if (hop >= MAX_REDIRECTS) throw new FetchError(`more than ${MAX_REDIRECTS} redirects`);
      at = parseUrl(location, at);
    } catch (err) {
      if (hop > 0 && err instanceof RefusedAddressError) {
        throw new RefusedAddressError(`redirected to ${withoutCredentials(at.href)}: ${err.message}`, err.intranet);
      }
      throw err;
    }
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function parseUrl(url: string, base?: URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    throw new FetchError(`"${withoutCredentials(url)}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new FetchError(`${withoutCredentials(parsed.href)} is not an http(s) URL`);
  }
  return parsed;
}

/** Node asks `lookup` only for names, so an address written in the URL is checked here. */
function checkLiteral(url: URL, allowPrivate: boolean): void {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host) === 0) return;
  const refused = refusal(host, allowPrivate);
  if (refused) throw new RefusedAddressError(`${refused.address} is ${kindOf(refused)}`, refused.intranet);
}

/** Same host and port, and not a step down from https to http. */
function sameSite(a: URL, b: URL): boolean {
  return a.hostname === b.hostname && a.port === b.port && !(a.protocol === 'https:' && b.protocol === 'http:');
}

function credentials(url: URL): string {
  return `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
}

/** The URL as it may be logged or stored: any user name and password taken out. */
export function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return scrubCredentials(url);
  }
}

/** Text with the credentials taken out of any URL in it. */
export function scrubCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi, '$1');
}

function get(url: URL, options: http.RequestOptions): Promise<IncomingMessage> {
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  // A fresh connection per request: a kept-alive socket would skip the lookup check.
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = request(bare, { ...options, agent: false }, resolve);
    req.on('error', reject);
    req.end();
  });
}

function decoded(response: IncomingMessage): Readable {
  const encoding = String(response.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) return response;
  response.on('error', (err) => decoder.destroy(err));
  return response.pipe(decoder);
}

function toHeaders(response: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    for (const v of Array.isArray(value) ? value : [value ?? '']) headers.append(name, v);
  }
  return headers;
}

/** Text in the charset the response declares (header, XML declaration or meta tag), else UTF-8. */
function decode(bytes: Buffer, contentType: string | null): string {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const label =
    /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1] ??
    /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ??
    'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function networkProblem(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `cannot connect (${code})`;
  return err instanceof Error ? err.message : String(err);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
