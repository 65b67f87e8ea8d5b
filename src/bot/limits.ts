/**
 * Incoming limits: how many questions a user, and a chat, may ask per window. The first question
 * over a limit in a chat gets a polite notice, the chat's only one that window; later ones silence
 * until the window passes.
 */

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Counts one hit for `key`; true while `key` is within its limit this window. */
  hit(key: string): boolean {
    const now = this.now();
    this.sweep(now);
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    w.count++;
    return w.count <= this.limit;
  }

  /** Entries tracked (for tests of bounded memory). */
  size(): number {
    return this.windows.size;
  }

  /** Drops finished windows at most once per window, so the map holds only active senders. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(key);
  }
}

/** Per-user and per-chat limits together (the user's limit is checked first), and one notice per chat. */
export class QuestionLimiter implements ReaderLimits {
  private readonly users: FixedWindowLimiter;
  private readonly chats: FixedWindowLimiter;
  private readonly notices: FixedWindowLimiter;

  constructor(limits: { perUser: number; perChat: number; windowSeconds: number }, now: () => number = () => Date.now()) {
    const windowMs = limits.windowSeconds * 1000;
    this.users = new FixedWindowLimiter(limits.perUser, windowMs, now);
    this.chats = new FixedWindowLimiter(limits.perChat, windowMs, now);
    this.notices = new FixedWindowLimiter(1, windowMs, now);
  }

  /** Counts one question from `userId` in `chatId`; true when it may be answered. */
  allow(userId: number | undefined, chatId: number): boolean {
    if (userId !== undefined && !this.users.hit(String(userId))) return false;
    return this.chats.hit(String(chatId));
  }

  /**
   * True once per window per chat: whether a refused question may be told to slow down. A group
   * where many users are over their limit gets one notice, not one each.
   */
  noticeDue(chatId: number): boolean {
    return this.notices.hit(String(chatId));
  }
}

/** Anything that counts hits per key against a limit: FixedWindowLimiter here, or one shared by replicas (src/state/shared-limits.ts). */
export interface Hits {
  hit(key: string): boolean | Promise<boolean>;
}

/** The readers' limits as the handlers use them: in this process (QuestionLimiter) or shared by replicas (SharedQuestionLimiter). */
export interface ReaderLimits {
  allow(userId: number | undefined, chatId: number): boolean | Promise<boolean>;
  noticeDue(chatId: number): boolean | Promise<boolean>;
}

/** QuestionLimiter's rules over counters replicas share: the user's limit first, then the chat's, and one notice per chat and window. */
export class SharedQuestionLimiter implements ReaderLimits {
  constructor(private readonly counters: { users: Hits; chats: Hits; notices: Hits }) {}

  async allow(userId: number | undefined, chatId: number): Promise<boolean> {
    if (userId !== undefined && !(await this.counters.users.hit(String(userId)))) return false;
    return this.counters.chats.hit(String(chatId));
  }

  async noticeDue(chatId: number): Promise<boolean> {
    return this.counters.notices.hit(String(chatId));
  }
}

/** A small least-recently-used map with a fixed capacity. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  get size(): number {
    return this.map.size;
  }
}
