import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Sender } from '../../src/bot/send.js';
import { capture, fakeApi } from './send-fakes.js';

// What replicas behind a webhook need from the send queue (shared-sends.ts): another replica's
// recent messages to a chat count against its limits here, each call waits for the bot's shared
// send slot, each answered message is told, and a chat's queue says when it is empty.

describe('Sender with replicas', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("waits a second after another replica's last message to the chat before sending the next", async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    sender.seed(5, [200]); // answered 200 ms ago, elsewhere
    void sender.send(5, 'sendMessage', { chat_id: 5, text: 'next' });
    await vi.advanceTimersByTimeAsync(700);
    expect(api.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(api.calls.map((c) => [c.text, c.at - 1_000_000])).toEqual([['next', 800]]);
  });

  it("counts a group's messages of the last minute sent by other replicas against its 20", async () => {
    const api = fakeApi();
    const sender = new Sender(api.call, { log: capture().log });
    // 20 messages, the oldest 50 s ago: the next may go 10 s from now, when that one leaves the minute.
    sender.seed(
      -7,
      Array.from({ length: 20 }, (_, i) => 50_000 - i * 2_000),
    );
    void sender.send(-7, 'sendMessage', { chat_id: -7, text: 'twenty-first' });
    await vi.advanceTimersByTimeAsync(9_900);
    expect(api.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(api.calls.map((c) => c.text)).toEqual(['twenty-first']);
  });

  it('calls Telegram only once the shared slot is given, tells each answered message, and says when a chat is idle', async () => {
    const api = fakeApi();
    const answered: string[] = [];
    let open!: () => void;
    const sender = new Sender(api.call, {
      log: capture().log,
      beforeCall: () => new Promise<void>((r) => (open = r)),
      onAnswered: (chat) => answered.push(chat),
    });
    let idle = false;
    void sender.send(9, 'sendMessage', { chat_id: 9, text: 'hello' });
    void sender.chatIdle(9).then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(api.calls).toHaveLength(0);
    expect(idle).toBe(false);
    open();
    await vi.advanceTimersByTimeAsync(0);
    expect(api.calls.map((c) => c.text)).toEqual(['hello']);
    expect(answered).toEqual(['9']);
    expect(idle).toBe(true);
    await expect(sender.chatIdle(10)).resolves.toBeUndefined(); // nothing queued there
  });
});
