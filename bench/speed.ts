/**
 * npm run bench:speed -- --corpus FILE [--paragraphs N[,N…]] [--questions FILE] [--fuse-questions N]
 *                        [--fuse-max N] [--minisearch-questions N] [--systems product,minisearch,fuse] [--keep]
 *
 * Speed and scale side by side: this product (the real path: article files in a folder, the live
 * index with its persisted cache), MiniSearch with its defaults and one Fuse over all paragraphs.
 * For each size the corpus is repeated (copies get new ids, URLs and a marker word every 20 words
 * and in every paragraph, so the loader's duplicate detection keeps them) and written as JSONL
 * article files. Every system is measured in its own child process, so memory figures do not mix:
 *   product cold   LiveIndex.open on an empty cache folder: build time, RSS, latency per question;
 *   product warm   a fresh process opening the warm cache and answering one question;
 *   minisearch     the same cleaned articles (loaded outside the timing), build, RSS, latency;
 *   fuse           the same, on a sample of questions; skipped above --fuse-max paragraphs.
 * Progress goes to stderr, the table to stdout.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { loadArticles } from '../src/articles/library.js';
import type { Article } from '../src/articles/types.js';
import { UsageError } from '../src/errors.js';
import { loadAnswerModels } from '../src/app/open.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { LiveIndex } from '../src/app/live-index.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { loadCorpus, loadQaSet } from './data.js';

const SELF = fileURLToPath(import.meta.url);
const ARTICLES_PER_FILE = 200;
/** A marker word every this many words makes a copy's 5-word shingles differ from the original's. */
const MARKER_EVERY = 20;

