import { TelegramError } from 'telegraf';
import { createLogger } from '../../src/log.js';

/** A logger at debug level whose lines are kept, parsed, for assertions. */
export function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const log = createLogger({ level: 'debug', destination: { write: (l: string) => lines.push(JSON.parse(l)) } as unknown as NodeJS.WritableStream });
  return { log, lines };
}

export const telegramError = (code: number, description: string, retryAfter?: number) =>
  new TelegramError({ error_code: code, description, ...(retryAfter ? { parameters: { retry_after: retryAfter } } : {}) });

/** A fake Bot API: records each call's time; `script` returns what a call throws, or undefined to succeed. */
export function fakeApi(script: (n: number, chat: string, text: string) => unknown = () => undefined) {
  const calls: Array<{ at: number; chat: string; text: string; ok: boolean }> = [];
  const call = async (_method: string, payload: Record<string, unknown>) => {
    const chat = String(payload.chat_id);
    const text = String(payload.text);
    const err = script(calls.length, chat, text);
    calls.push({ at: Date.now(), chat, text, ok: err === undefined });
    await Promise.resolve();
    if (err !== undefined) throw err;
    return { message_id: calls.length };
  };
  return { calls, call, delivered: () => calls.filter((c) => c.ok) };
}
