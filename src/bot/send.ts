import type { Logger } from '../log.js';
import { redact } from '../log.js';

/**
 * Outgoing messages: one FIFO queue per chat, paced to Telegram's limits, with retries.
 *
 * Written by hand rather than with bottleneck because the guarantees are about a chat's queue as a
 * whole: replies leave in order even while one of them waits out a 429 or a retry (bottleneck
 * retries a job while later jobs of the same group run), a 403 drops exactly that chat's pending
 * replies, and shutdown waits for every queue to empty. That is a small scheduler, not a library.
 */

export interface SendRates {
  /** Minimum time between two messages to the same chat (Telegram: about 1 per second). */
  perChatIntervalMs: number;
  /** Messages per rolling minute to one group (Telegram: 20). */
  groupPerMinute: number;
  /** Messages per rolling second over all chats (Telegram: 30). */
  globalPerSecond: number;
  /** Length of the "minute" and "second" above, as a fraction of real time: 1 here, less in fast tests. */
  timeScale: number;
}

export const TELEGRAM_RATES: SendRates = { perChatIntervalMs: 1000, groupPerMinute: 20, globalPerSecond: 30, timeScale: 1 };

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface SenderOptions {
  log: Logger;
  rates?: Partial<SendRates>;
  /** Attempts after a 5xx or network error before giving up (default 5). */
  maxRetries?: number;
  /** Attempts after a 429 before giving up (default 10); each waits the `retry_after` Telegram asks for. */
  maxFloodRetries?: number;
  /** First backoff after a 5xx or network error, doubled each time (default 500 ms, at most 30 s). */
  backoffMs?: number;
  maxBackoffMs?: number;
  clock?: Clock;
  /** Strings to scrub from logged error messages (the bot token). */
  secrets?: readonly string[];
  /**
   * How many messages one chat may have waiting, plus (for a group) sent in the last minute, before
   * new ones are refused (default: twice `groupPerMinute`). A group's last accepted message then
   * waits at most one group window plus its pacing, never minutes.
   */
  maxBacklog?: number;
  /**
   * Awaited before each call, after the local limits allowed it (replicas: the bot's shared send
   * slot). The message counts against the limits while it waits.
   */
  beforeCall?: () => Promise<void>;
  /** Told when Telegram answered a message to `chatId` (replicas record a chat's sends for the others). */
  onAnswered?: (chatId: string, at: number) => void;
}

export interface SendOptions {
  /** A message that may be dropped first when the chat's backlog is full (a "slow down" notice). */
  droppable?: boolean;
}

export type ApiCall = (method: string, payload: Record<string, unknown>) => Promise<unknown>;

/** Why a message was not delivered; `kind` says whether the chat is gone (403) or the call failed. */
export class SendFailure extends Error {
  override name = 'SendFailure';
  constructor(
    readonly kind: 'blocked' | 'rejected' | 'gave-up' | 'closed' | 'over-budget',
    message: string,
    readonly description?: string,
  ) {
    super(message);
  }
}

interface Job {
  method: string;
  payload: Record<string, unknown>;
  failures: number;
  floods: number;
  droppable: boolean;
  resolve(value: unknown): void;
  reject(err: SendFailure): void;
}

interface ChatQueue {
  id: string;
  group: boolean;
  jobs: Job[];
  busy: boolean;
  /** Earliest time the next message may go (pacing, retry_after or backoff). */
  nextAt: number;
  /** When each message of the last minute was answered (groups only; the one in flight is not here yet). */
  recent: number[];
  /** Resolved when the queue is next empty (`chatIdle`). */
  idle: Array<() => void>;
}

interface ErrorInfo {
  code: number | undefined;
  retryAfter: number | undefined;
  description: string;
}

function errorInfo(err: unknown): ErrorInfo {
  const e = err as {
    code?: unknown;
    response?: { error_code?: number; description?: string; parameters?: { retry_after?: number } };
    message?: unknown;
  };
  const code = typeof e?.response?.error_code === 'number' ? e.response.error_code : undefined;
  return {
    code,
    retryAfter: e?.response?.parameters?.retry_after,
    description: String(e?.response?.description ?? e?.message ?? err),
  };
}