/** What a child reports back (one JSON line on stdout). */
interface Measure {
  system: string;
  paragraphs: number;
  articles?: number;
  buildMs?: number;
  rssMb?: number;
  heapMb?: number;
  heapTotalMb?: number;
  /** Typed arrays and buffers, outside the JS heap. */
  externalMb?: number;
  peakRssMb?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  questions?: number;
  /** Warm restart: ms from process start (node's time origin) to the first answer, and from open(). */
  startToAnswerMs?: number;
  openToAnswerMs?: number;
  openMs?: number;
  /** Writing the persisted index after a cold build (off the answering path). */
  saveMs?: number;
  fromCache?: boolean;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Children: each measures one system and prints one JSON line.

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function latencies(ask: (q: string) => unknown, questions: readonly string[], label: string): Pick<Measure, 'p50' | 'p95' | 'p99' | 'questions'> {
  const times: number[] = [];
  let lastReport = performance.now();
  for (const [i, q] of questions.entries()) {
    const t = performance.now();
    ask(q);
    times.push(performance.now() - t);
    if (performance.now() - lastReport > 5000) {
      process.stderr.write(`  ${label}: ${i + 1}/${questions.length} questions\n`);
      lastReport = performance.now();
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), questions: times.length };
}

async function memory(): Promise<Pick<Measure, 'rssMb' | 'heapMb' | 'heapTotalMb' | 'externalMb' | 'peakRssMb'>> {
  // Collected first, and again after a second (buffers are freed by a background sweeper), so the
  // figure is what the index holds rather than how much garbage the build left pending. The same
  // for every system; the peak during the build is reported beside it.
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  gc?.();
  const m = process.memoryUsage();
  return {
    rssMb: m.rss / 2 ** 20,
    heapMb: m.heapUsed / 2 ** 20,
    heapTotalMb: m.heapTotal / 2 ** 20,
    externalMb: m.external / 2 ** 20,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

function readQuestions(file: string): string[] {
  return loadQaSet(file).questions.map((q) => q.q);
}

function sample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

interface ChildOptions {
  dir: string;
  cache: string;
  questions: string;
  /** Questions for Fuse and for MiniSearch: an even sample of the set. */
  n: number;
  minisearchQuestions: number;
}

async function child(mode: string, o: ChildOptions): Promise<Measure> {
  const log = createLogger({ level: 'silent' });
  const questions = readQuestions(o.questions);
  // The product as the settings make it: word vectors (from INDEX_CACHE_DIR) unless WORD_VECTORS=off,
  // the sentence model with SENTENCE_MODEL=on.
  const productModels = () => loadAnswerModels(loadConfig(), log);
  if (mode === 'product-warm') {
    const opened = performance.now();
    const live = await LiveIndex.open({ articlesDir: o.dir, cacheDir: o.cache, log, ...(await productModels()) });
    const openMs = performance.now() - opened;
    live.ask(questions[0]!);
    const now = performance.now();
    const r: Measure = {
      system: 'product-warm',
      paragraphs: live.current.documentCount,
      startToAnswerMs: now, // performance.now() counts from the process's start
      openToAnswerMs: now - opened,
      openMs,
      fromCache: live.lastReload?.fromCache ?? false,
      ...(await memory()),
    };
    await live.close();
    return r;
  }
  if (mode === 'product-cold') {
    let lastReport = 0;
    const started = performance.now();
    const live = await LiveIndex.open({
      articlesDir: o.dir,
      cacheDir: o.cache,
      log,
      ...(await productModels()),
      progress: (done, total) => {
        if (performance.now() - lastReport > 2000 || done === total) {
          process.stderr.write(`  product: ${done}/${total} files read (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
          lastReport = performance.now();
        }
      },
    });
    const buildMs = performance.now() - started;
    // The persisted index is written after the swap; wait for it so it does not share the timings.
    await live.whenSaved();
    const saveMs = live.lastSaveMs;
    const mem = await memory();
    const lat = latencies((q) => live.ask(q), questions, 'product');
    await live.close();
    return { system: 'product', paragraphs: live.current.documentCount, articles: live.current.articles.length, buildMs, saveMs, ...mem, ...lat };
  }

  // Baselines index the very articles the product indexes (same cleaning and duplicate removal).
  const { articles } = await loadArticles(o.dir);
  const docs = paragraphsOf(articles);
  if (mode === 'minisearch') {
    const started = performance.now();
    const ms = new MiniSearch<Doc>({ fields: ['text', 'title'], storeFields: [] });
    ms.addAll(docs);
    const buildMs = performance.now() - started;
    const mem = await memory();
    const lat = latencies((q) => ms.search(q).slice(0, 3), sample(questions, o.minisearchQuestions), 'minisearch');
    return { system: 'minisearch', paragraphs: docs.length, buildMs, ...mem, ...lat };
  }
  if (mode === 'fuse') {
    const started = performance.now();
    const fuse = new Fuse(docs, { keys: ['text'], ignoreLocation: true, includeScore: true });
    const buildMs = performance.now() - started;
    const mem = await memory();
    const lat = latencies((q) => fuse.search(q, { limit: 3 }), sample(questions, o.n), 'fuse');
    return { system: 'fuse', paragraphs: docs.length, buildMs, ...mem, ...lat };
  }
  throw new UsageError(`unknown child mode ${mode}`);
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

// ---------------------------------------------------------------------------------------------
// Parent: writes each size's folder, runs the children, prints the table.

/**
 * How many paragraphs of each corpus article survive the loader (cleaning, duplicates), so a size
 * means indexed paragraphs: the corpus is written once, one article per file, and loaded.
 */
async function keptParagraphs(dir: string, corpus: readonly Article[]): Promise<number[]> {
  mkdirSync(dir, { recursive: true });
  corpus.forEach((a, i) => writeFileSync(path.join(dir, `a${i}.jsonl`), `${articleLine(a, 0)}\n`));
  const { articles } = await loadArticles(dir);
  const kept = new Array<number>(corpus.length).fill(0);
  for (const a of articles) kept[Number(/^a(\d+)\.jsonl/.exec(a.file)![1])] = a.paragraphs.length;
  rmSync(dir, { recursive: true, force: true });
  return kept;
}

function articleLine(a: Article, copy: number): string {
  const url = copy === 0 || !a.url ? a.url : `${a.url}${a.url.includes('?') ? '&' : '?'}copy=${copy}`;
  const text = a.paragraphs.map((p) => (copy === 0 ? p.text : mark(p.text, copy))).join('\n\n');
  return JSON.stringify({ title: a.title, url, date: a.published, text });
}

/**
 * The corpus as JSONL article files, whole articles until `paragraphs` would be indexed; copy k > 0
 * gets new ids (its own files), its own URL and a marker word every 20 words and in every paragraph.
 */
function writeFolder(dir: string, corpus: readonly Article[], kept: readonly number[], paragraphs: number): number {
  mkdirSync(dir, { recursive: true });
  if (!kept.some((n) => n > 0)) throw new UsageError('no paragraph of the corpus survives the loader');
  let written = 0;
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
      batch.push(articleLine(a, copy));
      if (batch.length === ARTICLES_PER_FILE) flush();
    }
  }
  flush();
  return written;
}

function mark(text: string, copy: number): string {
  const words = text.split(' ');
  const out: string[] = [];
  words.forEach((w, i) => {
    out.push(w);
    if (i % MARKER_EVERY === MARKER_EVERY - 1) out.push(`zzcopy${copy}`);
  });
  // One in every paragraph, however short: the loader indexes a paragraph two articles share once.
  if (words.length % MARKER_EVERY !== 0) out.push(`zzcopy${copy}`);
  return out.join(' ');
}

function runChild(mode: string, o: ChildOptions): Promise<Measure> {
  const args = ['--expose-gc', '--import', 'tsx', SELF, '--child', mode, '--dir', o.dir, '--cache', o.cache, '--questions', o.questions];
  args.push('--fuse-questions', String(o.n), '--minisearch-questions', String(o.minisearchQuestions));
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (s: string) => (out += s));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`${mode} child exited with ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as Measure);
    });
  });
}

const f1 = (x: number | undefined) => (x === undefined ? '-' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));

function table(rows: Array<{ size: number; m: Measure }>): string {
  const head = ['size', 'system', 'paragraphs', 'build s', 'RSS MB', 'peak MB', 'p50 ms', 'p95 ms', 'p99 ms', 'questions', 'notes'];
  const lines = rows.map(({ size, m }) => [
    String(size),
    m.system,
    String(m.paragraphs),
    m.buildMs === undefined ? '-' : (m.buildMs / 1000).toFixed(2),
    f1(m.rssMb),
    f1(m.peakRssMb),
    f1(m.p50),
    f1(m.p95),
    f1(m.p99),
    m.questions === undefined ? '-' : String(m.questions),
    m.note ??
      (m.saveMs !== undefined
        ? `index saved to the cache ${(m.saveMs / 1000).toFixed(2)} s after build (in the background)`
        : m.startToAnswerMs === undefined
        ? '-'
        : `${m.startToAnswerMs.toFixed(0)} ms from start (open+answer ${m.openToAnswerMs!.toFixed(0)} ms${m.fromCache ? ', from cache' : ', NOT from cache'}, RSS ${f1(m.rssMb)} MB)`),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(head), ...lines.map(fmt)].join('\n');
}

const USAGE = `usage: npm run bench:speed -- --corpus FILE [--paragraphs N[,N…]] [--questions FILE] [--fuse-questions N]
                           [--fuse-max N] [--minisearch-questions N] [--systems product,minisearch,fuse] [--keep]

Build time, memory and latency per question of this product, MiniSearch and Fuse, each in its own process.
  --corpus FILE             news corpus, JSONL: {"id","title","text","url","date"} per line
  --paragraphs N[,N…]       sizes to measure (default 10000,100000,200000)
  --questions FILE          questions (default: realtimeqa.en.dev.jsonl beside the corpus)
  --fuse-questions N        questions Fuse answers (default 20)
  --fuse-max N              skip Fuse above this many paragraphs (default 10000)
  --minisearch-questions N  questions MiniSearch answers (default 100000)
  --systems LIST            which systems (default product,minisearch,fuse)
  --keep                    keep the generated folders
  -h, --help                this help`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      corpus: { type: 'string' },
      paragraphs: { type: 'string', default: '10000,100000,200000' },
      questions: { type: 'string' },
      'fuse-questions': { type: 'string', default: '20' },
      'fuse-max': { type: 'string', default: '10000' },
      'minisearch-questions': { type: 'string', default: '100000' },
      systems: { type: 'string', default: 'product,minisearch,fuse' },
      keep: { type: 'boolean', default: false },
      // Internal: a child process measuring one system.
      child: { type: 'string' },
      dir: { type: 'string' },
      cache: { type: 'string' },
    },
  });
  const fuseQuestions = Number(values['fuse-questions']);
  const minisearchQuestions = Number(values['minisearch-questions']);
  if (!Number.isInteger(minisearchQuestions) || minisearchQuestions <= 0) throw new UsageError('--minisearch-questions takes a positive whole number');
  if (values.child) {
    const m = await child(values.child, { dir: values.dir!, cache: values.cache!, questions: values.questions!, n: fuseQuestions, minisearchQuestions });
    process.stdout.write(`${JSON.stringify(m)}\n`);
    return 0;
  }

