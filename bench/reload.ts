/**
 * npm run bench:reload -- [--articles N] [--every MS] [--timeout S] [--keep]
 *
 * Whether a reload stalls answers. Writes N small, similar synthetic articles (one template, varied
 * names, places and numbers) to a temporary folder, opens the live index over it as the bot does
 * (persisted cache, the settings' answer models, watching the folder), then adds one article and
 * asks a question every MS ms until the new article answers. Prints how long the new article took
 * to become answerable and the answer latency of every question asked meanwhile, counted from when
 * it was due (so time spent waiting behind a blocked event loop counts), and again until the cache
 * was saved. Bounded: gives up after --timeout seconds.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadAnswerModels } from '../src/app/open.js';
import { LiveIndex } from '../src/app/live-index.js';
import { loadConfig } from '../src/config.js';
import { UsageError } from '../src/errors.js';
import { createLogger } from '../src/log.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';

const NAMES = [
  'Anna Berg',
  'Tomas Weller',
  'Maria Costa',
  'Jonas Pike',
  'Lena Ortiz',
  'Omar Haddad',
  'Sara Lind',
  'Piet Vos',
  'Ines Moreau',
  'Karl Dunn',
];
const TOWNS = [
  'Northbridge',
  'Eastwick',
  'Millford',
  'Ashby',
  'Redcliff',
  'Lowmoor',
  'Kingsport',
  'Fairholm',
  'Brackley',
  'Westerley',
  'Hollin',
  'Stanmore',
];
const THINGS = ['library', 'bus depot', 'swimming pool', 'bridge', 'school', 'market hall', 'clinic', 'park', 'fire station', 'museum'];

/** Article `i` of the synthetic folder: the same three paragraphs each time, other names and numbers. */
export function syntheticArticle(i: number): string {
  const name = NAMES[i % NAMES.length]!;
  const town = `${TOWNS[i % TOWNS.length]!} ${Math.floor(i / TOWNS.length) % 97}`;
  const thing = THINGS[(i * 7) % THINGS.length]!;
  const day = 1 + (i % 28);
  const paragraphs = [
    `The council of ${town} voted on ${day} March to spend ${(i % 900) + 100} thousand euros on repairs to the ${thing}, after a report found damage in ${(i % 40) + 2} places.`,
    `Councillor ${name} said the work on the ${thing} would start in ${['April', 'May', 'June'][i % 3]} and take about ${(i % 11) + 2} weeks, during which residents should use the ${thing} in a neighbouring town.`,
    `Residents of ${town} had asked for the repairs for ${(i % 9) + 2} years; ${(i % 300) + 50} of them signed a petition handed to the council in ${2015 + (i % 9)}.`,
  ];
  return `---\ntitle: ${town} council approves ${thing} repairs (${i})\nurl: https://synthetic.example/${i}\npublished: 2024-03-${String(day).padStart(2, '0')}\n---\n${paragraphs.join('\n\n')}\n`;
}

const USAGE = `usage: npm run bench:reload -- [--articles N] [--every MS] [--timeout S] [--keep]

Adds one article to a folder of N small similar synthetic articles while asking questions, and prints
how long the new article takes to answer and how long questions wait meanwhile.

  --articles N   synthetic articles in the folder (default 10000)
  --every MS     ask a question every MS milliseconds (default 20)
  --timeout S    give up after S seconds (default 120)
  --keep         keep the temporary folder
  -h, --help     this help`;

const ADDED = `---\ntitle: Lighthouse keeper retires after forty years\nurl: https://synthetic.example/lighthouse\npublished: 2024-04-02\n---\nThe keeper of the Cape Merrow lighthouse, Edith Calloway, retired on Tuesday after forty years of tending the lamp through winter storms.\n`;
const NEW_QUESTION = 'Who retired as keeper of the Cape Merrow lighthouse?';
const OLD_QUESTIONS = [
  'How much will the council of Ashby 3 spend on the bridge?',
  'When will work on the swimming pool start?',
  'Who signed the petition for the library repairs?',
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : 0;
}

