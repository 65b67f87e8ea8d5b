import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { UserFacingError } from '../errors.js';
import { redact } from '../log.js';
import { botCommands, botRuntime, createBot, type BotDeps, type BotOptions, type BotRuntime } from './bot.js';
import { REPLY_LANGUAGES } from '../replies/phrases/index.js';
import { proxyLabel, proxyRefusal } from './proxy.js';
import { proxySecrets } from '../config.js';
import type { Lease } from '../state/coordination.js';

export interface StartOptions extends BotOptions {
  /** Interface the webhook / health server listens on (default: `config.listenHost`). */
  host?: string;
  /** How long `stop` waits for in-flight answers and queued replies (default 10 s). */
  drainTimeoutMs?: number;
}

export interface RunningBot {
  stop(reason?: string): Promise<void>;
  /** Resolves when the bot is done: undefined once `stop` has drained, the error when polling died. Never rejects. */
  done: Promise<Error | undefined>;
  /** Port of the webhook or health server, when one runs. */
  port?: number;
}

/** Only the updates the bot acts on (my_chat_member: removed from a chat, which ends its subscriptions); edits and channel posts are never requested. */
const ALLOWED_UPDATES = ['message', 'callback_query', 'inline_query', 'my_chat_member'] as const;
const MAX_BODY = 1024 * 1024;

/** Constant-time comparison of the webhook secret header. */
export function secretMatches(got: string | string[] | undefined, expected: string): boolean {
  if (typeof got !== 'string') return false;
  const a = Buffer.from(got);
  const b = Buffer.from(expected);
  if (a.length !== b.length) {
    timingSafeEqual(b, b); // same work either way
    return false;
  }
  return timingSafeEqual(a, b);
}

/** Where Telegram should post updates: WEBHOOK_URL, with the path appended when the URL has none. */
export function webhookTarget(url: string, path: string): string {
  const u = new URL(url);
  return u.pathname === '/' || u.pathname === '' ? `${u.origin}${path.startsWith('/') ? path : `/${path}`}${u.search}` : url;
}

class BodyTooLarge extends Error {}

/** The request body as text; rejects with BodyTooLarge (and stops reading) past MAX_BODY bytes. */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) return void chunks.push(c);
      req.off('data', onData);
      req.pause();
      reject(new BodyTooLarge());
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

/**
 * Answers and closes the connection without reading the rest of the request: with
 * `Connection: close` Node ends the socket once the answer is written, so a refused client cannot
 * make the server take (or wait for) its upload.
 */
function refuse(res: http.ServerResponse, status: number, body: string): void {
  res.setHeader('connection', 'close');
  answer(res, status, body);
}

