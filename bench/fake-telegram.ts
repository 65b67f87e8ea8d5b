import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SendRates } from '../src/bot/send.js';
import { seededRandom } from './typos.js';

/**
 * A small Bot API server for load and fault runs (telegram-test-api cannot enforce flood limits or
 * inject faults). It speaks the methods the bot uses, hands out updates by long polling with real
 * `offset` semantics, enforces Telegram-like flood limits (answering 429 + retry_after and counting
 * each violation), and can fail a share of send calls on purpose: 429, 500, a dropped connection
 * (before the call is applied, as when a request never reaches Telegram) or a slow answer.
 * Loopback only.
 */

/** The limits it enforces: the same shape as the bot's send rates (timeScale 0.1 = ten times faster). */
export type FloodLimits = SendRates;

export interface Faults {
  /** Shares (0..1) of send calls answered with each fault. */
  tooManyRequests?: number;
  serverError?: number;
  dropConnection?: number;
  slow?: number;
  slowMs?: number;
  retryAfterSeconds?: number;
  /** Seed for the deterministic fault sequence. */
  seed?: number;
}

/**
 * The emulator's clock, read when a send call arrives, which is when Telegram counts it. It must be
 * the bot's clock (the default, Date.now) for flood counts to mean anything: every arrival then lies
 * between the bot's start of the call and its reading of the answer, so no tolerance is needed
 * however much a busy machine delays requests. A frozen clock makes a burst arrive "at once".
 */
export type ArrivalClock = () => number;

export interface Delivered {
  chatId: number;
  messageId: number;
  replyTo: number | undefined;
  text: string;
  at: number;
}

const SEND_METHODS = new Set(['sendMessage', 'editMessageText']);

export class FakeTelegram {
  readonly delivered: Delivered[] = [];
  readonly edits: Delivered[] = [];
  readonly floodReasons = { chat: 0, group: 0, global: 0 };
  readonly counts = { floodErrors: 0, tooManyRequests: 0, serverError: 0, dropConnection: 0, slow: 0, calls: 0 };
  readonly bot = { id: 4242, is_bot: true, first_name: 'News', username: 'LoadTestBot' };
  private updates: Array<Record<string, unknown> & { update_id: number }> = [];
  private nextUpdateId = 1;
  private nextMessageId = 1;
  private waiters = new Set<() => void>();
  private server: http.Server | undefined;
  private chatSends = new Map<number, number[]>();
  private globalSends: number[] = [];
  private random: () => number;
  /** Whether to inject faults at all (off while a test sets up, on for the run). */
  faultsOn = true;