function describeLatencies(label: string, ms: readonly number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  return `${label}: ${sorted.length} questions, p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`;
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      articles: { type: 'string', default: '10000' },
      every: { type: 'string', default: '20' },
      timeout: { type: 'string', default: '120' },
      keep: { type: 'boolean', default: false },
    },
  });
  const count = Number(values.articles);
  const every = Number(values.every);
  const timeoutMs = Number(values.timeout) * 1000;
  if (!(Number.isInteger(count) && count > 0 && every > 0 && timeoutMs > 0))
    throw new UsageError('--articles, --every and --timeout must be positive numbers');

  const root = mkdtempSync(path.join(os.tmpdir(), 'bench-reload-'));
  const articlesDir = path.join(root, 'articles');
  try {
    for (let i = 0; i < count; i++) {
      const dir = path.join(articlesDir, String(Math.floor(i / 1000)));
      if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `a${i}.md`), syntheticArticle(i));
    }
    process.stdout.write(`synthetic folder: ${count} small similar articles (one template, varied names and numbers) in ${articlesDir}\n`);
    process.stdout.write(
      'path: the live index as the bot opens it (files read, cleaned, deduplicated, indexed, cache, folder watch), in this process: no process start\n',
    );

    const log = createLogger({ level: 'warn' });
    const models = await loadAnswerModels(loadConfig(), log);
    let started = performance.now();
    const live = await LiveIndex.open({ articlesDir, cacheDir: path.join(root, 'cache'), log, ...models });
    process.stdout.write(`first build: ${((performance.now() - started) / 1000).toFixed(1)} s, ${live.current.documentCount} paragraphs\n`);
    await live.whenSaved();
    for (const q of OLD_QUESTIONS) live.ask(q); // warm up
    const stop = live.watch();
    await new Promise((resolve) => setTimeout(resolve, 500)); // the watcher is set up

    const duringReload: number[] = [];
    const untilSaved: number[] = [];
    started = performance.now();
    writeFileSync(path.join(articlesDir, 'added.md'), ADDED);
    let k = 0;
    /**
     * Asks every question that has come due (one every `every` ms, whether or not the event loop was
     * free: those that arrived while it was blocked waited, and count so) until `done` says stop.
     */
    const askUntil = (latencies: number[], done: (question: string, top: string | undefined) => boolean) =>
      new Promise<void>((resolve) => {
        const due0 = performance.now();
        let n = 0;
        const tick = () => {
          // Every question already due is asked (and counted), even once `done` holds.
          let finished = false;
          for (const now = performance.now(); due0 + n * every <= now;) {
            const due = due0 + n++ * every;
            const question = ++k % 2 === 0 ? NEW_QUESTION : OLD_QUESTIONS[k % OLD_QUESTIONS.length]!;
            const top = live.ask(question).passages[0]?.article.file;
            latencies.push(performance.now() - due);
            if (done(question, top)) finished = true;
          }
          if (finished || performance.now() - started > timeoutMs) return resolve();
          setTimeout(tick, Math.max(0, due0 + n * every - performance.now()));
        };
        tick();
      });
    let answerable: number | undefined;
    await askUntil(duringReload, (question, top) => {
      if (question === NEW_QUESTION && top === 'added.md') answerable = performance.now() - started;
      return answerable !== undefined;
    });
    // Then until the persisted index is written (also on this thread).
    let saved = false;
    void live.whenSaved().then(() => (saved = true));
    await askUntil(untilSaved, () => saved);
    stop();
    await live.close();

    process.stdout.write(
      `${answerable === undefined ? `added file NOT answerable within ${values.timeout} s` : `added file answerable after ${(answerable / 1000).toFixed(2)} s`}` +
        ` (reload of ${count + 1} files, last build ${live.stats()['last build']})\n` +
        `${describeLatencies(`questions every ${every} ms until then`, duringReload)}\n` +
        `${describeLatencies('then until the cache was saved', untilSaved)}\n`,
    );
    return answerable === undefined ? 1 : 0;
  } finally {
    if (values.keep) process.stderr.write(`kept ${root}\n`);
    else rmSync(root, { recursive: true, force: true });
  }
}

runCli((argv) => main(argv), import.meta.url);