/** One line an operator can act on, naming the setting, instead of a listen() stack trace. */
function listenError(err: NodeJS.ErrnoException, setting: string, host: string, port: number): UserFacingError {
  switch (err.code) {
    case 'EADDRINUSE':
      return new UserFacingError(`${setting}: port ${port} on ${host} is already in use (another bot or server is listening there)`);
    case 'EACCES':
      return new UserFacingError(`${setting}: not allowed to listen on port ${port} (ports below 1024 need privileges)`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new UserFacingError(`WEBHOOK_HOST: ${host} is not an address of this machine`);
    default:
      return new UserFacingError(`${setting}: cannot listen on ${host}:${port}: ${err.message}`);
  }
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * Runs the bot: long polling, or a webhook server when `config.webhook` is set (with `GET /healthz`
 * on the same server). `stop` stops taking updates, lets in-flight answers and queued replies go out
 * within the drain bound, and resolves.
 */
export async function startBot(deps: BotDeps, options: StartOptions = {}): Promise<RunningBot> {
  const { config } = deps;
  const bot = createBot(deps, options);
  const runtime = botRuntime(bot);
  const secrets = [config.botToken ?? '', config.webhook?.secret ?? '', ...proxySecrets(config.telegramProxy)];
  const safe = (err: unknown) => redact(String((err as Error)?.message ?? err), secrets);
  const drainMs = options.drainTimeoutMs ?? 10_000;
  await connect(deps, bot, safe);
  await registerCommands(deps, bot, safe);

  const s: Session = { deps, bot, runtime, safe, running: true, polling: false, inFlight: new Set(), standby: new AbortController() };
  const host = options.host ?? config.listenHost;
  let markStopped: () => void = () => undefined;
  /** Resolves when stop() has finished (replies drained), so `done` never races the drain. */
  const stopped = new Promise<undefined>((resolve) => (markStopped = () => resolve(undefined)));
  const started = config.webhook ? await startWebhook(s, host, config.webhook, stopped) : await startPolling(s, host, stopped);
  const stop = stopper(s, started, drainMs, markStopped);
  return { stop, done: started.done, ...(started.server ? { port: (started.server.address() as AddressInfo).port } : {}) };
}

/** What the parts of a running bot share. */
interface Session {
  deps: BotDeps;
  bot: Telegraf;
  runtime: BotRuntime;
  /** An error's message with the token, the webhook secret and the proxy's password redacted. */
  safe: (err: unknown) => string;
  /** Whether updates are still taken: false once stop() began or polling died. */
  running: boolean;
  /** Whether this process is the one polling (replicas: only the polling lease's holder does). */
  polling: boolean;
  /** Webhook updates being handled. */
  inFlight: Set<Promise<unknown>>;
  /** Aborted by stop(): a replica waiting for the polling lease stops waiting. */
  standby: AbortController;
}

/** How the bot takes updates once started: its server (webhook, or health alone), and polling when it polls. */
interface Started {
  server: http.Server | undefined;
  done: Promise<Error | undefined>;
  /** Polling: settles when polling ends. */
  launched: Promise<void> | undefined;
}

/** Asks Telegram who the bot is (checking the token and the way there); a failure is a line naming the setting to fix. */
async function connect({ config, log }: BotDeps, bot: Telegraf, safe: (err: unknown) => string): Promise<void> {
  const via = config.telegramProxy ? ` through TELEGRAM_PROXY (${proxyLabel(config.telegramProxy)})` : '';
  try {
    bot.botInfo = await bot.telegram.getMe();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    const refused = proxyRefusal(bot.telegram.options.agent);
    if (refused) {
      const hint = refused.startsWith('407') ? ' (check the user and password in it)' : '';
      throw new UserFacingError(
        `TELEGRAM_PROXY: the proxy ${proxyLabel(config.telegramProxy!)} refused to connect to the Bot API: ${refused}${hint}`,
      );
    }
    throw new UserFacingError(
      code === 401 || code === 404
        ? 'BOT_TOKEN: Telegram rejected the token (check it with @BotFather)'
        : `Could not reach the Telegram Bot API${via}: ${safe(err)}`,
    );
  }
  if (config.telegramProxy) log.info({ proxy: proxyLabel(config.telegramProxy) }, 'Bot API requests go through TELEGRAM_PROXY');
}

/**
 * The menu in English for everyone, and in each language the bot speaks for readers whose app is
 * set to it (Telegram picks by the reader's language_code). A failure is logged, not fatal.
 */
async function registerCommands({ log }: BotDeps, bot: Telegraf, safe: (err: unknown) => string): Promise<void> {
  await Promise.all([
    bot.telegram.setMyCommands(botCommands()),
    ...REPLY_LANGUAGES.filter((l) => l !== 'en').map((language_code) => bot.telegram.setMyCommands(botCommands(language_code), { language_code })),
  ]).catch((err: unknown) => log.warn({ error: safe(err) }, 'could not register the command menu (setMyCommands); continuing'));
}

/** What GET /healthz answers: 200 while the bot runs with an index (and its databases answer), else 503. */
async function health(s: Session): Promise<{ status: number; body: string }> {
  const { deps } = s;
  const articles = deps.articles().length;
  const extra = await deps.health?.();
  const body = {
    ok: articles > 0 && s.running && (extra?.healthy ?? true),
    indexLoaded: articles > 0,
    articles,
    botRunning: s.running,
    pendingReplies: s.runtime.sender.pending(),
    // Replicas in polling mode: whether this one holds the polling lease (the others stand by).
    ...(deps.coordination && !deps.config.webhook ? { polling: s.polling } : {}),
    ...extra?.report,
  };
  return { status: body.ok ? 200 : 503, body: JSON.stringify(body) };
}

/** `continueExpected`: the client sent `Expect: 100-continue` and waits for our go before the body. */
async function handle(s: Session, req: http.IncomingMessage, res: http.ServerResponse, webhookPath: string | undefined, continueExpected: boolean) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
    const h = await health(s);
    return answer(res, h.status, h.body);
  }
  if (webhookPath === undefined || url.pathname !== webhookPath) return refuse(res, 404, '{"error":"not found"}');
  if (req.method !== 'POST') return refuse(res, 405, '{"error":"method not allowed"}');
  // Checked before the body is read: a request without the secret never reaches a handler.
  if (!secretMatches(req.headers['x-telegram-bot-api-secret-token'], s.deps.config.webhook!.secret)) {
    return refuse(res, 403, '{"error":"forbidden"}');
  }
  if (!s.running) return refuse(res, 503, '{"error":"shutting down"}'); // Telegram delivers it again later
  if (Number(req.headers['content-length']) > MAX_BODY) return refuse(res, 413, '{"error":"update too large"}');
  if (continueExpected) res.writeContinue();
  let update: Update;
  try {
    update = JSON.parse(await readBody(req)) as Update;
    if (typeof update !== 'object' || update === null || typeof update.update_id !== 'number') throw new Error('not an update');
  } catch (err) {
    if (err instanceof BodyTooLarge) return refuse(res, 413, '{"error":"update too large"}');
    return answer(res, 400, '{"error":"bad update"}');
  }
  const work = s.bot.handleUpdate(update).catch((err: unknown) => s.deps.log.error({ error: s.safe(err) }, 'webhook update failed'));
  s.inFlight.add(work);
  await work;
  s.inFlight.delete(work);
  // Not taken (the shared ledger was unreachable): Telegram delivers it again later.
  if (s.runtime.unclaimed.has(update)) return answer(res, 503, '{"error":"try again"}');
  answer(res, 200, '{}');
}