  constructor(
    readonly limits: FloodLimits,
    readonly faults: Faults = {},
    private readonly clock: ArrivalClock = Date.now,
  ) {
    this.random = seededRandom(faults.seed ?? 1); // a fault run is reproducible
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.route(req, res));
    this.server.keepAliveTimeout = 1000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const w of this.waiters) w();
    await new Promise((r) => this.server?.close(r));
    this.server?.closeAllConnections();
  }

  /** Queues an incoming message for getUpdates; returns its message_id. */
  userMessage(chatId: number, fromId: number, text: string, extra: Record<string, unknown> = {}): number {
    const update = this.incoming(chatId, fromId, text, extra);
    this.updates.push(update);
    for (const w of [...this.waiters]) w();
    return update.message.message_id;
  }

  /** A new incoming message as an update (its own update_id and message_id), for a webhook to be given. */
  incoming(
    chatId: number,
    fromId: number,
    text: string,
    extra: Record<string, unknown> = {},
  ): { update_id: number; message: Record<string, unknown> & { message_id: number } } {
    const messageId = this.nextMessageId++;
    const chat = chatId > 0 ? { id: chatId, type: 'private', first_name: `U${chatId}` } : { id: chatId, type: 'supergroup', title: `G${chatId}` };
    const entities: unknown[] = [];
    const command = /^\/\S+/.exec(text);
    if (command) entities.push({ type: 'bot_command', offset: 0, length: command[0].length });
    for (const m of text.matchAll(/@\w+/g)) entities.push({ type: 'mention', offset: m.index, length: m[0].length });
    const message = {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat,
      from: { id: fromId, is_bot: false, first_name: `U${fromId}` },
      text,
      ...(entities.length ? { entities } : {}),
      ...extra,
    };
    return { update_id: this.nextUpdateId++, message };
  }

  private json(res: http.ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  /** Flood check for one message to `chatId`; returns retry_after seconds when over a limit. */
  private flood(chatId: number, now: number): number | undefined {
    const { perChatIntervalMs, groupPerMinute, globalPerSecond, timeScale } = this.limits;
    const minute = 60_000 * timeScale;
    const second = 1000 * timeScale;
    const sends = (this.chatSends.get(chatId) ?? []).filter((t) => t > now - minute);
    const last = sends[sends.length - 1];
    const global = this.globalSends.filter((t) => t > now - second);
    this.globalSends = global;
    let over = false;
    if (last !== undefined && now - last < perChatIntervalMs) over = !!++this.floodReasons.chat;
    else if (chatId < 0 && sends.length >= groupPerMinute) over = !!++this.floodReasons.group;
    else if (global.length >= globalPerSecond) over = !!++this.floodReasons.global;
    if (over) return 1;
    sends.push(now);
    this.chatSends.set(chatId, sends);
    this.globalSends.push(now);
    return undefined;
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse) {
    const method = /^\/bot[^/]+\/(\w+)$/.exec(req.url ?? '')?.[1] ?? '';
    this.counts.calls++;
    if (SEND_METHODS.has(method) && this.faultsOn) {
      const f = this.faults;
      const r = this.random();
      let edge = f.dropConnection ?? 0;
      if (r < edge) {
        this.counts.dropConnection++;
        req.socket.destroy();
        return;
      }
      if (r < (edge += f.serverError ?? 0)) {
        this.counts.serverError++;
        req.resume();
        return this.json(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      }
      if (r < (edge += f.tooManyRequests ?? 0)) {
        this.counts.tooManyRequests++;
        req.resume();
        const after = f.retryAfterSeconds ?? 1;
        return this.json(res, 429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${after}`,
          parameters: { retry_after: after },
        });
      }
      if (r < (edge += f.slow ?? 0)) {
        this.counts.slow++;
        await new Promise((done) => setTimeout(done, f.slowMs ?? 300));
      }
    }
    let body: Record<string, any> = {};
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks).toString('utf8');
      body = raw ? (JSON.parse(raw) as Record<string, any>) : {};
    } catch {
      return this.json(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
    }
    switch (method) {
      case 'getMe':
        return this.json(res, 200, { ok: true, result: this.bot });
      case 'getUpdates':
        return this.getUpdates(body, res);
      case 'sendMessage':
      case 'editMessageText': {
        const chatId = Number(body.chat_id);
        const now = this.clock();
        const retryAfter = this.flood(chatId, now);
        if (retryAfter !== undefined) {
          this.counts.floodErrors++;
          return this.json(res, 429, {
            ok: false,
            error_code: 429,
            description: `Too Many Requests: retry after ${retryAfter}`,
            parameters: { retry_after: retryAfter },
          });
        }
        const messageId = method === 'sendMessage' ? this.nextMessageId++ : Number(body.message_id);
        const record = { chatId, messageId, replyTo: body.reply_parameters?.message_id as number | undefined, text: String(body.text), at: now };
        (method === 'sendMessage' ? this.delivered : this.edits).push(record);
        return this.json(res, 200, {
          ok: true,
          result: {
            message_id: messageId,
            date: Math.floor(now / 1000),
            chat: { id: chatId, type: chatId > 0 ? 'private' : 'supergroup' },
            from: this.bot,
            text: record.text,
          },
        });
      }
      case 'setMyCommands':
      case 'deleteWebhook':
      case 'setWebhook':
      case 'answerCallbackQuery':
      case 'answerInlineQuery':
      case 'sendChatAction':
        return this.json(res, 200, { ok: true, result: true });
      default:
        return this.json(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    }
  }

  /** getUpdates calls open now, and how many arrived while another was open (Telegram answers those 409 Conflict). */
  private openPolls = 0;
  overlappingPolls = 0;

  private getUpdates(body: Record<string, any>, res: http.ServerResponse) {
    if (this.openPolls > 0) this.overlappingPolls++;
    this.openPolls++;
    res.once('close', () => this.openPolls--);
    const offset = Number(body.offset ?? 0);
    if (offset > 0) this.updates = this.updates.filter((u) => u.update_id >= offset);
    const limit = Math.min(100, Number(body.limit ?? 100));
    const reply = () => this.json(res, 200, { ok: true, result: this.updates.slice(0, limit) });
    if (this.updates.length > 0 || Number(body.timeout ?? 0) === 0) return reply();
    const done = () => {
      clearTimeout(timer);
      this.waiters.delete(done);
      if (!res.writableEnded && !res.destroyed) reply();
    };
    const timer = setTimeout(done, 500);
    this.waiters.add(done);
    res.on('close', () => {
      clearTimeout(timer);
      this.waiters.delete(done);
    });
  }
}
