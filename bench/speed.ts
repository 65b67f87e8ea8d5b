/**
 * npm run bench:speed -- --corpus FILE [--paragraphs N[,N…]] [--questions FILE] [--warm-runs N]
 *                        [--systems product,minisearch,fuse] [--fuse-questions N] [--fuse-max N]
 *                        [--minisearch-questions N] [--no-build] [--keep] [--backend postgres]
 *
 * Speed and memory where the operator waits. For each size the corpus is written as JSONL article
 * files in a folder (past the corpus's own paragraphs, synthetic copies: see `syntheticParagraph`),
 * and the compiled product is started as a process, as `npm start` starts it:
 *   cold    `node dist/main.js` (console mode: no BOT_TOKEN) on an empty INDEX_CACHE_DIR, a question
 *           on its standard input from the start: ms from spawn to the answer on standard output
 *           (reading, cleaning, duplicate removal, indexing, loading the word vectors, answering);
 *   warm    the same again with the cache the cold run left (median of --warm-runs restarts);
 *   answers `node dist/cli/ask.js --json` on the warm cache, one question at a time: ms from writing
 *           a question to its JSON line arriving (answer() plus a pipe round trip and the JSON);
 * memory from /proc/<pid>/status: VmHWM (peak) over the process's life, VmRSS once it has answered.
 * Beside it, in their own processes: MiniSearch (defaults) and one Fuse over the same cleaned
 * paragraphs, built in memory from articles read outside the timing, asked by direct calls.
 * With --backend postgres, also the PostgreSQL backend in a child process (see `postgresChild`):
 * the folder ingested into a throwaway database on BENCH_DATABASE_URL, then questions answered.
 * Progress goes to stderr, the table and the goals to stdout.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { loadArticles } from '../src/articles/library.js';
import type { Article } from '../src/articles/types.js';
import { UsageError } from '../src/errors.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { corpusArticleLine, loadCorpus, loadQaSet } from './data.js';
import { benchDatabase } from './postgres.js';
import { loadAnswerModels } from '../src/app/open.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { installedLexiconRead } from '../src/search/lexicon.js';
import { PostgresSearch } from '../src/search/postgres/backend.js';
import { ingestFolder } from '../src/search/postgres/store.js';
import type { SqlDb } from '../src/state/sql.js';

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
const MAIN_JS = path.join(ROOT, 'dist', 'main.js');
const ASK_JS = path.join(ROOT, 'dist', 'cli', 'ask.js');
const ARTICLES_PER_FILE = 200;
/** A product process that has not answered by then is stuck: the run stops rather than waits forever. */
const PROCESS_TIMEOUT_MS = 15 * 60_000;

/** The goals of issue 16 at 100,000 paragraphs on a 2-core machine. */
const GOALS = { coldMs: 10_000, warmMs: 1_500, p50: 2, p95: 10, rssMb: 400 };

/** One row of the table. */
interface Measure {
  system: string;
  paragraphs: number;
  /** Of `paragraphs`, how many are synthetic copies (past the corpus). */
  synthetic?: number;
  /** Spawn to the first answer on stdout. */
  firstAnswerMs?: number;
  /** CPU seconds the process had used at its first answer. */
  cpuS?: number;
  buildMs?: number;
  rssMb?: number;
  peakRssMb?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  questions?: number;
  note?: string;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function summarize(times: number[]): Pick<Measure, 'p50' | 'p95' | 'p99' | 'questions'> {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99), questions: sorted.length };
}

function readQuestions(file: string): string[] {
  return loadQaSet(file)
    .questions.map((q) => q.q.replace(/\s+/g, ' ').trim())
    .filter((q) => q !== '');
}

function sample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

// ---------------------------------------------------------------------------------------------
// The product as a process.

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/** VmHWM and VmRSS of a live process in MB, and the CPU seconds it has used (undefined once it has gone). */
function procStatus(pid: number): { peakMb: number; rssMb: number; cpuS: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    // utime and stime: fields 14 and 15, counted after the command name's closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const m = { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024, cpuS: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS };
    // An exited process not yet reaped has a status without memory lines.
    return Number.isNaN(m.peakMb) ? undefined : m;
  } catch {
    return undefined;
  }
}