/** The webhook / health server, listening; a failure to listen is a line naming `setting`. */
function listen(s: Session, host: string, setting: string, port: number, webhookPath: string | undefined): Promise<http.Server> {
  return new Promise<http.Server>((resolve, reject) => {
    const serve = (continueExpected: boolean) => (req: http.IncomingMessage, res: http.ServerResponse) => {
      handle(s, req, res, webhookPath, continueExpected).catch((err: unknown) => {
        s.deps.log.error({ error: s.safe(err) }, 'webhook request failed');
        if (!res.headersSent) res.writeHead(500).end();
      });
    };
    // With a 'checkContinue' listener Node no longer says "100 Continue" by itself: a refused
    // client that asked first is answered before it sends any of its body.
    const server = http.createServer(serve(false)).on('checkContinue', serve(true));
    server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, setting, host, port)));
    server.listen(port, host, () => resolve(server));
  });
}

const launch = (bot: Telegraf) => bot.launch({ allowedUpdates: [...ALLOWED_UPDATES], dropPendingUpdates: false });

/**
 * Replicas: long-polls only while holding the lease, so exactly one replica polls; the others wait
 * for it. A holder that loses its lease (its database connection died) stops polling at once and
 * queues for the lease again. Resolves when stop() ends it; rejects when polling itself fails.
 */
async function pollWhileHolding(s: Session, lease: Lease): Promise<void> {
  const { bot, deps } = s;
  try {
    while (s.running) {
      if (!(await lease.acquire(s.standby.signal))) return;
      if (!s.running) return;
      let lost = false;
      const onLost = new Promise<void>((resolve) =>
        lease.onLost(() => {
          lost = true;
          resolve();
        }),
      );
      deps.log.info('took the polling lease: this replica polls');
      s.polling = true;
      const poll = launch(bot);
      try {
        await Promise.race([poll, onLost]);
      } catch (err) {
        // A 409 (another replica polls) is a handover this replica had not noticed yet, not a failure.
        if (!lost && (err as { code?: unknown }).code !== 409) throw err;
        lost = true;
        await lease.release();
      } finally {
        s.polling = false;
      }
      if (!lost) return;
      deps.log.warn('lost the polling lease (database connection ended): polling stopped, waiting to take it again');
      try {
        bot.stop('polling lease lost');
      } catch {
        // polling already ended
      }
      await poll.catch(() => undefined);
    }
  } finally {
    await lease.release();
  }
}

