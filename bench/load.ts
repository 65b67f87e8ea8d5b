/**
 * npm run bench:load -- [--articles DIR] [--questions N] [--chats N] [--time-scale X]
 *
 * The bot under load, end to end on 127.0.0.1: the real bot (long polling, real answer() over the
 * articles folder) against a Bot API emulator that enforces Telegram's flood limits. Questions from
 * private chats and groups (a few of them over the per-user limit) arrive in bursts; prints
 * throughput, reply latency (p50/p95/max), flood errors and any reply that went missing, came twice
 * or out of order. Telegram's limits run at real speed unless --time-scale is below 1 (0.1 = ten
 * times faster on both sides).
 */
import { Writable } from 'node:stream';
import { loadArticles } from '../src/articles/library.js';
import { startBot } from '../src/bot/run.js';
import { TELEGRAM_RATES } from '../src/bot/send.js';
import type { Config } from '../src/config.js';
import { loadConfig } from '../src/config.js';
import { UsageError } from '../src/errors.js';
import { createLogger } from '../src/log.js';
import { answer } from '../src/search/answer.js';
import { SearchIndex } from '../src/search/index.js';
import { FakeTelegram } from './fake-telegram.js';
import { DEFAULT_SHAPE, percentile, planLoad, runLoad } from './load-driver.js';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { seededRandom } from './typos.js';

const TOKEN = '123456789:AAbenchmarkTokenNotARealOne_abcdefghij';

/** Questions made from the articles' own words (a few content words of a paragraph), plus misses. */
function questionsFrom(paragraphs: readonly string[], n: number): string[] {
  const random = seededRandom(42);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 10 === 9 || paragraphs.length === 0) {
      out.push('what is the weather on mars tomorrow?');
      continue;
    }
    const words = paragraphs[Math.floor(random() * paragraphs.length)]!.split(/\s+/).filter((w) => w.length > 3);
    const start = Math.floor(random() * Math.max(1, words.length - 5));
    out.push(`what about ${words.slice(start, start + 5).join(' ')}?`);
  }
  return out;
}

const USAGE = `usage: npm run bench:load -- [--articles DIR] [--questions N] [--chats N] [--time-scale X]

The real bot under load against a local Bot API emulator with Telegram's flood limits:
throughput, reply latency, flood errors and replies missing, doubled or out of order.
  --articles DIR    the articles folder (default: ARTICLES_DIR, else ./articles)
  --questions N     questions to send (default ${DEFAULT_SHAPE.questions})
  --chats N         chats they come from, 10 to --questions (default ${DEFAULT_SHAPE.chats})
  --time-scale X    above 0, at most 1: 0.1 runs Telegram's limits ten times faster (default 1)
  -h, --help        this help`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: {
      articles: { type: 'string' },
      questions: { type: 'string', default: String(DEFAULT_SHAPE.questions) },
      chats: { type: 'string', default: String(DEFAULT_SHAPE.chats) },
      'time-scale': { type: 'string', default: '1' },
    },
  });
  const questions = Number(values.questions);
  const chats = Number(values.chats);
  const scale = Number(values['time-scale']);
  if (!Number.isInteger(questions) || questions < 1) throw new UsageError(`--questions must be a positive whole number, got "${values.questions}"`);
  if (!Number.isInteger(chats) || chats < 10 || chats > questions)
    throw new UsageError(`--chats must be a whole number from 10 to --questions, got "${values.chats}"`);
  if (!(scale > 0 && scale <= 1)) throw new UsageError(`--time-scale must be above 0 and at most 1, got "${values['time-scale']}"`);

  const base = loadConfig();
  const loaded = await loadArticles(values.articles ?? base.articlesDir);
  if (loaded.articles.length === 0) throw new UsageError('no articles to answer from');
  const index = SearchIndex.build(loaded.articles);

  const rates = { ...TELEGRAM_RATES, perChatIntervalMs: TELEGRAM_RATES.perChatIntervalMs * scale, timeScale: scale };
  const fake = new FakeTelegram(rates);
  const apiRoot = await fake.start();
  const rateLimit = { perUser: 5, perChat: 30, windowSeconds: 3600 };
  const config: Config = { ...base, botToken: TOKEN, telegramApiRoot: apiRoot, webhook: undefined, healthPort: undefined, rateLimit };
  // Warnings (retries, floods) go to stderr; the numbers go to stdout.
  const log = createLogger({ level: 'warn', secrets: [TOKEN], destination: new Writable({ write: (c, _e, cb) => (process.stderr.write(c), cb()) }) });
  const bot = await startBot({ config, log, ask: (q, o) => answer(index, q, o), articles: () => loaded.articles }, { send: { rates } });

  const shape = {
    ...DEFAULT_SHAPE,
    questions,
    chats,
    groups: Math.round(chats / 4),
    bigGroups: Math.min(5, Math.round(chats / 40)),
    spammers: Math.round(chats / 20),
  };
  const texts = questionsFrom(
    loaded.articles.flatMap((a) => a.paragraphs.map((p) => p.text)),
    200,
  );
  const plan = planLoad(shape, texts, fake.bot.username, rateLimit);
  process.stdout.write(
    `bench:load  ${loaded.articles.length} articles, ${plan.length} questions from ${chats} chats (${shape.groups} groups), ` +
      `Telegram limits at ${scale === 1 ? 'real speed' : `${1 / scale}x speed`}\n`,
  );
  const result = await runLoad(fake, plan, { burst: 100, gapMs: 100 * scale, timeoutMs: 600_000 });
  await bot.stop('benchmark over');
  await fake.stop();

  const replies = result.latenciesMs.length;
  const seconds = result.durationMs / 1000;
  const row = (k: string, v: string) => process.stdout.write(`  ${k.padEnd(24)}${v}\n`);
  row('replies', `${replies} (${plan.filter((m) => m.expect === 'silent').length} questions deliberately rate-limited)`);
  row('duration', `${seconds.toFixed(2)} s`);
  row('throughput', `${(replies / Math.max(seconds, 0.001)).toFixed(1)} replies/s`);
  row('latency p50', `${percentile(result.latenciesMs, 50)} ms`);
  row('latency p95', `${percentile(result.latenciesMs, 95)} ms`);
  row('latency max', `${percentile(result.latenciesMs, 100)} ms`);
  row('flood errors', String(fake.counts.floodErrors));
  row('problems', result.problems.length === 0 ? 'none' : `${result.problems.length}: ${result.problems.slice(0, 5).join('; ')}`);
  return result.problems.length === 0 && fake.counts.floodErrors === 0 ? 0 : 1;
}

runCli(main);