export class Sender {
  private readonly chats = new Map<string, ChatQueue>();
  /**
   * When each message of the last second was answered, over all chats. Messages still in flight
   * (`inFlight`) count on top, however long ago they started: see `start`.
   */
  private recentGlobal: number[] = [];
  private readonly rates: SendRates;
  private readonly clock: Clock;
  private timer: unknown;
  private timerAt = Infinity;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private inFlight = 0;
  private queued = 0;
  /** `overBacklog`: messages refused (or notices evicted) because their chat's backlog was full. */
  readonly stats = { sent: 0, retried: 0, floodWaits: 0, failed: 0, dropped: 0, overBacklog: 0 };

  constructor(
    private readonly call: ApiCall,
    private readonly options: SenderOptions,
  ) {
    this.rates = { ...TELEGRAM_RATES, ...options.rates };
    this.clock = options.clock ?? systemClock;
  }

  /**
   * Queues `method` for `chatId`; resolves with Telegram's result, rejects with `SendFailure`
   * (kind 'over-budget' when the chat's backlog is full: the message is not queued at all).
   */
  send<T = unknown>(chatId: number | string, method: string, payload: Record<string, unknown>, options: SendOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new SendFailure('closed', 'the bot is shutting down'));
    const id = String(chatId);
    const q = this.queueOf(chatId);
    const droppable = options.droppable ?? false;
    if (!this.makeRoom(q, droppable)) {
      this.stats.overBacklog++;
      this.options.log.debug({ chat: id, method }, 'message not queued: the chat already has a minute of messages waiting');
      return Promise.reject(new SendFailure('over-budget', 'the chat has more messages waiting than its budget allows'));
    }
    const promise = new Promise<T>((resolve, reject) => {
      q.jobs.push({ method, payload, failures: 0, floods: 0, droppable, resolve: resolve as (v: unknown) => void, reject });
    });
    this.queued++;
    this.pump();
    return promise;
  }

  /**
   * Whether one more message fits in `q`'s backlog: messages waiting, plus those sent to a group in
   * the last minute. A droppable message must fit in one minute's group budget; any other one may
   * take the place of the newest droppable message waiting, so notices go before answers do.
   */
  private makeRoom(q: ChatQueue, droppable: boolean): boolean {
    const minute = 60_000 * this.rates.timeScale;
    const now = this.clock.now();
    const waiting = q.jobs.length - (q.busy ? 1 : 0);
    const sent = q.group ? q.recent.filter((t) => t > now - minute).length + (q.busy ? 1 : 0) : 0;
    const backlog = waiting + sent;
    if (droppable) return backlog < this.rates.groupPerMinute;
    if (backlog < (this.options.maxBacklog ?? 2 * this.rates.groupPerMinute)) return true;
    const first = q.busy ? 1 : 0;
    for (let i = q.jobs.length - 1; i >= first; i--) {
      const job = q.jobs[i]!;
      if (!job.droppable) continue;
      q.jobs.splice(i, 1);
      this.queued--;
      this.stats.overBacklog++;
      job.reject(new SendFailure('over-budget', 'dropped to make room for an answer'));
      return true;
    }
    return false;
  }

  private queueOf(chatId: number | string): ChatQueue {
    const id = String(chatId);
    let q = this.chats.get(id);
    if (!q) {
      q = { id, group: typeof chatId === 'string' || chatId < 0, jobs: [], busy: false, nextAt: 0, recent: [], idle: [] };
      this.chats.set(id, q);
    }
    return q;
  }

  /** Resolves once nothing is queued or being sent to `chatId`. */
  chatIdle(chatId: number | string): Promise<void> {
    const q = this.chats.get(String(chatId));
    if (!q || (q.jobs.length === 0 && !q.busy)) return Promise.resolve();
    return new Promise((resolve) => q.idle.push(resolve));
  }

  /**
   * Tells the queue of `chatId` about messages other processes sent it (how long ago each was
   * answered), so its pacing and group budget count them: replicas take turns at a chat.
   */
  seed(chatId: number, answeredAgoMs: readonly number[]): void {
    if (answeredAgoMs.length === 0) return;
    const q = this.queueOf(chatId);
    const now = this.clock.now();
    const times = answeredAgoMs.map((ago) => now - ago);
    q.nextAt = Math.max(q.nextAt, Math.max(...times) + this.rates.perChatIntervalMs);
    // The shared record holds this process's own sends too: it replaces the local one.
    if (q.group) q.recent = times.filter((t) => t > now - 60_000 * this.rates.timeScale).sort((a, b) => a - b);
    this.schedule(q.nextAt);
  }

  /** Messages queued or being sent. */
  pending(): number {
    return this.queued + this.inFlight;
  }

  /** Resolves true once every queue is empty, or false when `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.pending() === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = this.clock.setTimeout(() => {
        this.idleWaiters = this.idleWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        this.clock.clearTimeout(timer);
        resolve(true);
      };
      this.idleWaiters.push(done);
    });
  }

  /** Refuses new messages and rejects those still queued (call after `drain`). */
  close(): void {
    this.closed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    for (const q of this.chats.values()) this.dropQueue(q, new SendFailure('closed', 'the bot shut down before this message was sent'));
  }

  private dropQueue(q: ChatQueue, failure: SendFailure): number {
    const jobs = q.jobs.splice(0);
    this.queued -= jobs.length;
    this.stats.dropped += jobs.length;
    for (const job of jobs) job.reject(failure);
    this.checkIdle(q);
    return jobs.length;
  }

  private checkIdle(q?: ChatQueue): void {
    if (q && q.jobs.length === 0 && !q.busy) for (const w of q.idle.splice(0)) w();
    if (this.pending() !== 0) return;
    const waiters = this.idleWaiters.splice(0);
    for (const w of waiters) w();
  }

  /** Starts every send that the limits allow now, and sets a timer for the next one. */
  private pump(): void {
    if (this.closed) return;
    const now = this.clock.now();
    const second = 1000 * this.rates.timeScale;
    const minute = 60_000 * this.rates.timeScale;
    this.recentGlobal = this.recentGlobal.filter((t) => t > now - second);
    let wake = Infinity;
    for (const q of [...this.chats.values()]) {
      if (q.group && q.recent.length > 0) q.recent = q.recent.filter((t) => t > now - minute);
      if (q.busy) continue;
      if (q.jobs.length === 0) {
        // Forget idle chats once their pacing no longer matters, so memory stays flat.
        if (q.nextAt <= now && q.recent.length === 0) this.chats.delete(q.id);
        continue;
      }
      let readyAt = q.nextAt;
      if (q.group && q.recent.length >= this.rates.groupPerMinute) readyAt = Math.max(readyAt, Math.min(...q.recent) + minute);
      if (readyAt > now) {
        wake = Math.min(wake, readyAt);
        continue;
      }
      if (this.recentGlobal.length + this.inFlight >= this.rates.globalPerSecond) {
        // Waits for the oldest answer to leave the window, or for a message in flight to settle.
        wake = Math.min(wake, Math.min(...this.recentGlobal) + second);
        break;
      }
      // Round-robin: a chat that just sent goes to the back of the line.
      this.chats.delete(q.id);
      this.chats.set(q.id, q);
      this.start(q, now);
    }
    this.schedule(wake);
  }

  private schedule(at: number): void {
    if (at === Infinity || at >= this.timerAt) {
      if (at === Infinity && this.timer === undefined) this.timerAt = Infinity;
      return;
    }
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  private start(q: ChatQueue, now: number): void {
    const job = q.jobs[0]!;
    q.busy = true;
    this.queued--;
    this.inFlight++;
    q.nextAt = now + this.rates.perChatIntervalMs;
    // Telegram counts a message when it arrives, at some moment between our start and its answer,
    // which a busy event loop or a slow network can push well past the start. So a message counts
    // against the limits from its start until it is answered (`inFlight`, `busy`), and from then on
    // as sent at its answer's time. Then no window of Telegram's ever holds more than the limit,
    // however late requests arrive: a message that would exceed it at its arrival was counted
    // before it started.
    const settle = () => {
      const done = this.clock.now();
      this.recentGlobal.push(done);
      if (q.group) q.recent.push(done);
      q.nextAt = Math.max(q.nextAt, done + this.rates.perChatIntervalMs);
      this.options.onAnswered?.(q.id, done);
    };
    const before = this.options.beforeCall;
    (before ? before().then(() => this.call(job.method, job.payload)) : this.call(job.method, job.payload)).then(
      (result) => {
        settle();
        q.jobs.shift();
        this.stats.sent++;
        this.finish(q);
        job.resolve(result);
      },
      (err: unknown) => {
        settle();
        this.failed(q, job, err);
        this.finish(q);
      },
    );
  }

  private finish(q: ChatQueue): void {
    q.busy = false;
    this.inFlight--;
    this.checkIdle(q);
    this.pump();
  }

  /** Decides what a failed call means for the job and its chat. The job is still at the head. */
  private failed(q: ChatQueue, job: Job, err: unknown): void {
    const { code, retryAfter, description } = errorInfo(err);
    const safe = redact(description, this.options.secrets);
    const log = this.options.log;
    const now = this.clock.now();
    const giveUp = (kind: SendFailure['kind'], message: string) => {
      q.jobs.shift();
      this.stats.failed++;
      job.reject(new SendFailure(kind, message, safe));
    };
    if (code === 429) {
      job.floods++;
      this.stats.floodWaits++;
      const wait = Math.max(1, retryAfter ?? 1) * 1000;
      if (job.floods > (this.options.maxFloodRetries ?? 10)) {
        log.error({ chat: q.id, method: job.method, error: safe }, 'message dropped: still rate-limited by Telegram after many waits');
        giveUp('gave-up', 'rate-limited by Telegram');
        return;
      }
      log.warn({ chat: q.id, method: job.method, retryAfterSeconds: wait / 1000 }, 'Telegram asked to slow down; waiting before resending');
      q.nextAt = Math.max(q.nextAt, now + wait);
      this.queued++; // back in the queue
      return;
    }
    if (code === 403) {
      giveUp('blocked', 'the chat is not reachable (blocked, kicked or deactivated)');
      const dropped = this.dropQueue(q, new SendFailure('blocked', 'the chat is not reachable', safe));
      log.warn({ chat: q.id, dropped: dropped + 1, error: safe }, 'chat unreachable (bot blocked or removed); dropped its pending replies');
      return;
    }
    if (code !== undefined && code < 500) {
      // A bad request will not get better by resending it.
      if (!/message is not modified/i.test(safe)) log.error({ chat: q.id, method: job.method, error: safe }, 'Telegram rejected a message');
      giveUp('rejected', `Telegram rejected ${job.method}`);
      return;
    }
    // 5xx or a network error: retry with exponential backoff, a bounded number of times.
    job.failures++;
    if (job.failures > (this.options.maxRetries ?? 5)) {
      log.error({ chat: q.id, method: job.method, error: safe, attempts: job.failures }, 'message dropped: Telegram unreachable after retries');
      giveUp('gave-up', 'Telegram unreachable');
      return;
    }
    this.stats.retried++;
    const backoff = Math.min((this.options.backoffMs ?? 500) * 2 ** (job.failures - 1), this.options.maxBackoffMs ?? 30_000);
    log.warn({ chat: q.id, method: job.method, error: safe, retryInMs: backoff }, 'sending failed; will retry');
    q.nextAt = Math.max(q.nextAt, now + backoff);
    this.queued++;
  }
}
