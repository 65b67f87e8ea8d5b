/**
 * npm run bench:quality -- --dataset FILE [--dataset FILE…] [--articles-from FILE] [--distractors FILE] [--typos] [--abstain]
 *                          [--fuse-sample N] [--systems product,minisearch,fuse] [--backend embedded|postgres]
 *
 * Answer quality side by side: this product (through `answer()`, as the bot answers), one Fuse over
 * all paragraphs, and MiniSearch. Prints top-1, top-3, MRR@10 and milliseconds per question.
 * --backend postgres adds this product over the PostgreSQL backend (a throwaway database on
 * BENCH_DATABASE_URL, default the local server) beside the embedded one, abstention included.
 */
import path from 'node:path';
import { loadAnswerModels, type AnswerModels } from '../src/app/open.js';
import { dedupeParagraphs } from '../src/articles/dedupe.js';
import type { Article } from '../src/articles/types.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { UsageError } from '../src/errors.js';
import { loadCorpus, loadQaSet, type Question } from './data.js';
import { judge, textKeys, type Judge, type KeyOf } from './judge.js';
import { fuseSystem, miniSearchSystem, productSystem, type BenchHit } from './systems.js';
import { addTypos, seededRandom } from './typos.js';
import { postgresSystem } from './postgres.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';

interface Score {
  top1: number;
  top3: number;
  mrr: number;
  ms: number;
  n: number;
}

/** A system whose answers may come from a database. */
interface AnySystem {
  name: string;
  search(question: string, limit: number): BenchHit[] | Promise<BenchHit[]>;
  close?(): Promise<void>;
}

async function evaluate(system: AnySystem, questions: readonly Question[], ask: (q: Question) => string, right: Judge): Promise<Score> {
  let top1 = 0;
  let top3 = 0;
  let mrr = 0;
  const started = performance.now();
  for (const q of questions) {
    const hits = await system.search(ask(q), 10);
    const rank = hits.findIndex((h) => right(h, q));
    if (rank === 0) top1++;
    if (rank >= 0 && rank < 3) top3++;
    if (rank >= 0) mrr += 1 / (rank + 1);
  }
  const n = questions.length || 1;
  return { top1: top1 / n, top3: top3 / n, mrr: mrr / n, ms: (performance.now() - started) / n, n: questions.length };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);

function row(name: string, s: Score): string {
  return `${name.padEnd(40)} ${pct(s.top1)} ${pct(s.top3)} ${s.mrr.toFixed(3).padStart(7)} ${s.ms.toFixed(2).padStart(9)} ${String(s.n).padStart(6)}`;
}

/** Every k-th question, so a slow baseline sees the same spread of questions in less time. */
function sample<T>(items: readonly T[], n: number): T[] {
  if (n >= items.length) return [...items];
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

const SMALL_TALK = [
  'hi',
  'hello!',
  'how are you?',
  'thanks',
  'thank you so much',
  'ok',
  'good morning',
  'bye',
  'lol',
  'who are you?',
  'привет',
  'спасибо',
  'hola',
  'gracias',
  'danke',
  'hallo, wie geht es?',
];

const USAGE = `usage: npm run bench:quality -- --dataset FILE [--dataset FILE…] [--articles-from FILE] [--distractors FILE] [--typos] [--abstain]
                             [--fuse-sample N] [--systems product,minisearch,fuse] [--seed N] [--threshold X]
                             [--backend embedded|postgres]

Answer quality of this product, MiniSearch and Fuse: top-1, top-3, MRR@10 and ms per question.
  --dataset FILE      a QA set (format of shared/eval/README.md); repeat for several
  --articles-from FILE  index this QA set's articles instead of each dataset's own (the same articles
                      in another language: XQuAD's English ones for its Russian questions)
  --distractors FILE  extra articles (JSONL) indexed with every set
  --typos             also ask every question with typos
  --abstain           also measure declining questions about articles not indexed
  --fuse-sample N     questions Fuse answers (default 100; 0 skips it)
  --systems LIST      which systems (default product,minisearch,fuse)
  --seed N            seed for the typos (default 42)
  --threshold X       confidence bar for --abstain (default: the product's own)
  --backend NAME      postgres: also this product over the PostgreSQL backend (default embedded only)
  -h, --help          this help`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      dataset: { type: 'string', multiple: true },
      'articles-from': { type: 'string' },
      distractors: { type: 'string' },
      typos: { type: 'boolean', default: false },
      abstain: { type: 'boolean', default: false },
      'fuse-sample': { type: 'string', default: '100' },
      systems: { type: 'string', default: 'product,minisearch,fuse' },
      seed: { type: 'string', default: '42' },
      threshold: { type: 'string' },
      backend: { type: 'string', default: 'embedded' },
    },
  });
  if (!['embedded', 'postgres'].includes(values.backend)) throw new UsageError('--backend is embedded or postgres');
  const postgres = values.backend === 'postgres';
  if (!values.dataset?.length) throw new UsageError('give at least one --dataset FILE (QA format of shared/eval/README.md)');
  const fuseSample = Number(values['fuse-sample']);
  // --threshold explores the abstention trade-off; the product's own MIN_CONFIDENCE otherwise.
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  const wanted = new Set(values.systems.split(','));
  // Word vectors and sentence model as the bot would have them (WORD_VECTORS, SENTENCE_MODEL, INDEX_CACHE_DIR).
  const models = await loadAnswerModels(loadConfig(), createLogger({ level: 'warn' }));
  console.log(
    'path: in memory: articles cleaned as the loader cleans them and shared paragraphs indexed once, then answer() as the bot calls it;' +
      ' skipped: reading files, dropping duplicate articles, the index cache and starting the bot (bench:speed measures those)',
  );
  const distractors: Article[] = values.distractors ? loadCorpus(values.distractors) : [];
  if (values.distractors) {
    console.log(
      `distractors: ${distractors.length} articles, ${distractors.reduce((n, a) => n + a.paragraphs.length, 0)} paragraphs from ${values.distractors}`,
    );
  }

  // Questions across languages: the datasets' questions over these articles (ids and paragraphs alike).
  const across = values['articles-from'] ? loadQaSet(values['articles-from']).articles : undefined;
  for (const file of values.dataset) {
    const own = loadQaSet(file);
    const set = across ? { ...own, name: `${own.name} over ${path.basename(values['articles-from']!)}`, articles: across } : own;
    // A paragraph several articles share is indexed once, as the bot's loader does.
    const { articles } = dedupeParagraphs([...set.articles, ...distractors]);
    const paragraphs = articles.reduce((n, a) => n + a.paragraphs.length, 0);
    console.log(`\n## ${set.name}: ${set.questions.length} questions, ${articles.length} articles, ${paragraphs} paragraphs`);
    console.log(
      `${'system'.padEnd(40)} ${'top-1'.padStart(7)} ${'top-3'.padStart(7)} ${'MRR@10'.padStart(7)} ${'ms/q'.padStart(9)} ${'n'.padStart(6)}`,
    );

    const random = seededRandom(Number(values.seed));
    const keyOf = textKeys([...set.articles, ...distractors]);
    const right = judge(keyOf);
    const typoed = new Map(set.questions.map((q) => [q.id, addTypos(q.q, random)]));
    const systems: Array<[AnySystem, Question[]]> = [];
    if (wanted.has('product')) systems.push([productSystem(articles, { minConfidence: 0, ...models }), set.questions]);
    if (wanted.has('product') && postgres) systems.push([await postgresSystem(articles, { minConfidence: 0, ...models }), set.questions]);
    if (wanted.has('minisearch')) systems.push([miniSearchSystem(articles), set.questions]);
    if (wanted.has('fuse') && fuseSample > 0) {
      const qs = sample(set.questions, fuseSample);
      systems.push([{ ...fuseSystem(articles), name: `fuse.js (one Fuse), ${qs.length} q sample` }, qs]);
    }
    for (const [system, questions] of systems) {
      console.log(row(system.name, await evaluate(system, questions, (q) => q.q, right)));
      if (values.typos) console.log(row(`  with typos`, await evaluate(system, questions, (q) => typoed.get(q.id)!, right)));
    }

    for (const [system] of systems) await system.close?.();
    if (values.abstain) {
      await abstention(set.articles, set.questions, distractors, right, keyOf, { threshold, ...models }, async (a, o) => productSystem(a, o));
      if (postgres) await abstention(set.articles, set.questions, distractors, right, keyOf, { threshold, ...models }, postgresSystem);
    }
  }
  return 0;
}

