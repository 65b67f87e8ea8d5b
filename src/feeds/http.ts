/**
 * Bounded HTTP GET for feeds and the pages they link to: a User-Agent, a timeout, and a cap on the
 * body size enforced while streaming, so a slow or enormous response costs one feed, not the run.
 */

export const USER_AGENT = 'news-qa-bot/0.1 (RSS/Atom reader)';

/** Why a request failed, as one line for the operator. */
export class FetchError extends Error {
  override name = 'FetchError';
}

export interface FetchOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
  /** Aborts the request early (the schedule being stopped). */
  signal?: AbortSignal;
}

export interface FetchedText {
  /** 200-299, or 304 when a conditional request found nothing new (then `text` is empty). */
  status: number;
  /** Where the response came from after redirects. */
  url: string;
  headers: Headers;
  text: string;
}

export async function fetchText(url: string, options: FetchOptions): Promise<FetchedText> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const why = (err: unknown): FetchError => {
    if (err instanceof FetchError) return err;
    if (timeout.aborted) return new FetchError(`timed out after ${seconds(options.timeoutMs)}`);
    if (options.signal?.aborted) return new FetchError('stopped');
    return new FetchError(networkProblem(err));
  };

  let response: Response;
  try {
    response = await options.fetch(url, {
      headers: { 'User-Agent': USER_AGENT, ...options.headers },
      redirect: 'follow',
      signal,
    });
  } catch (err) {
    throw why(err);
  }
  if (response.status === 304) {
    await response.body?.cancel().catch(() => {});
    return { status: 304, url: response.url || url, headers: response.headers, text: '' };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new FetchError(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new FetchError(`response too large (${megabytes(declared)}; the limit is ${megabytes(options.maxBytes)})`);
  }

  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.byteLength;
        if (total > options.maxBytes) {
          await reader.cancel().catch(() => {});
          throw new FetchError(`response too large (over ${megabytes(options.maxBytes)}, the limit)`);
        }
        chunks.push(value);
      }
    }
  } catch (err) {
    throw why(err);
  }
  const bytes = Buffer.concat(chunks);
  return { status: response.status, url: response.url || url, headers: response.headers, text: decode(bytes, response.headers.get('content-type')) };
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
  const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return `cannot connect (${cause.code})`;
  if (cause && typeof cause.message === 'string') return cause.message;
  return err instanceof Error ? err.message : String(err);
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
