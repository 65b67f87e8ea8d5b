import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sender, SendFailure } from '../../src/bot/send.js';
import { capture, fakeApi, telegramError } from './send-fakes.js';

// What an operator sees of delivery problems (log lines, pending counts) and what shutdown leaves
// behind: no timer that would keep the process alive, no resend after close.

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'sent',
    (e: SendFailure) => e.kind,
  );

describe('Sender failures and shutdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('logs each delivery problem once, with the chat, the method and what happened', async () => {
    const api = fakeApi((n, chat) => {
      if (chat === '1' && n === 0) return telegramError(429, 'Too Many Requests: retry after 2', 2);
      if (chat === '2') return telegramError(403, 'Forbidden: bot was blocked by the user');
      if (chat === '3') return telegramError(400, 'Bad Request: chat not found');
      if (chat === '4') return telegramError(502, 'Bad Gateway');
      return undefined;
    });
    const { log, lines } = capture();
    const sender = new Sender(api.call, { log, maxRetries: 1, backoffMs: 100, maxBacklog: 2 });
    const results = [
      kindOf(sender.send(1, 'sendMessage', { chat_id: 1, text: 'x' })),
      ...[0, 1, 2].map((i) => kindOf(sender.send(2, 'sendMessage', { chat_id: 2, text: `b${i}` }))),
      kindOf(sender.send(3, 'sendMessage', { chat_id: 3, text: 'x' })),
      kindOf(sender.send(4, 'editMessageText', { chat_id: 4, text: 'x' })),
    ];
    // Chat 1 has two messages waiting behind the one in flight: a fourth is over its budget of 2.
    for (const text of ['y1', 'y2']) results.push(kindOf(sender.send(1, 'sendMessage', { chat_id: 1, text })));
    results.push(kindOf(sender.send(1, 'sendPhoto', { chat_id: 1, text: 'z' })));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await Promise.all(results)).toEqual(['sent', 'blocked', 'blocked', 'blocked', 'rejected', 'gave-up', 'sent', 'sent', 'over-budget']);

    const said = lines.map(({ level, chat, method, msg, ...rest }) => ({
      level,
      chat,
      method,
      said: typeof msg === 'string' && msg.length > 10,
      ...rest,
    }));
    const pick = (chat: string, level: number) => said.filter((l) => l.chat === chat && l.level === level);
    expect(pick('1', 20)).toMatchObject([{ method: 'sendPhoto', said: true }]); // debug: not queued
    expect(pick('1', 40)).toMatchObject([{ method: 'sendMessage', said: true, retryAfterSeconds: 2 }]);
    expect(pick('2', 40)).toMatchObject([{ said: true, dropped: 3, error: 'Forbidden: bot was blocked by the user' }]);
    expect(pick('3', 50)).toMatchObject([{ method: 'sendMessage', said: true, error: 'Bad Request: chat not found' }]);
    expect(pick('4', 40)).toMatchObject([{ method: 'editMessageText', said: true, error: 'Bad Gateway', retryInMs: 100 }]);
    expect(pick('4', 50)).toMatchObject([{ method: 'editMessageText', said: true, error: 'Bad Gateway', attempts: 2 }]);
    expect(lines).toHaveLength(6);
  });

  it('retries a call that failed without any error value (null) like a network error', async () => {
    let n = 0;
    const call = async () => {
      if (n++ === 0) throw null;
      return { message_id: 1 };
    };
    const sender = new Sender(call, { log: capture().log, backoffMs: 100 });
    const result = kindOf(sender.send(1, 'sendMessage', { chat_id: 1, text: 'x' }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await result).toBe('sent');
    expect(n).toBe(2);
  });

  it('counts a message waiting out a retry backoff as pending, and drain waits for it', async () => {
    const api = fakeApi((n) => (n === 0 ? telegramError(500, 'Internal Server Error') : undefined));
    const sender = new Sender(api.call, { log: capture().log, backoffMs: 3000 });
    void sender.send(1, 'sendMessage', { chat_id: 1, text: 'x' });
    await vi.advanceTimersByTimeAsync(100);
    expect(api.calls).toHaveLength(1);
    expect(sender.pending()).toBe(1);
    let drained: boolean | undefined;
    void sender.drain(10_000).then((d) => (drained = d));
    await vi.advanceTimersByTimeAsync(1000);
    expect(drained).toBeUndefined();
    await vi.advanceTimersByTimeAsync(3000);
    expect(drained).toBe(true);
    expect(api.delivered()).toHaveLength(1);
  });

  it('close leaves no timer running that would hold the process, even after a wake-up was moved earlier', async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    // A group at its minute budget sets a wake-up a minute away...
    for (let i = 0; i < 21; i++) void kindOf(sender.send(-5, 'sendMessage', { chat_id: -5, text: `g${i}` }));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(api.calls).toHaveLength(20);
    // ...then a private chat's second message needs one in a second.
    for (let i = 0; i < 2; i++) void kindOf(sender.send(1, 'sendMessage', { chat_id: 1, text: `p${i}` }));
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    sender.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('after close, a message in flight that Telegram answers with 429 is not resent', async () => {
    const api = fakeApi(() => telegramError(429, 'Too Many Requests: retry after 1', 1));
    const sender = new Sender(api.call, { log: capture().log });
    void kindOf(sender.send(1, 'sendMessage', { chat_id: 1, text: 'x' }));
    sender.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(api.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
