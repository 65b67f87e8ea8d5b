/**
 * npm run bench:state -- --corpus FILE [--paragraphs N]
 *
 * What the state store costs the bot in memory. The compiled bot (`node dist/main.js` with a
 * BOT_TOKEN, long polling a fake Bot API on 127.0.0.1) over about N paragraphs of the corpus, with
 * the embedded store (PGlite) in a new STATE_DIR. VmRSS and VmHWM (peak) of the bot process:
 *   started      the index is built and the bot polls; no store yet (nothing written);
 *   store made   after a declined question (the first write): the store is made from the shipped
 *                template (or, without it, by initdb in a child process whose own peak is shown
 *                apart), then opened in the bot;
 *   restarted    the bot started again (warm index cache, store present) and asked one question: the
 *                store is opened at that first message (the blocked-user check reads it).
 * Progress goes to stderr, the table to stdout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { UsageError } from '../src/errors.js';
import { corpusArticleLine, loadCorpus } from './data.js';
import { FakeTelegram } from './fake-telegram.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAIN_JS = path.join(ROOT, 'dist', 'main.js');
const TOKEN = '123456789:AAbenchmarkTokenNotARealOne_abcdefghij';
/** Each wait is bounded: a bot that has not got there by then is stuck. */
const WAIT_MS = 10 * 60_000;

interface Mem {
  rssMb: number;
  peakMb: number;
}

function mem(pid: number): Mem | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
    const m = { rssMb: kb('VmRSS'), peakMb: kb('VmHWM') };
    return Number.isNaN(m.peakMb) ? undefined : m;
  } catch {
    return undefined;
  }
}

/** Pids of `pid`'s children. */
function children(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

async function until<T>(probe: () => T | undefined | false, what: string): Promise<T> {
  const end = Date.now() + WAIT_MS;
  for (;;) {
    const v = probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function startBot(env: NodeJS.ProcessEnv): { proc: ChildProcess; log: () => string } {
  const proc = spawn(process.execPath, [MAIN_JS], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (c: Buffer) => (log += c));
  return { proc, log: () => log };
}

async function stopBot(proc: ChildProcess): Promise<void> {
  const exited = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await exited;
}

const USAGE = `usage: npm run bench:state -- --corpus FILE [--paragraphs N]

Starts the compiled bot over about N paragraphs of the corpus with the embedded state store and prints
its memory: started, after the first write made the store, and after a restart that opened it.

  --corpus FILE    the news corpus (JSONL: {"id","title","text","url","date"} per line)
  --paragraphs N   paragraphs of the corpus to index (default 10000)
  -h, --help       this help`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: { corpus: { type: 'string' }, paragraphs: { type: 'string', default: '10000' } },
  });
  if (!values.corpus) throw new UsageError('--corpus FILE is required');
  const paragraphs = Number(values.paragraphs);
  if (!Number.isInteger(paragraphs) || paragraphs <= 0) throw new UsageError('--paragraphs must be a positive whole number');
  if (!existsSync(MAIN_JS)) throw new UsageError(`${MAIN_JS} is missing: run npm run build`);

  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-state-'));
  const articlesDir = path.join(work, 'articles');
  mkdirSync(articlesDir);
  const corpus = loadCorpus(values.corpus, { maxParagraphs: paragraphs });
  writeFileSync(path.join(articlesDir, 'corpus.jsonl'), `${corpus.map((a) => corpusArticleLine(a, 0)).join('\n')}\n`);
  const written = corpus.reduce((n, a) => n + a.paragraphs.length, 0);

  const telegram = new FakeTelegram({ perChatIntervalMs: 0, groupPerMinute: 1e6, globalPerSecond: 1e6, timeScale: 1 });
  const apiRoot = await telegram.start();
  const stateDir = path.join(work, 'state');
  const env = {
    PATH: process.env.PATH,
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    ARTICLES_DIR: articlesDir,
    INDEX_CACHE_DIR: path.join(work, 'cache'),
    STATE_DIR: stateDir,
    LOG_LEVEL: 'info',
  };
  const rows: Array<{ phase: string; m: Mem; note: string }> = [];
  const replied = (messageId: number) => () => telegram.delivered.some((d) => d.replyTo === messageId);
  try {
    process.stderr.write(`${written} paragraphs in ${articlesDir}; starting the bot…\n`);
    let bot = startBot(env);
    const pid = bot.proc.pid!;
    await until(() => bot.log().includes('"bot running'), 'the bot to start');
    rows.push({ phase: 'started', m: mem(pid)!, note: 'index built, polling; no store yet' });

    const declined = telegram.userMessage(501, 501, 'zzqx vorbleck frumious quandary?');
    let makerPeak = 0;
    const made = until(() => {
      for (const c of children(pid)) makerPeak = Math.max(makerPeak, mem(c)?.peakMb ?? 0);
      return existsSync(path.join(stateDir, 'pgdata', 'PG_VERSION'));
    }, 'the store to be made');
    await until(replied(declined), 'the reply to the declined question');
    await made;
    const second = telegram.userMessage(502, 502, 'what happened?');
    await until(replied(second), 'the reply to a second question');
    await new Promise((r) => setTimeout(r, 1000)); // the declined question's write finishes after its reply
    rows.push({
      phase: 'store made',
      m: mem(pid)!,
      note: makerPeak
        ? `first write; the child process that made the store (initdb) peaked at ${makerPeak.toFixed(0)} MB`
        : 'first write; made from the shipped template, no child process',
    });
    await stopBot(bot.proc);

    bot = startBot(env);
    await until(() => bot.log().includes('"bot running'), 'the bot to start again');
    const before = mem(bot.proc.pid!)!;
    const third = telegram.userMessage(503, 503, 'what happened?');
    await until(replied(third), 'the reply after the restart');
    rows.push({
      phase: 'restarted',
      m: mem(bot.proc.pid!)!,
      note: `warm cache; ${before.rssMb.toFixed(0)} MB before the first message opened the store`,
    });
    await stopBot(bot.proc);
  } finally {
    await telegram.stop();
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write(`\nbot process over ${written} paragraphs, embedded store (PGlite)\nphase        RSS MB  peak MB  notes\n`);
  for (const r of rows)
    process.stdout.write(`${r.phase.padEnd(12)} ${r.m.rssMb.toFixed(0).padStart(6)}  ${r.m.peakMb.toFixed(0).padStart(7)}  ${r.note}\n`);
  process.stdout.write(
    `(load average: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(', ')}; 2 CPUs)\n`,
  );
  return 0;
}

runCli(main);
