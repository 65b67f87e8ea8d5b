import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TELEGRAM_RATES } from '../src/bot/send.js';
import { FakeTelegram } from './fake-telegram.js';
import { throwawayCluster, type ThrowawayCluster } from './throwaway-cluster.js';
import { seededRandom } from './typos.js';
import { freePort } from './free-port.js';

/**
 * The fault run of issue 17: three compiled bots (`node dist/main.js`, webhook mode) share one
 * PostgreSQL of their own (a throwaway cluster) and one fake Bot API that enforces Telegram's flood
 * limits at real speed. Questions come from many chats, each chat's few in quick succession and to
 * different replicas; a share is delivered twice at once (to two replicas); one replica is killed
 * with SIGKILL and started again, and PostgreSQL is stopped and started again. Delivery is
 * Telegram's: an update is delivered again (to the next replica, after `retryMs`) until one answers
 * 200. Used by `npm run bench:faults` and by test/e2e/faults.e2e.test.ts.
 */
export interface FaultPlan {
  questions: number;
  chats: number;
  /** Share of questions also delivered, at the same moment, to another replica. */
  duplicateShare: number;
  /** Between two questions. */
  gapMs: number;
  /** The replica killed (SIGKILL) when this question is due, and started again `restartReplicaMs` later. */
  killAt: number;
  restartReplicaMs: number;
  /** PostgreSQL stopped when this question is due, and started again `databaseDownMs` later. */
  databaseRestartAt: number;
  databaseDownMs: number;
  seed: number;
}

export interface FaultReport {
  questions: number;
  /** Webhook posts, duplicates and deliveries again included. */
  deliveries: number;
  /** Questions with a reply. */
  answered: number;
  /** Replies beyond the first to a question. */
  duplicates: number;
  /** Replies that reached their chat before the reply to an earlier question of that chat. */
  outOfOrder: number;
  /** Questions never answered. */
  lost: number;
  floodErrors: number;
  /** The limit each flood error broke. */
  floodReasons: { chat: number; group: number; global: number };
  /** Deliveries answered 503 (database unreachable) or cut off (replica killed, connection refused). */
  refused: number;
  cutOff: number;
  /** From each fault until every question refused or cut off since it was answered (ms). */
  recoveryKillMs: number | undefined;
  recoveryDatabaseMs: number | undefined;
  durationMs: number;
}

export interface FaultOptions {
  /** The project folder (dist/main.js, test/fixtures/news). */
  root: string;
  /** Bound on the whole run, after which the missing answers count as lost. */
  boundMs?: number;
  retryMs?: number;
  progress?: (line: string) => void;
}