  if (!values.corpus) throw new UsageError('give --corpus FILE (news corpus JSONL: {"id","title","text","url","date"} per line)');
  const questionsFile = values.questions ?? path.join(path.dirname(values.corpus), 'realtimeqa.en.dev.jsonl');
  if (!existsSync(questionsFile)) throw new UsageError(`no questions file ${questionsFile} (give --questions FILE)`);
  const sizes = values.paragraphs.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new UsageError('--paragraphs takes positive whole numbers, comma-separated');
  if (!Number.isInteger(fuseQuestions) || fuseQuestions <= 0) throw new UsageError('--fuse-questions takes a positive whole number');
  const fuseMax = Number(values['fuse-max']);
  const systems = new Set(values.systems.split(','));
  const corpus = loadCorpus(values.corpus);
  const questionCount = readQuestions(questionsFile).length;
  process.stderr.write(`corpus: ${corpus.length} articles; ${questionCount} questions from ${questionsFile}\n`);

  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-speed-'));
  process.stderr.write('counting the paragraphs the loader keeps of each article…\n');
  const kept = await keptParagraphs(path.join(work, 'calibrate'), corpus);
  const rows: Array<{ size: number; m: Measure }> = [];
  try {
    for (const size of sizes) {
      const dir = path.join(work, `articles-${size}`);
      const cache = path.join(work, `cache-${size}`);
      const written = writeFolder(dir, corpus, kept, size);
      process.stderr.write(`\n# ${size} paragraphs: about ${written} indexable paragraphs written as JSONL files under ${dir}\n`);
      const o = { dir, cache, questions: questionsFile, n: fuseQuestions, minisearchQuestions };
      const add = (m: Measure) => {
        rows.push({ size, m });
        process.stderr.write(`  ${JSON.stringify(m)}\n`);
      };
      if (systems.has('product')) {
        process.stderr.write('  product: cold open (empty cache)…\n');
        add(await runChild('product-cold', o));
        process.stderr.write('  product: warm restart…\n');
        add(await runChild('product-warm', o));
      }
      if (systems.has('minisearch')) {
        process.stderr.write('  minisearch…\n');
        add(await runChild('minisearch', o));
      }
      if (systems.has('fuse')) {
        if (size > fuseMax) {
          rows.push({ size, m: { system: 'fuse', paragraphs: size, note: `skipped: over --fuse-max ${fuseMax} (a question takes seconds)` } });
        } else {
          process.stderr.write(`  fuse (${fuseQuestions} questions)…\n`);
          add(await runChild('fuse', o));
        }
      }
      if (!values.keep) rmSync(dir, { recursive: true, force: true }), rmSync(cache, { recursive: true, force: true });
    }
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
    else process.stderr.write(`kept ${work}\n`);
  }
  process.stdout.write(`\n${table(rows)}\n`);
  process.stdout.write(
    `\nproduct = LiveIndex.open over JSONL files (${ARTICLES_PER_FILE} articles each), answer() with its defaults; warm = a new process, persisted index.\n` +
      'RSS after build, a full GC and 1 s; peak = max RSS of the process. Latency over the RealTime QA questions (questions column:\n' +
      'fewer than all = an even sample, --fuse-questions / --minisearch-questions). Each system runs in its own process.\n',
  );
  return 0;
}

runCli(main);
