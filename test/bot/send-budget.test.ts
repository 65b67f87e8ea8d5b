import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sender, SendFailure } from '../../src/bot/send.js';
import { capture, fakeApi } from './send-fakes.js';

// The send queue over time: a chat's pacing and a group's minute outlast a quiet spell, the backlog
// counts what a group sent in the last minute, notices go out when there is room, and idle chats
// are forgotten. send.test.ts queues everything at once, so it never sees a queue go idle.

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'sent',
    (e: SendFailure) => e.kind,
  );

const T0 = 1_000_000;

/** What each promise has settled to so far (undefined while pending), so a stuck message fails an assertion instead of hanging the test. */
function track(ps: Array<Promise<string>>): Array<string | undefined> {
  const out: Array<string | undefined> = ps.map(() => undefined);
  ps.forEach((p, i) => void p.then((k) => (out[i] = k)));
  return out;
}

function setup(options: Partial<ConstructorParameters<typeof Sender>[1]> = {}) {
  const api = fakeApi();
  const sender = new Sender(api.call, { log: capture().log, ...options });
  const at = (chat: string) => api.calls.filter((c) => c.chat === chat).map((c) => c.at - T0);
  const send = (chat: number | string, text: string, droppable = false) =>
    kindOf(sender.send(chat, 'sendMessage', { chat_id: chat, text }, { droppable }));
  const burst = (chat: number | string, n: number, prefix = 'm') => Array.from({ length: n }, (_, i) => send(chat, `${prefix}${i}`));
  return { api, sender, at, send, burst };
}

