/**
 * Incoming limits: how many questions a user, and a chat, may ask per window. The first question
 * over the limit gets a polite notice, later ones silence until the window passes.
 */

export type LimitVerdict = 'ok' | 'notice' | 'silent';

interface Window {
  start: number;
  count: number;
  noticed: boolean;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Counts one hit for `key` and says whether it is allowed. */
  hit(key: string): LimitVerdict {
    const now = this.now();
    this.sweep(now);
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0, noticed: false };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count <= this.limit) return 'ok';
    if (w.noticed) return 'silent';
    w.noticed = true;
    return 'notice';
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

/** Per-user and per-chat limits together: the user's limit is checked first. */
export class QuestionLimiter {
  private readonly users: FixedWindowLimiter;
  private readonly chats: FixedWindowLimiter;

  constructor(limits: { perUser: number; perChat: number; windowSeconds: number }, now: () => number = () => Date.now()) {
    this.users = new FixedWindowLimiter(limits.perUser, limits.windowSeconds * 1000, now);
    this.chats = new FixedWindowLimiter(limits.perChat, limits.windowSeconds * 1000, now);
  }

  check(userId: number | undefined, chatId: number): LimitVerdict {
    if (userId !== undefined) {
      const verdict = this.users.hit(String(userId));
      if (verdict !== 'ok') return verdict;
    }
    return this.chats.hit(String(chatId));
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