/** A spawned product process with its output as lines, its memory polled until it exits. */
class ProductProcess {
  readonly proc: ChildProcessWithoutNullStreams;
  readonly spawnedAt = performance.now();
  /** The last VmHWM seen: the process's peak, within the polling interval. */
  peakMb = 0;
  private stderr = '';
  private readonly exited: Promise<number | null>;
  private readonly poll: NodeJS.Timeout;
  private readonly lines: string[] = [];
  private waiting: ((line: string) => void) | undefined;
  private raw = '';

  constructor(script: string, args: string[], env: NodeJS.ProcessEnv, cwd: string) {
    this.proc = spawn(process.execPath, [script, ...args], { cwd, env, stdio: 'pipe' });
    this.proc.stderr.setEncoding('utf8').on('data', (s: string) => (this.stderr = (this.stderr + s).slice(-4000)));
    this.proc.stdout.setEncoding('utf8').on('data', (s: string) => (this.raw += s));
    createInterface({ input: this.proc.stdout, crlfDelay: Infinity }).on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = undefined;
        w(line);
      } else this.lines.push(line);
    });
    this.poll = setInterval(() => this.sample(), 50);
    const timeout = setTimeout(() => this.proc.kill('SIGKILL'), PROCESS_TIMEOUT_MS);
    this.exited = new Promise((resolve, reject) => {
      this.proc.on('error', reject);
      this.proc.on('close', (code) => {
        clearInterval(this.poll);
        clearTimeout(timeout);
        resolve(code);
      });
    });
  }

  sample(): { peakMb: number; rssMb: number; cpuS: number } | undefined {
    const m = procStatus(this.proc.pid!);
    if (m) this.peakMb = Math.max(this.peakMb, m.peakMb);
    return m;
  }

  /** Everything printed on stdout so far. */
  get output(): string {
    return this.raw;
  }

  nextLine(): Promise<string> {
    const line = this.lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      void this.exited.then(() => reject(this.failure('exited before answering')));
    });
  }

  /** Resolves when stdout satisfies `done` (checked on every chunk). */
  until(done: (out: string) => boolean): Promise<number> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done(this.raw)) return;
        this.proc.stdout.off('data', check);
        resolve(performance.now());
      };
      this.proc.stdout.on('data', check);
      check();
      void this.exited.then(() => reject(this.failure('exited before answering')));
    });
  }

  async finish(): Promise<void> {
    this.proc.stdin.end();
    const code = await this.exited;
    if (code !== 0) throw this.failure(`exited with ${code}`);
  }

  failure(what: string): Error {
    return new Error(`${path.relative(ROOT, this.proc.spawnargs[1]!)} ${what}; its stderr ends:\n${this.stderr.slice(-1500)}`);
  }
}

/** The settings a product process gets: the caller's, minus every one that would start the bot or change the folder. */
function productEnv(dir: string, cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(BOT_TOKEN|WEBHOOK_.*|TELEGRAM_API_ROOT|HEALTH_PORT|FEEDS?(_.*)?|ADMIN_IDS|MAX_AGE_DAYS|LOG_LEVEL)$/.test(name)) delete env[name];
  }
  return { ...env, ARTICLES_DIR: dir, INDEX_CACHE_DIR: cache };
}

interface StartMeasure {
  firstAnswerMs: number;
  /** CPU time the process had used by then (all its threads): what a busy machine does not change. */
  cpuS: number;
  peakMb: number;
  rssMb: number;
  /** Spawn to exit after stdin closed (includes writing the cache after a cold build). */
  exitMs: number;
  articles: number;
}

/**
 * `node dist/main.js` in console mode, a question typed before it is ready: spawn to the first
 * answer (the first text after the greeting's "? " prompt).
 */
async function consoleStart(env: NodeJS.ProcessEnv, cwd: string, question: string): Promise<StartMeasure> {
  const p = new ProductProcess(MAIN_JS, [], env, cwd);
  p.proc.stdin.write(`${question}\n`);
  const answered = await p.until((out) => {
    const prompt = out.indexOf('\n? ');
    return prompt >= 0 && /\S/.test(out.slice(prompt + 3));
  });
  const mem = p.sample() ?? { peakMb: p.peakMb, rssMb: NaN, cpuS: NaN };
  await p.finish();
  const articles = Number(/(\d+) articles? indexed/.exec(p.output)?.[1] ?? NaN);
  return {
    firstAnswerMs: answered - p.spawnedAt,
    cpuS: mem.cpuS,
    peakMb: p.peakMb,
    rssMb: mem.rssMb,
    exitMs: performance.now() - p.spawnedAt,
    articles,
  };
}