describe('Sender budgets over time', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a chat answered a moment ago still waits its second before the next message', async () => {
    const { at, send } = setup();
    await send(1, 'first');
    await vi.advanceTimersByTimeAsync(200);
    const next = track([send(1, 'second')]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(next).toEqual(['sent']);
    expect(at('1')).toEqual([0, 1000]);
  });

  it("a group's 21st message waits for the first to leave the minute, even after a quiet spell", async () => {
    const { at, send, burst } = setup();
    await Promise.all([...burst(-5, 20), vi.advanceTimersByTimeAsync(22_000)]);
    expect(at('-5')).toHaveLength(20);
    await send(1, 'another chat'); // the queue runs while the group is idle
    await vi.advanceTimersByTimeAsync(3000);
    const late = track([send(-5, 'late')]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(late).toEqual(['sent']);
    expect(at('-5')[20]).toBe(60_000);
  });

  it('a group that sent 20 messages within the minute accepts only 20 more; after a quiet spell, a notice again', async () => {
    const { send, burst } = setup();
    await Promise.all([...burst(-5, 20, 'a'), vi.advanceTimersByTimeAsync(25_000)]);
    const second = track(burst(-5, 40, 'b'));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(second.filter((k) => k === 'sent')).toHaveLength(20);
    expect(second.filter((k) => k === 'over-budget')).toHaveLength(20);

    // Nothing has been sent for minutes: a notice, which must fit in the group's minute, goes out.
    const notice = track([send(-5, 'slow down', true)]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(notice).toEqual(['sent']);
  });

  it('with timeScale 0.01 the group minute is 600 ms and the global second 10 ms, for pacing and for the backlog', async () => {
    const { at, send, burst } = setup({ rates: { timeScale: 0.01, perChatIntervalMs: 10 } });
    const all = track([...burst(-5, 21, 'g'), ...Array.from({ length: 31 }, (_, c) => burst(100 + c, 1)).flat()]);
    await vi.advanceTimersByTimeAsync(2000);
    expect(all).toEqual(Array(52).fill('sent'));
    expect(at('-5')[20]! - at('-5')[0]!).toBe(600);
    // 30 messages a "second": the group's first and 29 chats go at once, the last two chats 10 ms later.
    expect(Array.from({ length: 31 }, (_, c) => at(String(100 + c))[0]!)).toEqual([...Array(29).fill(0), 10, 10]);

    // A second later the group's last "minute" is long over: a notice fits again.
    await vi.advanceTimersByTimeAsync(1000);
    const notice = track([send(-5, 'slow down', true)]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(notice).toEqual(['sent']);
  });

  it('a message over the global limit goes as soon as the oldest answer of the last second leaves it, woken once', async () => {
    // The clock counts wake-ups: waiting at the limit must not turn into polling.
    let wakeUps = 0;
    const clock = {
      now: () => Date.now(),
      setTimeout: (fn: () => void, ms: number) => (wakeUps++, setTimeout(fn, ms)),
      clearTimeout: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>),
    };
    const { at, burst } = setup({ clock });
    await Promise.all([...Array.from({ length: 15 }, (_, c) => burst(100 + c, 1)).flat(), vi.advanceTimersByTimeAsync(500)]);
    await Promise.all([...Array.from({ length: 15 }, (_, c) => burst(200 + c, 1)).flat(), vi.advanceTimersByTimeAsync(100)]);
    wakeUps = 0;
    const over = track(burst(300, 1));
    await vi.advanceTimersByTimeAsync(2000);
    expect(over).toEqual(['sent']);
    expect(wakeUps).toBe(1);
    expect(at('300')).toEqual([1000]);
  });

  it('sends a "slow down" notice when the chat has room for it', async () => {
    const { api, send } = setup();
    const answer = send(-5, 'answer');
    const notice = send(-5, 'slow down', true);
    await vi.advanceTimersByTimeAsync(5000);
    expect([await answer, await notice]).toEqual(['sent', 'sent']);
    expect(api.calls.map((c) => c.text)).toEqual(['answer', 'slow down']);
  });

  it('an answer that pushes a waiting notice out is itself sent, the next is refused, and stats and drain count them', async () => {
    const { api, sender, send } = setup({ maxBacklog: 3 });
    // a0 goes at once; the notice, a1 and a2 fill the three places; a3 pushes the notice out; a4 finds no room.
    const results = track([send(9, 'a0'), send(9, 'notice', true), send(9, 'a1'), send(9, 'a2'), send(9, 'a3'), send(9, 'a4')]);
    expect(sender.pending()).toBe(4);
    expect(sender.stats.overBacklog).toBe(2);
    const drained = track([sender.drain(10_000).then(String)]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(drained).toEqual(['true']);
    expect(results).toEqual(['sent', 'over-budget', 'sent', 'sent', 'sent', 'over-budget']);
    expect(api.calls.map((c) => c.text)).toEqual(['a0', 'a1', 'a2', 'a3']);
  });

  it('a drain that times out leaves another drain waiting, which answers true once the queue empties', async () => {
    const { sender, burst } = setup();
    void burst(1, 3);
    const [short, long] = [sender.drain(500), sender.drain(10_000)].map((p) => track([p.then(String)]));
    await vi.advanceTimersByTimeAsync(600);
    expect(short).toEqual(['false']);
    expect(long).toEqual([undefined]);
    await vi.advanceTimersByTimeAsync(1500); // the third message leaves at 2 s
    expect(long).toEqual(['true']);
  });

  it('forgets chats once their pacing and minute no longer matter, so memory stays flat with many chats', async () => {
    const { sender, burst } = setup();
    // Memory is the guarantee here, and the chat table is where it would grow: read it directly.
    const tracked = () => (sender as unknown as { chats: Map<string, unknown> }).chats.size;
    await Promise.all([...Array.from({ length: 100 }, (_, c) => burst(1000 + c, 1)).flat(), ...burst(-5, 1), vi.advanceTimersByTimeAsync(5000)]);
    expect(tracked()).toBeGreaterThan(1);
    // Chats are swept when the queue next runs: private ones after their second, groups after their minute.
    await Promise.all([...burst(7, 1), vi.advanceTimersByTimeAsync(5000)]);
    expect(tracked()).toBe(2); // the group (its minute is not over) and chat 7
    await vi.advanceTimersByTimeAsync(60_000);
    await Promise.all([...burst(8, 1), vi.advanceTimersByTimeAsync(5000)]);
    expect(tracked()).toBe(1);
  });
});
