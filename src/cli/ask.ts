/**
 * npm run --silent ask -- [--articles DIR] [--json] [--limit N] [--backend postgres] [QUESTION]
 *
 * Answers one question, or every line of standard input in order. With --json, exactly one JSON line
 * per question on standard output (the contract scripts and benchmarks rely on); logs go to stderr.
 */
import { createInterface } from 'node:readline';
import { loadAnswerModels, openLiveIndex } from '../app/open.js';
import { createLogger } from '../log.js';
import { PostgresSearch } from '../search/postgres/backend.js';
import { renderAnswerPlain } from '../replies/plain.js';
import { loadConfig } from '../config.js';
import { UsageError } from '../errors.js';
import type { Answer } from '../search/types.js';
import { parseCommandLine } from './args.js';
import { connectReads, connectSearch } from './postgres-index.js';
import { terminalProgress } from './progress.js';
import { runCli } from './run.js';

const USAGE = `usage: npm run --silent ask -- [--articles DIR] [--json] [--limit N] [--backend postgres] [QUESTION]

Answers the question, or else every line of standard input, as the bot would.
  --articles DIR  the articles folder (default: ARTICLES_DIR, else ./articles)
  --json          one JSON line per question on standard output (a stable format for scripts)
  --limit N       passages per answer (default 3)
  --backend NAME  postgres: answer from the articles stored at DATABASE_URL (npm run index --
                  --to-postgres) instead of the folder (default embedded)
  -h, --help      this help`;

/** The `ask --json` line: stable for operators' scripts. Extend it; never rename or drop a field. */
export function answerJson(answer: Answer): string {
  return JSON.stringify({
    question: answer.question,
    answers: answer.passages.map((p) => ({
      title: p.article.title,
      url: p.article.url,
      file: p.article.file,
      paragraph: p.paragraph.index,
      text: p.paragraph.text,
      passage: p.text,
      score: p.score,
      // Added in the same contract: a short paragraph's neighbour shown with it (`text` holds both).
      ...(p.neighbour !== undefined ? { neighbour: p.neighbour } : {}),
    })),
    // Added in the same contract: why there is no answer (only when `answers` is empty).
    ...(answer.reason ? { reason: answer.reason } : {}),
    // Added too: true when the best answer only narrowly passed the bar (the reply says "not sure").
    ...(answer.tentative ? { tentative: true } : {}),
    // Added too: the year asked about and the date of the best answer, when that answer is from another year.
    ...(answer.mismatch ? { mismatch: answer.mismatch } : {}),
    // Added too: on a decline for a year or thing the folder's closest article is not about, that article.
    ...(answer.closest ? { closest: { title: answer.closest.title, url: answer.closest.url, file: answer.closest.file } } : {}),
    // Added too: the calibrated probability that the best answer answers (English questions).
    ...(answer.confidence !== undefined ? { confidence: answer.confidence } : {}),
  });
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    usage: USAGE,
    positionals: true,
    options: {
      articles: { type: 'string' },
      json: { type: 'boolean', default: false },
      limit: { type: 'string', default: '3' },
      backend: { type: 'string', default: 'embedded' },
    },
  });
  if (!['embedded', 'postgres'].includes(values.backend)) throw new UsageError(`--backend is embedded or postgres, got "${values.backend}"`);
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive whole number, got "${values.limit}"`);
  const config = loadConfig();
  if (values.backend === 'postgres') return askPostgres(config, positionals, values.json, limit);
  const progress = terminalProgress(process.stderr);
  const live = await openLiveIndex(config, { articlesDir: values.articles, logLevel: 'warn', progress: progress?.update }).finally(() =>
    progress?.done(),
  );
  const print = (question: string) => {
    const a = live.ask(question, { limit });
    process.stdout.write((values.json ? answerJson(a) : renderAnswerPlain(a, { articles: live.current.articles }) + '\n') + '\n');
  };
  if (positionals.length > 0) {
    print(positionals.join(' '));
  } else {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) print(line);
  }
  await live.close();
  return 0;
}

/** `--backend postgres`: the same answers and output, from the PostgreSQL search backend. */
async function askPostgres(config: ReturnType<typeof loadConfig>, positionals: readonly string[], json: boolean, limit: number): Promise<number> {
  const db = await connectSearch(config, '--backend postgres needs DATABASE_URL (where npm run index -- --to-postgres stored the articles)');
  // DATABASE_READ_URL: questions go to the read-only replica, as the bot's do.
  const reads =
    config.databaseReadUrl === undefined
      ? db
      : await connectReads(config.databaseReadUrl).catch(async (err: unknown) => {
          await db.close();
          throw err;
        });
  try {
    const models = await loadAnswerModels(config, createLogger({ level: 'warn' }));
    const search = new PostgresSearch(reads);
    const print = async (question: string) => {
      const a = await search.answer(question, { limit, ...models });
      process.stdout.write((json ? answerJson(a) : renderAnswerPlain(a) + '\n') + '\n');
    };
    if (positionals.length > 0) await print(positionals.join(' '));
    else for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) await print(line);
  } finally {
    await Promise.all([db.close(), reads === db ? undefined : reads.close()]);
  }
  return 0;
}

runCli(main);
