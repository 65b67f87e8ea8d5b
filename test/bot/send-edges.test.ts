import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sender, SendFailure } from '../../src/bot/send.js';
import { capture, fakeApi, telegramError } from './send-fakes.js';

// Edges of the send queue that the main suite (send.test.ts) leaves open: shutdown, idle drain,
// private chats against groups, the backlog setting, backoff caps and what failures carry.

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'sent',
    (e: SendFailure) => e.kind,
  );

describe('Sender edges', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('on close rejects the messages still waiting as "closed" and sends nothing more', async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    const results = [0, 1, 2].map((i) => kindOf(sender.send(1, 'sendMessage', { chat_id: 1, text: `m${i}` })));
    await vi.advanceTimersByTimeAsync(0);
    expect(sender.pending()).toBe(2);
    sender.close();
    expect(await Promise.all(results)).toEqual(['sent', 'closed', 'closed']);
    expect(sender.stats.dropped).toBe(2);
    expect(sender.pending()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(api.calls.map((c) => c.text)).toEqual(['m0']);
  });

  it('drain answers true at once when nothing is waiting', async () => {
    const sender = new Sender(fakeApi().call, { log: capture().log });
    expect(sender.pending()).toBe(0);
    await expect(sender.drain(0)).resolves.toBe(true);
  });

  it('counts messages waiting and in flight as pending until each is answered', async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    for (let i = 0; i < 3; i++) void sender.send(7, 'sendMessage', { chat_id: 7, text: `m${i}` });
    expect(sender.pending()).toBe(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(sender.pending()).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sender.pending()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sender.pending()).toBe(0);
    expect(sender.stats.sent).toBe(3);
  });

  it('paces a private chat at one message a second with no minute budget, a channel (@name) like a group', async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    const priv = Array.from({ length: 25 }, (_, i) => kindOf(sender.send(42, 'sendMessage', { chat_id: 42, text: `p${i}` })));
    const chan = Array.from({ length: 25 }, (_, i) => kindOf(sender.send('@news', 'sendMessage', { chat_id: '@news', text: `c${i}` })));
    await vi.advanceTimersByTimeAsync(180_000);
    expect(await Promise.all([...priv, ...chan])).toEqual(Array(50).fill('sent'));
    const at = (chat: string) => api.calls.filter((c) => c.chat === chat).map((c) => c.at);
    expect(at('42')[24]! - at('42')[0]!).toBe(24_000);
    // The channel's 21st message waits for the first to leave Telegram's one-minute window.
    expect(at('@news')[20]! - at('@news')[0]!).toBe(60_000);
  });

  it('refuses a notice in a private chat once 20 messages wait behind the one being sent, and honours maxBacklog for answers', async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log, maxBacklog: 3 });
    // One goes at once; three may wait behind it.
    const answers = Array.from({ length: 5 }, (_, i) => kindOf(sender.send(9, 'sendMessage', { chat_id: 9, text: `a${i}` })));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await Promise.all(answers)).toEqual(['sent', 'sent', 'sent', 'sent', 'over-budget']);

    const roomy = new Sender(fakeApi().call, { log: capture().log });
    const waiting = Array.from({ length: 21 }, (_, i) => kindOf(roomy.send(8, 'sendMessage', { chat_id: 8, text: `w${i}` })));
    const notice = kindOf(roomy.send(8, 'sendMessage', { chat_id: 8, text: 'slow down' }, { droppable: true }));
    const answer = kindOf(roomy.send(8, 'sendMessage', { chat_id: 8, text: 'answer' }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await notice).toBe('over-budget');
    expect(await answer).toBe('sent');
    expect(await Promise.all(waiting)).toEqual(Array(21).fill('sent'));
  });

  it('on 429 without retry_after waits one second before resending', async () => {
    const api = fakeApi((n) => (n === 0 ? telegramError(429, 'Too Many Requests') : undefined));
    const sender = new Sender(api.call, { log: capture().log });
    const r = kindOf(sender.send(1, 'sendMessage', { chat_id: 1, text: 'x' }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await r).toBe('sent');
    expect(api.calls[1]!.at - api.calls[0]!.at).toBe(1000);
    expect(sender.stats.floodWaits).toBe(1);
  });

  it('doubles the backoff after each failure up to maxBackoffMs, and counts the retries', async () => {
    const api = fakeApi((n) => (n < 5 ? telegramError(500, 'Internal Server Error') : undefined));
    const sender = new Sender(api.call, { log: capture().log, backoffMs: 100, maxBackoffMs: 250, rates: { perChatIntervalMs: 10 } });
    const r = kindOf(sender.send(1, 'sendMessage', { chat_id: 1, text: 'x' }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await r).toBe('sent');
    const at = api.calls.map((c) => c.at);
    expect(at.slice(1).map((t, i) => t - at[i]!)).toEqual([100, 200, 250, 250, 250]);
    expect(sender.stats.retried).toBe(5);
    expect(sender.stats.failed).toBe(0);
  });

  it('gives up after the default five retries on a network error, keeping its description without secrets', async () => {
    const api = fakeApi(() => new Error('connect ECONNREFUSED 127.0.0.1:8081 for bot123:SECRETtoken'));
    const { log, lines } = capture();
    const sender = new Sender(api.call, { log, secrets: ['123:SECRETtoken'], backoffMs: 1 });
    const err = await Promise.all([
      sender.send(1, 'sendMessage', { chat_id: 1, text: 'x' }).catch((e: SendFailure) => e),
      vi.advanceTimersByTimeAsync(60_000),
    ]).then(([e]) => e as SendFailure);
    expect(api.calls).toHaveLength(6);
    expect(err.kind).toBe('gave-up');
    expect(err.description).toContain('ECONNREFUSED');
    expect(err.description).not.toContain('SECRETtoken');
    expect(sender.stats.failed).toBe(1);
    expect(lines.filter((l) => l.level === 50)).toHaveLength(1);
  });

  it('treats a thrown non-Error as a network error and retries it', async () => {
    const api = fakeApi((n) => (n === 0 ? 'socket closed' : undefined));
    const sender = new Sender(api.call, { log: capture().log });
    const r = kindOf(sender.send(1, 'sendMessage', { chat_id: 1, text: 'x' }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await r).toBe('sent');
    expect(api.calls).toHaveLength(2);
  });

  it('logs a rejected message as an error, except an edit that changed nothing ("message is not modified")', async () => {
    const api = fakeApi((n) => telegramError(400, n === 0 ? 'Bad Request: message is not modified' : 'Bad Request: chat not found'));
    const { log, lines } = capture();
    const sender = new Sender(api.call, { log });
    const edit = sender.send(1, 'editMessageText', { chat_id: 1, text: 'same' }).catch((e: SendFailure) => e);
    const other = sender.send(2, 'sendMessage', { chat_id: 2, text: 'y' }).catch((e: SendFailure) => e);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await edit).toMatchObject({
      kind: 'rejected',
      message: 'Telegram rejected editMessageText',
      description: 'Bad Request: message is not modified',
    });
    expect(await other).toMatchObject({ kind: 'rejected' });
    const errors = lines.filter((l) => l.level === 50);
    expect(errors.map((l) => l.chat)).toEqual(['2']);
    expect(sender.stats.failed).toBe(2);
  });
});