const TOKEN = '123456789:AAfaultRunTokenNotARealOne_abcdefghijk';
const SECRET = 'fault-run-webhook-secret';
const QUESTIONS = [
  'How many homes lost electricity in the storm?',
  'What happened to the tram?',
  'What were the results of Lumatech?',
  'Who approved the budget for the tram line?',
  'what is the weather on mars tomorrow?',
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One bot process on its own port; `start` again after a kill starts a new process on the same port. */
class Replica {
  proc: ChildProcess | undefined;
  exited: Promise<unknown> = Promise.resolve();
  log = '';
  private readonly dir = mkdtempSync(path.join(os.tmpdir(), 'fault-replica-'));

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly root: string,
  ) {}

  /** Starts the process, and again (as a process manager would) while it exits at start, e.g. with the database away. */
  async start(boundMs: number): Promise<void> {
    const end = Date.now() + boundMs;
    for (;;) {
      try {
        return await this.startOnce(end);
      } catch (err) {
        if (Date.now() > end) throw err;
        await sleep(1000);
      }
    }
  }

  private async startOnce(end: number): Promise<void> {
    const proc = spawn(process.execPath, [path.join(this.root, 'dist/main.js')], {
      cwd: this.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...this.env,
        INDEX_CACHE_DIR: path.join(this.dir, 'cache'),
        WEBHOOK_URL: `http://127.0.0.1:${this.port}/telegram`,
        WEBHOOK_PORT: String(this.port),
      },
    });
    this.proc = proc;
    this.exited = new Promise((resolve) => proc.on('exit', resolve));
    // The last 64 KB, for a failure's message.
    const keep = (c: Buffer) => (this.log = (this.log + c.toString()).slice(-65_536));
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    while (Date.now() < end) {
      if (proc.exitCode !== null) throw new Error(`a replica exited at start:\n${this.log}`);
      const ok = await fetch(`http://127.0.0.1:${this.port}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await sleep(100);
    }
    throw new Error(`a replica did not start in time:\n${this.log}`);
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    this.proc?.kill(signal);
    await this.exited;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

interface Question {
  chatId: number;
  messageId: number;
  update: { update_id: number };
  replica: number;
  duplicate: boolean;
  /** When a delivery of it failed (503 or cut off). */
  failedAt: number[];
  /** When it was first delivered, and acknowledged (200). */
  firstAt?: number;
  ackedAt?: number;
}

/** `count` questions from `chats` chats (a quarter of them groups), each chat's in a row. */
function planQuestions(fake: FakeTelegram, plan: FaultPlan): Question[] {
  const random = seededRandom(plan.seed);
  const out: Question[] = [];
  const perChat = Math.ceil(plan.questions / plan.chats);
  for (let c = 0; out.length < plan.questions; c++) {
    const group = c % 4 === 3;
    const chatId = group ? -(1_000_000 + c) : 1_000 + c;
    for (let k = 0; k < perChat && out.length < plan.questions; k++) {
      const text = QUESTIONS[Math.floor(random() * QUESTIONS.length)]!;
      const update = fake.incoming(chatId, 1_000 + c, group ? `@${fake.bot.username} ${text}` : text);
      // Consecutive questions of a chat go to different replicas.
      out.push({
        chatId,
        messageId: update.message.message_id,
        update,
        replica: out.length % 3,
        duplicate: random() < plan.duplicateShare,
        failedAt: [],
      });
    }
  }
  return out;
}

export async function runFaults(plan: FaultPlan, options: FaultOptions): Promise<FaultReport> {
  const boundMs = options.boundMs ?? 300_000;
  const retryMs = options.retryMs ?? 500;
  const say = options.progress ?? (() => undefined);
  const fake = new FakeTelegram(TELEGRAM_RATES);
  const replicas: Replica[] = [];
  let cluster: ThrowawayCluster | undefined;
  let over = false;
  try {
    cluster = await throwawayCluster();
    const apiRoot = await fake.start();
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_URL: cluster.url,
      ARTICLES_DIR: path.join(options.root, 'test/fixtures/news'),
      WEBHOOK_HOST: '127.0.0.1',
      WEBHOOK_SECRET: SECRET,
      RATE_LIMIT_PER_USER: '1000',
      RATE_LIMIT_PER_CHAT: '1000',
      LOG_LEVEL: 'warn',
      WORD_VECTORS: 'off',
      SENTENCE_MODEL: 'off',
    };
    for (let i = 0; i < 3; i++) replicas.push(new Replica(await freePort(), env, options.root));
    await Promise.all(replicas.map((r) => r.start(60_000)));
    say('three replicas running');

    const questions = planQuestions(fake, plan);
    let deliveries = 0;
    let refused = 0;
    let cutOff = 0;
    const post = async (replica: Replica, update: object): Promise<number | 'cut off'> => {
      deliveries++;
      try {
        const res = await fetch(`http://127.0.0.1:${replica.port}/telegram`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body: JSON.stringify(update),
          signal: AbortSignal.timeout(120_000),
        });
        await res.text();
        return res.status;
      } catch {
        return 'cut off';
      }
    };
    const started = Date.now();
    const deadline = started + boundMs;
    /** One delivery attempt: true once any of the replicas answers 200 (a load balancer passes on the first answer). */
    const attempt = (q: Question, targets: Replica[]) =>
      new Promise<boolean>((resolve) => {
        let left = targets.length;
        for (const r of targets)
          void post(r, q.update).then((status) => {
            if (status === 200) {
              q.ackedAt ??= Date.now();
              return resolve(true);
            }
            if (status === 'cut off') cutOff++;
            else refused++;
            q.failedAt.push(Date.now());
            if (--left === 0) resolve(false);
          });
      });
    /**
     * Telegram's way: a chat's updates one after another (the next once the previous is acknowledged),
     * each again and again, to the next replica, until one answers 200. A duplicated update goes to two
     * replicas at once.
     */
    const deliver = async (q: Question) => {
      q.firstAt = Date.now();
      for (let i = q.replica; Date.now() < deadline && !over; i++) {
        const targets = [replicas[i % 3]!, ...(q.duplicate && i === q.replica ? [replicas[(i + 1) % 3]!] : [])];
        if (await attempt(q, targets)) return;
        await sleep(retryMs);
      }
    };
    const chatQueues = new Map<number, Promise<void>>();

    let killedAt: number | undefined;
    let databaseAt: number | undefined;
    const background: Array<Promise<unknown>> = [];
    const inFlight: Array<Promise<unknown>> = [];
    for (const [i, q] of questions.entries()) {
      await sleep(started + i * plan.gapMs - Date.now());
      if (i === plan.killAt) {
        killedAt = Date.now();
        const victim = replicas[1]!;
        background.push(
          victim.kill().then(async () => {
            say(`replica killed (SIGKILL) at question ${i}`);
            await sleep(plan.restartReplicaMs);
            await victim.start(60_000);
            say('replica started again');
          }),
        );
      }
      if (i === plan.databaseRestartAt) {
        databaseAt = Date.now();
        background.push(cluster.restart(plan.databaseDownMs).then(() => say(`PostgreSQL stopped and started again at question ${i}`)));
      }
      const delivered = (chatQueues.get(q.chatId) ?? Promise.resolve()).then(() => deliver(q));
      chatQueues.set(q.chatId, delivered);
      inFlight.push(delivered);
    }
    await Promise.all(background);
    await Promise.all(inFlight);
    const asked = new Set(questions.map((q) => q.messageId));
    const repliesTo = () => new Set(fake.delivered.map((d) => d.replyTo).filter((id) => id !== undefined && asked.has(id)));
    while (Date.now() < deadline && repliesTo().size < questions.length) await sleep(200);
    await sleep(2000); // a late second reply would show here
    const durationMs = Date.now() - started;

    const replyAt = new Map<number, number>();
    let duplicates = 0;
    const lastInChat = new Map<number, number>();
    let outOfOrder = 0;
    for (const d of fake.delivered) {
      if (d.replyTo === undefined || !asked.has(d.replyTo)) continue;
      if (replyAt.has(d.replyTo)) duplicates++;
      else replyAt.set(d.replyTo, d.at);
      // Message ids grow with each question, so a chat's replies in order quote growing ids.
      if ((lastInChat.get(d.chatId) ?? 0) > d.replyTo) outOfOrder++;
      lastInChat.set(d.chatId, Math.max(lastInChat.get(d.chatId) ?? 0, d.replyTo));
    }
    /**
     * From a fault until the bot takes new updates again (the first acknowledged among those first
     * delivered after it) and has answered every question whose delivery the fault refused or cut off.
     */
    const recovery = (at: number | undefined, until: number | undefined) => {
      if (at === undefined) return undefined;
      const hit = questions.filter((q) => q.failedAt.some((t) => t >= at && (until === undefined || t < until)));
      const answered = Math.max(at, ...hit.map((q) => replyAt.get(q.messageId) ?? Infinity));
      const taking = Math.min(...questions.filter((q) => (q.firstAt ?? 0) >= at).map((q) => q.ackedAt ?? Infinity));
      return Math.max(answered, taking === Infinity ? at : taking) - at;
    };
    const [first, second] = [killedAt, databaseAt].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
    const nextAfter = (at: number | undefined) => (at === first ? second : undefined);
    return {
      questions: questions.length,
      deliveries,
      answered: replyAt.size,
      duplicates,
      outOfOrder,
      lost: questions.length - replyAt.size,
      floodErrors: fake.counts.floodErrors,
      floodReasons: { ...fake.floodReasons },
      refused,
      cutOff,
      recoveryKillMs: recovery(killedAt, nextAfter(killedAt)),
      recoveryDatabaseMs: recovery(databaseAt, nextAfter(databaseAt)),
      durationMs,
    };
  } finally {
    over = true;
    say('stopping');
    await Promise.all(replicas.map((r) => r.kill('SIGKILL')));
    replicas.forEach((r) => r.remove());
    await fake.stop();
    await cluster?.remove();
    say('stopped');
  }
}