/**
 * Index half of the set's articles and ask the other half's questions: the bot should say it found
 * nothing. And of the indexed half's questions it ranks right, it should still answer nearly all.
 */
async function abstention(
  articles: readonly Article[],
  questions: readonly Question[],
  distractors: readonly Article[],
  right: Judge,
  keyOf: KeyOf,
  options: { threshold?: number } & AnswerModels,
  make: (articles: readonly Article[], options: { minConfidence?: number } & AnswerModels) => Promise<AnySystem>,
): Promise<void> {
  const inside = new Set(articles.filter((_, i) => i % 2 === 0).map((a) => a.id));
  const { articles: indexed } = dedupeParagraphs([...articles.filter((a) => inside.has(a.id)), ...distractors]);
  const strict = await make(indexed, { ...options, minConfidence: options.threshold });
  const loose = await make(indexed, { ...options, minConfidence: 0 });
  // A question of the other half whose paragraph an indexed article repeats word for word is
  // answered by the index: it counts with the indexed half's questions.
  const indexedText = new Set(indexed.flatMap((a) => a.paragraphs.map((p) => keyOf(a.id, p.index))));
  const answerable = (q: Question) => inside.has(q.articleId) || indexedText.has(keyOf(q.articleId, q.para));
  const outside = questions.filter((q) => !answerable(q));
  const known = questions.filter(answerable);
  const strictHit = async (q: string) => (await strict.search(q, 1))[0];
  const each = async <T, R>(items: readonly T[], fn: (item: T) => Promise<R>) => {
    const out: R[] = [];
    for (const item of items) out.push(await fn(item));
    return out;
  };
  const answeredOutside = (await each(outside, (q) => strictHit(q.q))).filter((h) => h !== undefined);
  const rankedRight = await each(known, async (q) => right((await loose.search(q.q, 1))[0], q));
  const ranked = known.filter((_, i) => rankedRight[i]);
  const kept = (await each(ranked, (q) => strictHit(q.q))).filter((h) => h !== undefined);
  const unsure = (hits: BenchHit[]) => hits.filter((h) => h.tentative).length / (hits.length || 1);
  const chat = (await each(SMALL_TALK, strictHit)).filter((h) => h === undefined).length;
  await strict.close?.();
  await loose.close?.();
  console.log(
    `abstention (${strict.name}): ${pct(1 - answeredOutside.length / (outside.length || 1))} of ${outside.length} questions about unindexed articles;` +
      ` answered ${pct(kept.length / (ranked.length || 1))} of ${ranked.length} it ranks right; small talk ${chat}/${SMALL_TALK.length} declined`,
  );
  console.log(`  answered "not sure": ${pct(unsure(answeredOutside))} of those about unindexed articles, ${pct(unsure(kept))} of the right ones`);
}

runCli(main);
