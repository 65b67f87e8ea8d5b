import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter, Lru, QuestionLimiter } from '../../src/bot/limits.js';

describe('incoming limits', () => {
  it('allows the limit, then refuses until the window passes', () => {
    let now = 0;
    const limiter = new FixedWindowLimiter(2, 60_000, () => now);
    expect(['a', 'a', 'a', 'a'].map((k) => limiter.hit(k))).toEqual([true, true, false, false]);
    expect(limiter.hit('b')).toBe(true);
    now = 60_000;
    expect(limiter.hit('a')).toBe(true);
  });

  it('checks the user first, then the chat', () => {
    const limits = new QuestionLimiter({ perUser: 1, perChat: 2, windowSeconds: 60 }, () => 0);
    expect(limits.allow(1, -10)).toBe(true);
    expect(limits.allow(1, -10)).toBe(false); // the user is over, the chat is not
    expect(limits.allow(2, -10)).toBe(true);
    expect(limits.allow(3, -10)).toBe(false); // now the group as a whole is over
  });

  it('allows one notice per chat and window, however many of its users are over their limit', () => {
    let now = 0;
    const limits = new QuestionLimiter({ perUser: 1, perChat: 100, windowSeconds: 60 }, () => now);
    for (const user of [1, 2, 3]) limits.allow(user, -10);
    const notices = [1, 2, 3].filter((user) => !limits.allow(user, -10) && limits.noticeDue(-10));
    expect(notices).toHaveLength(1);
    expect(limits.noticeDue(-11)).toBe(true); // another chat has its own
    now = 60_000;
    expect(limits.noticeDue(-10)).toBe(true);
  });

  it('forgets finished windows, so memory stays bounded by active senders', () => {
    let now = 0;
    const limiter = new FixedWindowLimiter(5, 1000, () => now);
    for (let i = 0; i < 1000; i++) limiter.hit(`user${i}`);
    now = 5000;
    limiter.hit('late');
    expect(limiter.size()).toBe(1);
  });
});

describe('Lru', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  });
});
