import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sender, SendFailure } from '../../src/bot/send.js';
import { capture, fakeApi, telegramError } from './send-fakes.js';

describe('Sender', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends one chat's messages in order, a second apart, while other chats go at once", async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    const done = ['a1', 'a2', 'a3'].map((t) => sender.send(1, 'sendMessage', { chat_id: 1, text: t }));
    done.push(sender.send(2, 'sendMessage', { chat_id: 2, text: 'b1' }));
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all(done);
    const a = api.calls.filter((c) => c.chat === '1');
    expect(a.map((c) => c.text)).toEqual(['a1', 'a2', 'a3']);
    expect(a[1]!.at - a[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(a[2]!.at - a[1]!.at).toBeGreaterThanOrEqual(1000);
    expect(api.calls.find((c) => c.chat === '2')!.at).toBe(a[0]!.at);
  });

  it('sends at most 20 messages a minute to one group, and at most 30 a second overall', async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    const all = [];
    for (let i = 0; i < 25; i++) all.push(sender.send(-5, 'sendMessage', { chat_id: -5, text: `g${i}` }));
    for (let c = 0; c < 60; c++) all.push(sender.send(c + 10, 'sendMessage', { chat_id: c + 10, text: `p${c}` }));
    await vi.advanceTimersByTimeAsync(3000);
    const group = api.calls.filter((c) => c.chat === '-5');
    expect(group.length).toBeLessThanOrEqual(20);
    await vi.advanceTimersByTimeAsync(120_000);
    await Promise.all(all);
    const times = api.calls.map((c) => c.at).sort((x, y) => x - y);
    for (let i = 30; i < times.length; i++) expect(times[i]! - times[i - 30]!).toBeGreaterThanOrEqual(1000);
    const g = api.calls.filter((c) => c.chat === '-5').map((c) => c.at);
    expect(g).toHaveLength(25);
    expect(g[20]! - g[0]!).toBeGreaterThanOrEqual(60_000);
  });

  it('never lets more than 30 messages a second (20 a minute to a group, 1 a second to a chat) reach Telegram, however late requests arrive', async () => {
    // Telegram counts a message when it arrives; a busy event loop or a slow network can delay that
    // until just before the answer. Here the first 30 calls take 1.5 s and later ones up to 2.5 s
    // or none, and each arrives at its end.
    const arrivals: Array<{ at: number; chat: string }> = [];
    let n = 0;
    const call = (_method: string, payload: Record<string, unknown>) => {
      const delay = n < 30 ? 1500 : [0, 0, 2500, 0, 1200, 700][n % 6]!;
      n++;
      return new Promise((resolve) =>
        setTimeout(() => {
          arrivals.push({ at: Date.now(), chat: String(payload.chat_id) });
          resolve({ message_id: n });
        }, delay),
      );
    };
    const sender = new Sender(call, { log: capture().log });
    const all = [];
    for (let g = 1; g <= 3; g++) for (let i = 0; i < 30; i++) all.push(sender.send(-g, 'sendMessage', { chat_id: -g, text: `g${i}` }));
    for (let c = 0; c < 150; c++) for (let i = 0; i < 2; i++) all.push(sender.send(c + 10, 'sendMessage', { chat_id: c + 10, text: `p${i}` }));
    await vi.advanceTimersByTimeAsync(300_000);
    expect((await Promise.allSettled(all)).filter((r) => r.status === 'fulfilled')).toHaveLength(3 * 30 + 300);
    const times = arrivals.map((a) => a.at).sort((x, y) => x - y);
    for (let i = 30; i < times.length; i++) expect(times[i]! - times[i - 30]!).toBeGreaterThanOrEqual(1000);
    const byChat = new Map<string, number[]>();
    for (const a of arrivals) byChat.set(a.chat, [...(byChat.get(a.chat) ?? []), a.at]);
    for (const [chat, at] of byChat) {
      at.sort((x, y) => x - y);
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(1000);
      if (chat.startsWith('-')) for (let i = 20; i < at.length; i++) expect(at[i]! - at[i - 20]!).toBeGreaterThanOrEqual(60_000);
    }
  });

  it("keeps a group's backlog to about a minute: messages beyond it are refused at once, not queued", async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    const results = Array.from({ length: 60 }, (_, i) =>
      sender.send(-5, 'sendMessage', { chat_id: -5, text: `g${i}` }).then(
        () => 'sent',
        (e: SendFailure) => e.kind,
      ),
    );
    const refusedAtOnce = await Promise.race([Promise.all(results.slice(40)), vi.advanceTimersByTimeAsync(0).then(() => 'still waiting')]);
    expect(refusedAtOnce).toEqual(Array(20).fill('over-budget'));
    await vi.advanceTimersByTimeAsync(180_000);
    expect((await Promise.all(results)).filter((r) => r === 'sent')).toHaveLength(40);
    expect(sender.stats.overBacklog).toBe(20);
    const g = api.calls.map((c) => c.at);
    // The last one accepted left a minute after the first (Telegram's group window) plus its pacing.
    expect(g[39]! - g[0]!).toBe(60_000 + 19 * 1000);
  });

  it('drops a waiting notice to make room for an answer, and refuses a notice the minute has no room for', async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    const kind = (p: Promise<unknown>) =>
      p.then(
        () => 'sent',
        (e: SendFailure) => e.kind,
      );
    const first = kind(sender.send(-5, 'sendMessage', { chat_id: -5, text: 'a0' }));
    const notice = kind(sender.send(-5, 'sendMessage', { chat_id: -5, text: 'slow down' }, { droppable: true }));
    const answers = Array.from({ length: 40 }, (_, i) => kind(sender.send(-5, 'sendMessage', { chat_id: -5, text: `a${i + 1}` })));
    const late = kind(sender.send(-5, 'sendMessage', { chat_id: -5, text: 'slow down' }, { droppable: true }));
    await vi.advanceTimersByTimeAsync(180_000);
    expect(await notice).toBe('over-budget');
    expect(await late).toBe('over-budget');
    expect(await first).toBe('sent');
    expect((await Promise.all(answers)).filter((r) => r === 'sent')).toHaveLength(39); // a1..a39; a40 had no room
    expect(api.calls.map((c) => c.text)).not.toContain('slow down');
  });

  it("on 429 waits retry_after, resends, and keeps the chat's order", async () => {
    const api = fakeApi((n) => (n === 0 ? telegramError(429, 'Too Many Requests: retry after 7', 7) : undefined));
    const { log, lines } = capture();
    const sender = new Sender(api.call, { log });
    const first = sender.send(1, 'sendMessage', { chat_id: 1, text: 'first' });
    const second = sender.send(1, 'sendMessage', { chat_id: 1, text: 'second' });
    await vi.advanceTimersByTimeAsync(6900);
    expect(api.delivered()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2000);
    await expect(first).resolves.toBeDefined();
    await vi.advanceTimersByTimeAsync(1000);
    await expect(second).resolves.toBeDefined();
    expect(api.calls.map((c) => [c.text, c.ok])).toEqual([
      ['first', false],
      ['first', true],
      ['second', true],
    ]);
    expect(api.calls[1]!.at - api.calls[0]!.at).toBe(7000);
    expect(lines.some((l) => l.retryAfterSeconds === 7)).toBe(true);
  });

  it('gives up on a message Telegram keeps refusing with 429 after 10 waits, logs it as an error, and stops resending', async () => {
    const api = fakeApi(() => telegramError(429, 'Too Many Requests: retry after 5', 5));
    const { log, lines } = capture();
    const sender = new Sender(api.call, { log });
    const result = sender.send(1, 'sendMessage', { chat_id: 1, text: 'x' }).catch((e: SendFailure) => e);
    const other = sender.send(2, 'sendMessage', { chat_id: 2, text: 'y' }).catch((e: SendFailure) => e);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(await result).toMatchObject({ kind: 'gave-up' });
    expect(await other).toMatchObject({ kind: 'gave-up' });
    const one = api.calls.filter((c) => c.chat === '1');
    expect(one).toHaveLength(11); // the first try + 10 after waiting
    expect(one[1]!.at - one[0]!.at).toBe(5000);
    const errors = lines.filter((l) => l.level === 50);
    expect(errors.map((l) => l.chat)).toEqual(['1', '2']);
    expect(errors[0]!.msg).toMatch(/rate-limited/);
    expect(sender.pending()).toBe(0);
    const calls = api.calls.length;
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(api.calls).toHaveLength(calls);
  });

  it('retries 5xx and network errors with growing backoff, then gives up and logs it', async () => {
    const network = Object.assign(
      new Error('request to http://127.0.0.1/bot123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789/sendMessage failed, reason: socket hang up'),
      { name: 'FetchError' },
    );
    let chatOneCalls = 0;
    const api = fakeApi((_n, chat) => (chat === '1' && chatOneCalls++ < 2 ? telegramError(502, 'Bad Gateway') : chat === '2' ? network : undefined));
    const { log, lines } = capture();
    const sender = new Sender(api.call, {
      log,
      maxRetries: 3,
      backoffMs: 100,
      rates: { perChatIntervalMs: 10 },
      secrets: ['123456:ABCdefGHIjklMNOpqrSTUvwxYZ0123456789'],
    });
    const ok = sender.send(1, 'sendMessage', { chat_id: 1, text: 'x' });
    const lost = sender.send(2, 'sendMessage', { chat_id: 2, text: 'y' });
    const lostResult = lost.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(ok).resolves.toBeDefined();
    const one = api.calls.filter((c) => c.chat === '1');
    expect(one.map((c) => c.ok)).toEqual([false, false, true]);
    expect([one[1]!.at - one[0]!.at, one[2]!.at - one[1]!.at]).toEqual([100, 200]);
    const err = (await lostResult) as SendFailure;
    expect(err).toBeInstanceOf(SendFailure);
    expect(err.kind).toBe('gave-up');
    expect(api.calls.filter((c) => c.chat === '2')).toHaveLength(4); // first try + 3 retries
    const errors = lines.filter((l) => l.level === 50);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(lines)).not.toContain('ABCdefGHIjklMNOpqrSTUvwxYZ0123456789');
  });

  it("on 403 drops that chat's pending replies, logs once, and keeps serving others", async () => {
    const api = fakeApi((_n, chat) => (chat === '1' ? telegramError(403, 'Forbidden: bot was blocked by the user') : undefined));
    const { log, lines } = capture();
    const sender = new Sender(api.call, { log });
    const blocked = [1, 2, 3].map((i) => sender.send(1, 'sendMessage', { chat_id: 1, text: `b${i}` }).catch((e: SendFailure) => e.kind));
    const other = sender.send(2, 'sendMessage', { chat_id: 2, text: 'fine' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(await Promise.all(blocked)).toEqual(['blocked', 'blocked', 'blocked']);
    await expect(other).resolves.toBeDefined();
    expect(api.calls.filter((c) => c.chat === '1')).toHaveLength(1);
    expect(lines.filter((l) => l.chat === '1')).toHaveLength(1);
    expect(sender.pending()).toBe(0);
  });

  it('does not resend a message Telegram rejected as a bad request', async () => {
    const api = fakeApi(() => telegramError(400, "Bad Request: can't parse entities"));
    const sender = new Sender(api.call, { log: capture().log });
    const r = sender.send(1, 'sendMessage', { chat_id: 1, text: '<b' }).catch((e: SendFailure) => e.kind);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await r).toBe('rejected');
    expect(api.calls).toHaveLength(1);
  });

  it('drain waits for queued replies, or reports the ones it could not send in time', async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    for (let i = 0; i < 3; i++) void sender.send(1, 'sendMessage', { chat_id: 1, text: `m${i}` });
    const short = sender.drain(500);
    await vi.advanceTimersByTimeAsync(600);
    expect(await short).toBe(false);
    const long = sender.drain(5000);
    await vi.advanceTimersByTimeAsync(3000);
    expect(await long).toBe(true);
    expect(api.delivered()).toHaveLength(3);
    sender.close();
    await expect(sender.send(1, 'sendMessage', { chat_id: 1, text: 'late' })).rejects.toMatchObject({ kind: 'closed' });
  });
});
