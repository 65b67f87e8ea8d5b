import { afterEach, describe, expect, it, vi } from 'vitest';
import { FixedWindowLimiter, QuestionLimiter } from '../../src/bot/limits.js';

/** Window edges of the incoming limits: when a refused user may ask again, and what is forgotten. */
describe('incoming limit windows', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets a user ask again exactly one window after their first question, also between two sweeps', () => {
    let now = 0;
    const limiter = new FixedWindowLimiter(1, 1000, () => now);
    expect(limiter.hit('other')).toBe(true); // sweeps at 0; the next sweep is due at 1000
    now = 500;
    expect(limiter.hit('a')).toBe(true);
    now = 1000;
    expect(limiter.hit('a')).toBe(false); // the sweep at 1000 keeps a's window: it is still running
    now = 1499;
    expect(limiter.hit('a')).toBe(false);
    now = 1500;
    expect(limiter.hit('a')).toBe(true);
  });

  it('a sweep keeps a refused user refused until their own window ends', () => {
    let now = 0;
    const limiter = new FixedWindowLimiter(1, 1000, () => now);
    limiter.hit('other');
    now = 900;
    expect(limiter.hit('a')).toBe(true);
    expect(limiter.hit('a')).toBe(false);
    now = 1000; // a sweep runs: 'other' is done, 'a' is not
    expect(limiter.hit('b')).toBe(true);
    expect(limiter.size()).toBe(2);
    expect(limiter.hit('a')).toBe(false);
  });

  it('forgets a sender at the first sweep after their window ended, however exactly it ended', () => {
    let now = 0;
    const limiter = new FixedWindowLimiter(1, 1000, () => now);
    limiter.hit('a');
    now = 1000;
    limiter.hit('b');
    expect(limiter.size()).toBe(1);
  });

  it('keeps a refused user refused for the whole window of windowSeconds', () => {
    let now = 0;
    const limits = new QuestionLimiter({ perUser: 1, perChat: 100, windowSeconds: 60 }, () => now);
    expect(limits.allow(7, 7)).toBe(true);
    now = 59_999;
    expect(limits.allow(7, 7)).toBe(false);
    now = 60_000;
    expect(limits.allow(7, 7)).toBe(true);
  });

  it('counts messages with no known sender (anonymous group admins) only against the chat', () => {
    const limits = new QuestionLimiter({ perUser: 1, perChat: 3, windowSeconds: 60 }, () => 0);
    expect([1, 2, 3, 4].map(() => limits.allow(undefined, -5))).toEqual([true, true, true, false]);
  });

  it('uses the real clock when none is given', () => {
    vi.useFakeTimers({ now: 5_000_000 });
    const limits = new QuestionLimiter({ perUser: 1, perChat: 100, windowSeconds: 60 });
    const one = new FixedWindowLimiter(1, 1000);
    expect([limits.allow(1, 1), limits.allow(1, 1), one.hit('k'), one.hit('k')]).toEqual([true, false, true, false]);
    vi.advanceTimersByTime(60_000);
    expect([limits.allow(1, 1), one.hit('k')]).toEqual([true, true]);
  });
});