interface AskMeasure {
  firstAnswerMs: number;
  times: number[];
  peakMb: number;
  /** After answering every question. */
  rssMb: number;
  /** Mean CPU time per question after the first (the process's user + system time over the questions). */
  cpuMsPerQuestion: number;
}

/** `node dist/cli/ask.js --json`: one question at a time, each timed from writing it to its line arriving. */
async function askLatencies(env: NodeJS.ProcessEnv, cwd: string, questions: readonly string[]): Promise<AskMeasure> {
  const p = new ProductProcess(ASK_JS, ['--json'], env, cwd);
  const times: number[] = [];
  let firstAnswerMs = 0;
  let cpuAtFirst = NaN;
  let lastReport = performance.now();
  for (const [i, q] of questions.entries()) {
    const t = performance.now();
    p.proc.stdin.write(`${q}\n`);
    const line = await p.nextLine();
    const now = performance.now();
    if (!line.startsWith('{')) throw p.failure(`printed "${line.slice(0, 200)}" instead of a JSON line`);
    if (i === 0) {
      firstAnswerMs = now - p.spawnedAt;
      cpuAtFirst = p.sample()?.cpuS ?? NaN;
    } else times.push(now - t);
    if (now - lastReport > 5000) {
      process.stderr.write(`  product: ${i + 1}/${questions.length} questions\n`);
      lastReport = now;
    }
  }
  const mem = p.sample() ?? { peakMb: p.peakMb, rssMb: NaN, cpuS: NaN };
  await p.finish();
  return { firstAnswerMs, times, peakMb: p.peakMb, rssMb: mem.rssMb, cpuMsPerQuestion: ((mem.cpuS - cpuAtFirst) * 1000) / Math.max(1, times.length) };
}

// ---------------------------------------------------------------------------------------------
// Baselines: in a child process of this script, in memory.

