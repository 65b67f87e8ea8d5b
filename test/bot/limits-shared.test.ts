import { describe, expect, it } from 'vitest';
import { FixedWindowLimiter, QuestionLimiter, SharedQuestionLimiter, type Hits, type ReaderLimits } from '../../src/bot/limits.js';

/** Counters as a database store gives them to replicas: every hit answered later, through a promise. */
function asyncCounter(limit: number, windowMs: number, now: () => number): Hits & { keys: string[] } {
  const local = new FixedWindowLimiter(limit, windowMs, now);
  const keys: string[] = [];
  return {
    keys,
    hit: async (key) => {
      keys.push(key);
      await new Promise((resolve) => setImmediate(resolve));
      return local.hit(key);
    },
  };
}

type Make = (limits: { perUser: number; perChat: number }, now: () => number) => ReaderLimits;

const makers: [string, Make][] = [
  ['in one process', (l, now) => new QuestionLimiter({ ...l, windowSeconds: 60 }, now)],
  [
    'shared by replicas',
    (l, now) =>
      new SharedQuestionLimiter({
        users: asyncCounter(l.perUser, 60_000, now),
        chats: asyncCounter(l.perChat, 60_000, now),
        notices: asyncCounter(1, 60_000, now),
      }),
  ],
];

describe.each(makers)("readers' limits %s", (_name, make) => {
  it('refuse a user over their limit while others in the chat still get answers, then the whole chat', async () => {
    const limits = make({ perUser: 1, perChat: 2 }, () => 0);
    expect(await limits.allow(1, -10)).toBe(true);
    expect(await limits.allow(1, -10)).toBe(false); // the user is over, the chat is not
    expect(await limits.allow(2, -10)).toBe(true); // so user 1's refused question did not use the chat's budget
    expect(await limits.allow(3, -10)).toBe(false); // now the group as a whole is over
  });

  it('count a message without a sender (a channel post) against its chat only', async () => {
    const limits = make({ perUser: 1, perChat: 2 }, () => 0);
    expect(await limits.allow(undefined, -20)).toBe(true);
    expect(await limits.allow(undefined, -20)).toBe(true);
    expect(await limits.allow(undefined, -20)).toBe(false);
  });

  it('give one slow-down notice per chat and window', async () => {
    let now = 0;
    const limits = make({ perUser: 1, perChat: 100 }, () => now);
    expect(await limits.noticeDue(-10)).toBe(true);
    expect(await limits.noticeDue(-10)).toBe(false);
    expect(await limits.noticeDue(-11)).toBe(true); // another chat has its own
    now = 60_000;
    expect(await limits.noticeDue(-10)).toBe(true);
  });
});

describe('limits shared by replicas', () => {
  it("count a user under the user's id and a chat under the chat's id", async () => {
    const users = asyncCounter(5, 60_000, () => 0);
    const chats = asyncCounter(5, 60_000, () => 0);
    const notices = asyncCounter(1, 60_000, () => 0);
    const limits = new SharedQuestionLimiter({ users, chats, notices });
    await limits.allow(7, -30);
    await limits.noticeDue(-30);
    expect([users.keys, chats.keys, notices.keys]).toEqual([['7'], ['-30'], ['-30']]);
  });
});