/** The webhook server, listening, with Telegram told to post there; done once stop() has drained. */
async function startWebhook(
  s: Session,
  host: string,
  webhook: NonNullable<BotDeps['config']['webhook']>,
  stopped: Promise<undefined>,
): Promise<Started> {
  const server = await listen(s, host, 'WEBHOOK_PORT', webhook.port, webhook.path);
  try {
    await s.bot.telegram.setWebhook(webhookTarget(webhook.url, webhook.path), {
      secret_token: webhook.secret,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  } catch (err) {
    server.close();
    throw new UserFacingError(`WEBHOOK_URL: Telegram did not accept the webhook: ${s.safe(err)}`);
  }
  s.deps.log.info({ host, port: (server.address() as AddressInfo).port, path: webhook.path }, 'bot running with a webhook');
  return { server, done: stopped, launched: undefined };
}

/** Long polling (replicas: while holding the polling lease), with the health server when HEALTH_PORT is set. */
async function startPolling(s: Session, host: string, stopped: Promise<undefined>): Promise<Started> {
  const { deps, bot } = s;
  const server = deps.config.healthPort !== undefined ? await listen(s, host, 'HEALTH_PORT', deps.config.healthPort, undefined) : undefined;
  const lease = deps.coordination?.lease('polling');
  // launch() only resolves when polling ends, so it is not awaited here.
  const launched = lease ? pollWhileHolding(s, lease) : launch(bot);
  const done = launched.then(
    // Polling ends normally only through stop(): report that once stop has finished draining.
    () => stopped,
    (err: unknown) => {
      s.running = false;
      deps.log.fatal({ error: s.safe(err) }, 'long polling stopped: no more updates will arrive');
      return err instanceof Error ? new Error(s.safe(err)) : new Error('polling failed');
    },
  );
  deps.log.info({ username: bot.botInfo!.username }, lease ? 'bot running; polls while it holds the polling lease' : 'bot running with long polling');
  return { server, done, launched };
}

/** `stop`: takes no more updates, lets in-flight answers and queued replies go out within `drainMs`, then closes (once, however often called). */
function stopper(s: Session, { server, launched }: Started, drainMs: number, markStopped: () => void): (reason?: string) => Promise<void> {
  const { bot, runtime, deps } = s;
  let stopping: Promise<void> | undefined;
  return (reason = 'stop') =>
    (stopping ??= (async () => {
      const deadline = Date.now() + drainMs;
      s.running = false;
      s.standby.abort();
      deps.log.info({ reason }, 'stopping: no new updates, finishing replies');
      if (launched) {
        try {
          bot.stop(reason);
        } catch {
          // polling already ended
        }
        await Promise.race([launched.catch(() => undefined), delay(drainMs)]);
      }
      if (server) {
        server.close();
        server.closeIdleConnections();
      }
      await Promise.race([Promise.allSettled([...s.inFlight, ...runtime.tasks]), delay(Math.max(0, deadline - Date.now()))]);
      const drained = await runtime.sender.drain(Math.max(0, deadline - Date.now()));
      if (!drained) deps.log.warn({ unsent: runtime.sender.pending() }, 'shutdown bound reached; some replies were not sent');
      // Work the sent replies started (keeping an answer's page for its buttons) finishes before the store closes.
      await Promise.race([Promise.allSettled([...runtime.tasks]), delay(Math.max(0, deadline - Date.now()))]);
      runtime.sender.close();
      await runtime.dispose();
      server?.closeAllConnections();
      deps.log.info('bot stopped');
      markStopped();
    })());
}