async function memoryAfterGc(): Promise<Pick<Measure, 'rssMb' | 'peakRssMb'>> {
  // Collected, and again after a second (buffers are freed by a background sweeper), so the figure
  // is what the index holds rather than the garbage its build left.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  gc?.();
  return { rssMb: process.memoryUsage().rss / 2 ** 20, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function timeEach(ask: (q: string) => unknown, questions: readonly string[]): number[] {
  return questions.map((q) => {
    const t = performance.now();
    ask(q);
    return performance.now() - t;
  });
}

interface Doc {
  id: number;
  title: string;
  text: string;
}

function paragraphsOf(articles: readonly Article[]): Doc[] {
  const out: Doc[] = [];
  for (const a of articles) for (const p of a.paragraphs) out.push({ id: out.length, title: a.title, text: p.text });
  return out;
}

/** Bounds of the worst case: questions of only the corpus's most common words. */
const COMMON_QUESTIONS = 20;

/**
 * The PostgreSQL backend as a bot process would run it: the folder ingested (timed: paragraphs per
 * second), the answer models loaded as the bot loads them, then each question answered through the
 * database (ms per question); RSS after the questions; and questions of only the corpus's most
 * common words, the worst case for candidate search.
 */
async function postgresChild(dir: string, questions: readonly string[]): Promise<Measure[]> {
  const { db, drop } = await benchDatabase();
  try {
    const started = performance.now();
    const ingestCpu = process.cpuUsage();
    const report = await ingestFolder(db, dir);
    const buildMs = performance.now() - started;
    const ingestCpuS = (process.cpuUsage(ingestCpu).user + process.cpuUsage(ingestCpu).system) / 1e6;
    // The server processes that wrote the rows are still connected (the pool keeps them a while).
    const ingestServerS = [...(await databaseCpu(db)).values()].reduce((a, b) => a + b, 0);
    await db.query('analyze');
    const models = await loadAnswerModels(loadConfig(), createLogger({ level: 'warn' }));
    const search = new PostgresSearch(db);
    // As the product's rows leave out the first answer: it loads the word list and warms the caches.
    await search.answer(questions[0] ?? 'news', models);
    const loadBefore = os.loadavg()[0]!;
    const serverBefore = await databaseCpu(db);
    const cpuBefore = process.cpuUsage();
    const times: number[] = [];
    for (const q of questions) {
      const t = performance.now();
      await search.answer(q, models);
      times.push(performance.now() - t);
    }
    const cpu = process.cpuUsage(cpuBefore);
    const serverAfter = await databaseCpu(db);
    let serverMs = 0;
    for (const [pid, s] of serverAfter) serverMs += (s - (serverBefore.get(pid) ?? 0)) * 1000;
    const ingestNote = `ingest CPU ${ingestCpuS.toFixed(0)} s this process, ${ingestServerS.toFixed(0)} s the database's server processes`;
    const cpuNote = `CPU a question: ${((cpu.user + cpu.system) / 1000 / Math.max(1, times.length)).toFixed(1)} ms this process, ${(serverMs / Math.max(1, times.length)).toFixed(1)} ms the database's server processes`;
    const mem = await memoryAfterGc();
    const listAfterQuestions = installedLexiconRead() ? 'read' : 'not read';
    const common = (
      await db.query<{ word: string }>(
        "select w.word from search_words w join search_terms t on t.term = w.term where w.word ~ '^[a-z]{4,}$' order by t.df desc limit 40",
      )
    ).rows.map((r) => r.word);
    const commonTimes: number[] = [];
    for (let i = 0; i < COMMON_QUESTIONS && common.length >= 4; i++) {
      const q = `${common.slice((i * 2) % (common.length - 3), ((i * 2) % (common.length - 3)) + 4).join(' ')}?`;
      const t = performance.now();
      await search.answer(q, models);
      commonTimes.push(performance.now() - t);
    }
    // A question of common English words can read as another language and load the word list.
    const memAfterCommon = await memoryAfterGc();
    const rate = Math.round(report.paragraphs / (buildMs / 1000));
    const load = `load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`;
    return [
      {
        system: 'postgres answers',
        paragraphs: report.paragraphs,
        buildMs,
        ...mem,
        ...summarize(times),
        note: `in-process calls to PostgresSearch.answer (SQL round trips included); ingest ${rate} paragraphs/s (npm run index -- --to-postgres path); RSS after the questions (word list ${listAfterQuestions}); ${ingestNote}; ${cpuNote}; ${load}`,
      },
      {
        system: 'postgres common words',
        paragraphs: report.paragraphs,
        ...summarize(commonTimes),
        note: `questions of 4 of the corpus's 40 most frequent words ("${common.slice(0, 4).join(' ')}?"…); RSS after them ${(memAfterCommon.rssMb ?? NaN).toFixed(0)} MB, word list ${installedLexiconRead() ? 'read' : 'not read'}`,
      },
    ];
  } finally {
    await drop();
  }
}

/**
 * CPU seconds used so far by each server process serving this database (the server is on this
 * machine: the benchmark's URL is loopback), by process id: what a question costs the database,
 * which a busy machine does not change.
 */
async function databaseCpu(db: SqlDb): Promise<Map<number, number>> {
  const pids = await db.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database()');
  const out = new Map<number, number>();
  for (const { pid } of pids.rows) {
    const m = procStatus(pid);
    if (m) out.set(pid, m.cpuS);
  }
  return out;
}

async function baselineChild(mode: string, dir: string, questions: readonly string[]): Promise<Measure> {
  // The very paragraphs the product indexes (same reading, cleaning and duplicate removal), outside the timing.
  const docs = paragraphsOf((await loadArticles(dir)).articles);
  const started = performance.now();
  if (mode === 'minisearch') {
    const ms = new MiniSearch<Doc>({ fields: ['text', 'title'], storeFields: [] });
    ms.addAll(docs);
    const buildMs = performance.now() - started;
    const mem = await memoryAfterGc();
    return { system: 'minisearch', paragraphs: docs.length, buildMs, ...mem, ...summarize(timeEach((q) => ms.search(q).slice(0, 3), questions)) };
  }
  if (mode === 'fuse') {
    const fuse = new Fuse(docs, { keys: ['text'], ignoreLocation: true, includeScore: true });
    const buildMs = performance.now() - started;
    const mem = await memoryAfterGc();
    return { system: 'fuse', paragraphs: docs.length, buildMs, ...mem, ...summarize(timeEach((q) => fuse.search(q, { limit: 3 }), questions)) };
  }
  throw new UsageError(`unknown child mode ${mode}`);
}

function runBaseline(mode: string, dir: string, questionsFile: string, count: number): Promise<Measure | Measure[]> {
  const args = [
    '--expose-gc',
    '--import',
    'tsx',
    SELF,
    '--child',
    mode,
    '--dir',
    dir,
    '--questions',
    questionsFile,
    '--child-questions',
    String(count),
  ];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    // A stuck child is stopped (the PostgreSQL one gets longer: a million paragraphs take minutes to ingest).
    const limit = mode === 'postgres' ? 3 * PROCESS_TIMEOUT_MS : PROCESS_TIMEOUT_MS;
    const timeout = setTimeout(() => proc.kill('SIGKILL'), limit);
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearTimeout(timeout);
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !(line.startsWith('{') || line.startsWith('['))) reject(new Error(`${mode} child exited with ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as Measure | Measure[]);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The folders.

/**
 * How many paragraphs of each corpus article survive the loader (cleaning, duplicates), so a size
 * means indexed paragraphs: the corpus is written once, one article per file, and loaded.
 */
async function keptParagraphs(dir: string, corpus: readonly Article[]): Promise<number[]> {
  mkdirSync(dir, { recursive: true });
  corpus.forEach((a, i) => writeFileSync(path.join(dir, `a${i}.jsonl`), `${corpusArticleLine(a, 0)}\n`));
  const { articles } = await loadArticles(dir);
  const kept = new Array<number>(corpus.length).fill(0);
  for (const a of articles) kept[Number(/^a(\d+)\.jsonl/.exec(a.file)![1])] = a.paragraphs.length;
  rmSync(dir, { recursive: true, force: true });
  return kept;
}

/**
 * The corpus as JSONL files of ARTICLES_PER_FILE articles, whole articles until `paragraphs` would be
 * indexed; past the corpus, synthetic copies. Returns the paragraphs written and how many are synthetic.
 */
function writeFolder(dir: string, corpus: readonly Article[], kept: readonly number[], paragraphs: number): { written: number; synthetic: number } {
  mkdirSync(dir, { recursive: true });
  if (!kept.some((n) => n > 0)) throw new UsageError('no paragraph of the corpus survives the loader');
  let written = 0;
  let synthetic = 0;
  let batch: string[] = [];
  let fileNo = 0;
  const flush = () => {
    if (batch.length === 0) return;
    writeFileSync(path.join(dir, `part-${String(fileNo++).padStart(5, '0')}.jsonl`), `${batch.join('\n')}\n`);
    batch = [];
  };
  for (let copy = 0; written < paragraphs; copy++) {
    for (const [i, a] of corpus.entries()) {
      if (written >= paragraphs) break;
      written += kept[i]!;
      if (copy > 0) synthetic += kept[i]!;
      batch.push(corpusArticleLine(a, copy));
      if (batch.length === ARTICLES_PER_FILE) flush();
    }
  }
  flush();
  return { written, synthetic };
}

// ---------------------------------------------------------------------------------------------
// Output.

const f1 = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '-' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const secs = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(2));

function table(rows: Array<{ size: number; m: Measure }>): string {
  const head = [
    'size',
    'system',
    'paragraphs',
    'synthetic',
    '1st answer s',
    'CPU s',
    'build s',
    'RSS MB',
    'peak MB',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'questions',
    'notes',
  ];
  const lines = rows.map(({ size, m }) => [
    String(size),
    m.system,
    String(m.paragraphs),
    m.synthetic === undefined ? '-' : m.synthetic === 0 ? '0' : `${m.synthetic} (${Math.round((100 * m.synthetic) / m.paragraphs)}%)`,
    secs(m.firstAnswerMs),
    m.cpuS === undefined ? '-' : m.cpuS.toFixed(2),
    secs(m.buildMs),
    f1(m.rssMb),
    f1(m.peakRssMb),
    f1(m.p50),
    f1(m.p95),
    f1(m.p99),
    m.questions === undefined ? '-' : String(m.questions),
    m.note ?? '',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(head), ...lines.map(fmt)].join('\n');
}

/** The goals of issue 17 for the PostgreSQL backend at 1,000,000 paragraphs on a 2-core machine, the database on the same machine. */
const POSTGRES_GOALS = { p50: 15, p95: 60, ingest: 2_000, rssMb: 250 };

/** The PostgreSQL backend's figures at one size beside its goals. */
function postgresGoals(size: number, rows: readonly Measure[]): string {
  const answers = rows.find((m) => m.system === 'postgres answers');
  const common = rows.find((m) => m.system === 'postgres common words');
  if (!answers) return '';
  const rate = answers.buildMs ? answers.paragraphs / (answers.buildMs / 1000) : undefined;
  const line = (label: string, value: number | undefined, goal: number, unit: string, atLeast = false) =>
    value === undefined
      ? `  ${label}: not measured`
      : `  ${label} ${atLeast ? '≥' : '≤'} ${goal} ${unit}: ${value.toFixed(unit === 'ms' ? 1 : 0)} ${unit}  ${(atLeast ? value >= goal : value <= goal) ? 'met' : 'NOT MET'}`;
  const synthetic = answers.synthetic ? ` (${Math.round((100 * answers.synthetic) / answers.paragraphs)}% synthetic paragraphs)` : '';
  return [
    `PostgreSQL backend at ${answers.paragraphs} paragraphs${synthetic}${size === 1_000_000 ? '' : ' (the goals are set for 1,000,000)'}:`,
    line('p50 per question', answers.p50, POSTGRES_GOALS.p50, 'ms'),
    line('p95 per question', answers.p95, POSTGRES_GOALS.p95, 'ms'),
    line('p50 of a question of only common words', common?.p50, POSTGRES_GOALS.p50, 'ms'),
    line('p95 of a question of only common words', common?.p95, POSTGRES_GOALS.p95, 'ms'),
    line('ingest', rate, POSTGRES_GOALS.ingest, 'paragraphs/s', true),
    line('bot process RSS after the questions', answers.rssMb, POSTGRES_GOALS.rssMb, 'MB'),
  ].join('\n');
}

/** The goals beside what one size measured: met or NOT MET. */
function goals(size: number, rows: readonly Measure[]): string {
  const by = (system: string) => rows.find((m) => m.system === system);
  const cold = by('product cold');
  const warm = by('product warm');
  const answers = by('product answers');
  const peak = Math.max(...[cold, warm, answers].map((m) => m?.peakRssMb ?? 0));
  const check = (label: string, value: number | undefined, goal: number, unit: string) =>
    value === undefined
      ? `  ${label}: not measured`
      : `  ${label} ≤ ${goal} ${unit}: ${value.toFixed(unit === 'ms' ? 2 : 1)} ${unit}  ${value <= goal ? 'met' : 'NOT MET'}`;
  const cpu = (m: Measure | undefined) => (m?.cpuS === undefined ? '' : ` (CPU ${m.cpuS.toFixed(1)} s)`);
  const synthetic = cold?.synthetic ? ` (${Math.round((100 * cold.synthetic) / cold.paragraphs)}% synthetic paragraphs)` : '';
  return [
    `goals at ${size} paragraphs${synthetic}${size === 100_000 ? '' : ' (the goals are set for 100,000)'}:`,
    check('cold start to first answer', cold?.firstAnswerMs && cold.firstAnswerMs / 1000, GOALS.coldMs / 1000, 's') + cpu(cold),
    check('warm restart to first answer', warm?.firstAnswerMs && warm.firstAnswerMs / 1000, GOALS.warmMs / 1000, 's') + cpu(warm),
    check('p50 per question', answers?.p50, GOALS.p50, 'ms'),
    check('p95 per question', answers?.p95, GOALS.p95, 'ms'),
    check('peak RSS of any product process', cold || warm || answers ? peak : undefined, GOALS.rssMb, 'MB'),
  ].join('\n');
}

const USAGE = `usage: npm run bench:speed -- --corpus FILE [--paragraphs N[,N…]] [--questions FILE] [--warm-runs N]
                           [--systems product,minisearch,fuse] [--fuse-questions N] [--fuse-max N]
                           [--minisearch-questions N] [--no-build] [--keep] [--backend postgres]

Start-up time, answer latency and memory of the compiled bot started as a process over a folder of
article files, beside MiniSearch and Fuse built in memory; the goals at 100,000 paragraphs, met or not.
  --corpus FILE             news corpus, JSONL: {"id","title","text","url","date"} per line
  --paragraphs N[,N…]       sizes to measure (default 10000,100000,200000); past the corpus, synthetic copies
  --questions FILE          questions (default: realtimeqa.en.dev.jsonl beside the corpus)
  --warm-runs N             warm restarts per size; the median is reported (default 3)
  --systems LIST            which systems (default product,minisearch,fuse)
  --fuse-questions N        questions Fuse answers (default 20)
  --fuse-max N              skip Fuse above this many paragraphs (default 10000)
  --minisearch-questions N  questions MiniSearch answers, an even sample (default 500; past 100,000
                            paragraphs one takes a tenth of a second or more)
  --no-build                run dist/ as it is (default: npm run build first, so dist/ is the current code)
  --keep                    keep the generated folders
  --backend postgres        also the PostgreSQL backend: ingest paragraphs/s, ms per question, RSS
                            (a throwaway database on BENCH_DATABASE_URL, default the local server)
  --postgres-questions N    questions the PostgreSQL backend answers, an even sample (default 500)
  -h, --help                this help
The bot gets this shell's settings (WORD_VECTORS, SENTENCE_MODEL…) except those that would start Telegram,
feeds or a health port, or change the folder, cache, age limit or log level: it runs its console (no
BOT_TOKEN) over the generated folder and cache.`;

const positive = (value: string, option: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${option} takes a positive whole number, got "${value}"`);
  return n;
};

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      corpus: { type: 'string' },
      paragraphs: { type: 'string', default: '10000,100000,200000' },
      questions: { type: 'string' },
      'warm-runs': { type: 'string', default: '3' },
      systems: { type: 'string', default: 'product,minisearch,fuse' },
      'fuse-questions': { type: 'string', default: '20' },
      'fuse-max': { type: 'string', default: '10000' },
      'minisearch-questions': { type: 'string', default: '500' },
      'no-build': { type: 'boolean', default: false },
      backend: { type: 'string', default: 'embedded' },
      'postgres-questions': { type: 'string', default: '500' },
      keep: { type: 'boolean', default: false },
      // Internal: a child process measuring a baseline.
      child: { type: 'string' },
      dir: { type: 'string' },
      'child-questions': { type: 'string' },
    },
  });
  if (values.child) {
    const questions = sample(readQuestions(values.questions!), Number(values['child-questions']));
    const measured =
      values.child === 'postgres' ? await postgresChild(values.dir!, questions) : await baselineChild(values.child, values.dir!, questions);
    process.stdout.write(`${JSON.stringify(measured)}\n`);
    return 0;
  }

  if (!values.corpus) throw new UsageError('give --corpus FILE (news corpus JSONL: {"id","title","text","url","date"} per line)');
  const questionsFile = values.questions ?? path.join(path.dirname(values.corpus), 'realtimeqa.en.dev.jsonl');
  if (!existsSync(questionsFile)) throw new UsageError(`no questions file ${questionsFile} (give --questions FILE)`);
  const sizes = values.paragraphs.split(',').map((s) => positive(s.trim(), '--paragraphs'));
  const warmRuns = positive(values['warm-runs'], '--warm-runs');
  const fuseQuestions = positive(values['fuse-questions'], '--fuse-questions');
  const fuseMax = positive(values['fuse-max'], '--fuse-max');
  const systems = new Set(values.systems.split(','));
  if (!['embedded', 'postgres'].includes(values.backend)) throw new UsageError('--backend is embedded or postgres');
  if (values.backend === 'postgres') systems.add('postgres');
  for (const s of systems) if (!['product', 'minisearch', 'fuse', 'postgres'].includes(s)) throw new UsageError(`--systems: unknown system "${s}"`);
  const questions = readQuestions(questionsFile);
  const minisearchQuestions = positive(values['minisearch-questions'], '--minisearch-questions');

  if (systems.has('product') && !values['no-build']) {
    process.stderr.write('building dist/ (npm run build)…\n');
    const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  if (systems.has('product') && !existsSync(MAIN_JS)) throw new UsageError(`${MAIN_JS} is missing: run npm run build`);
  const corpus = loadCorpus(values.corpus);
  process.stderr.write(`corpus: ${corpus.length} articles; ${questions.length} questions from ${questionsFile}\n`);

  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-speed-'));
  process.stderr.write('counting the paragraphs the loader keeps of each article…\n');
  const kept = await keptParagraphs(path.join(work, 'calibrate'), corpus);
  const realParagraphs = kept.reduce((a, b) => a + b, 0);
  const rows: Array<{ size: number; m: Measure }> = [];
  const goalLines: string[] = [];
  try {
    for (const size of sizes) {
      const dir = path.join(work, `articles-${size}`);
      const cache = path.join(work, `cache-${size}`);
      const { written, synthetic } = writeFolder(dir, corpus, kept, size);
      process.stderr.write(`\n# ${size}: ${written} paragraphs (${synthetic} synthetic) written as JSONL files under ${dir}\n`);
      const sizeRows: Measure[] = [];
      const add = (m: Measure) => {
        rows.push({ size, m });
        sizeRows.push(m);
        process.stderr.write(`  ${JSON.stringify(m)}\n`);
      };
      const base = { paragraphs: written, synthetic };
      if (systems.has('product')) {
        const env = productEnv(dir, cache);
        process.stderr.write('  product: cold start (node dist/main.js, empty cache)…\n');
        const cold = await consoleStart(env, work, questions[0]!);
        add({
          system: 'product cold',
          ...base,
          firstAnswerMs: cold.firstAnswerMs,
          cpuS: cold.cpuS,
          rssMb: cold.rssMb,
          peakRssMb: cold.peakMb,
          note: `node dist/main.js, empty cache: files read, cleaned, deduplicated, indexed; ${cold.articles} articles; exit after stdin closed at ${secs(cold.exitMs)} s (cache written)`,
        });
        const warms: StartMeasure[] = [];
        for (let i = 0; i < warmRuns; i++) {
          process.stderr.write(`  product: warm restart ${i + 1}/${warmRuns}…\n`);
          warms.push(await consoleStart(env, work, questions[0]!));
        }
        warms.sort((a, b) => a.firstAnswerMs - b.firstAnswerMs);
        const warm = warms[Math.floor((warms.length - 1) / 2)]!;
        add({
          system: 'product warm',
          ...base,
          firstAnswerMs: warm.firstAnswerMs,
          cpuS: warm.cpuS,
          rssMb: warm.rssMb,
          peakRssMb: Math.max(...warms.map((w) => w.peakMb)),
          note: `node dist/main.js, cache present: median of ${warms.length} (${warms.map((w) => secs(w.firstAnswerMs)).join(', ')} s)`,
        });
        process.stderr.write(`  product: ${questions.length} questions through node dist/cli/ask.js --json…\n`);
        const ask = await askLatencies(env, work, questions);
        add({
          system: 'product answers',
          ...base,
          firstAnswerMs: ask.firstAnswerMs,
          rssMb: ask.rssMb,
          peakRssMb: ask.peakMb,
          ...summarize(ask.times),
          note: `node dist/cli/ask.js --json, warm: per question, written to stdin → its JSON line read (pipe round trip included); CPU ${ask.cpuMsPerQuestion.toFixed(2)} ms a question (mean); RSS after all questions`,
        });
      }
      if (systems.has('postgres')) {
        process.stderr.write('  postgres: ingest, then questions…\n');
        for (const m of [await runBaseline('postgres', dir, questionsFile, positive(values['postgres-questions'], '--postgres-questions'))].flat()) {
          add({ ...m, synthetic });
        }
      }
      if (systems.has('minisearch')) {
        process.stderr.write('  minisearch…\n');
        add({
          ...((await runBaseline('minisearch', dir, questionsFile, minisearchQuestions)) as Measure),
          synthetic,
          note: 'in memory, in-process calls: no files read in the timing, no process start, no output; RSS after GC',
        });
      }
      if (systems.has('fuse')) {
        if (size > fuseMax) {
          add({ system: 'fuse', ...base, note: `skipped: over --fuse-max ${fuseMax} (a question takes seconds)` });
        } else {
          process.stderr.write(`  fuse (${fuseQuestions} questions)…\n`);
          add({
            ...((await runBaseline('fuse', dir, questionsFile, fuseQuestions)) as Measure),
            synthetic,
            note: 'in memory, in-process calls, like MiniSearch',
          });
        }
      }
      if (systems.has('product')) goalLines.push(goals(size, sizeRows));
      if (systems.has('postgres')) goalLines.push(postgresGoals(size, sizeRows));
      if (!values.keep) {
        rmSync(dir, { recursive: true, force: true });
        rmSync(cache, { recursive: true, force: true });
      }
    }
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else process.stderr.write(`kept ${work}\n`);
  }
  process.stdout.write(`\n${table(rows)}\n\n${goalLines.join('\n\n')}\n`);
  process.stdout.write(
    `\nThe corpus gives ${realParagraphs} real paragraphs; past that the folder holds synthetic copies (a marker word every 20 words and\n` +
      'in every paragraph; same words and lengths, so the vocabulary grows less than with real news). Files: JSONL, ' +
      `${ARTICLES_PER_FILE} articles each.\n` +
      "product: the compiled bot as a process with the settings' defaults (WORD_VECTORS/SENTENCE_MODEL as set), on this machine's disk cache;\n" +
      'peak = VmHWM of the process; RSS = VmRSS at the first answer (cold, warm) or after the last question (answers);\n' +
      'CPU s = CPU time the process had used at its first answer (user + system, all threads): on a busy machine the wall time\n' +
      `grows and this does not (load average when the run ended: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}; ${os.cpus().length} CPUs).\n` +
      'minisearch, fuse: the same cleaned paragraphs, build and search in memory (their peak includes reading the files).\n',
  );
  return 0;
}

runCli(main);
