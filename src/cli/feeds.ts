/**
 * npm run feeds -- [--articles DIR]
 *
 * Fetches every feed in FEEDS once, stores new items as article files under
 * `<articles>/feeds/<feed host>/`, and prints one summary line per feed (plus the files written).
 * Exits 0 when every feed worked, 1 when any failed, 2 when FEEDS is empty or the arguments or
 * settings are wrong.
 */
import path from 'node:path';
import { parseCommandLine } from './args.js';
import { commandSetup, reportCliError, runCli, type CliIo } from './run.js';
import { ConfigError } from '../errors.js';
import { fetchFeeds, type FeedsSummary, type FetchFeedsOptions } from '../feeds/fetch.js';
import { createLogger, type Logger } from '../log.js';

export interface FeedsIo extends CliIo {
  /** Tests pass a quiet logger; by default logs go to standard error at LOG_LEVEL. */
  log?: Logger;
  resolve?: FetchFeedsOptions['resolve'];
}

const USAGE = `usage: npm run feeds -- [--articles DIR]

Fetches every feed in FEEDS once and stores new items as article files.
  --articles DIR  the articles folder to store into (default: ARTICLES_DIR, else ./articles)
  -h, --help      this help`;

export async function main(argv: string[], io: FeedsIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    return await run(argv, io);
  } catch (err) {
    return reportCliError(err, io);
  }
}

async function run(argv: string[], io: FeedsIo): Promise<number> {
  const { values } = parseCommandLine(argv, { usage: USAGE, options: { articles: { type: 'string' } } });
  const { cwd, config, articlesDir } = commandSetup(values, io);
  if (config.feeds.length === 0) {
    throw new ConfigError('FEEDS', 'no feeds to fetch; list RSS or Atom feed URLs in .env, separated by commas');
  }
  const log = io.log ?? createLogger({ level: config.logLevel, secrets: config.botToken ? [config.botToken] : [] });

  const summary = await fetchFeeds({
    feeds: config.feeds,
    articlesDir,
    stateFile: path.join(config.indexCacheDir, 'feeds.json'),
    log,
    allowPrivateAddresses: config.feedsAllowPrivateAddresses,
    ...(io.resolve ? { resolve: io.resolve } : {}),
    ...(config.maxAgeDays !== undefined ? { maxAgeDays: config.maxAgeDays } : {}),
  });
  io.stdout.write(renderSummary(summary, path.relative(cwd, articlesDir) || '.'));
  return summary.failed > 0 ? 1 : 0;
}

/** One line per feed, the files it wrote under it, then the totals. */
export function renderSummary(summary: FeedsSummary, articlesDir: string): string {
  let out = '';
  for (const r of summary.results) {
    const status = !r.ok ? `FAILED: ${r.error}` : r.notModified ? 'not modified since the last run' : `${r.stored.length} new, ${r.skipped} skipped`;
    out += `${r.feed}  ${status}\n`;
    for (const file of r.stored) out += `  + ${path.posix.join(articlesDir.split(path.sep).join('/'), file)}\n`;
  }
  const feeds = summary.results.length;
  out += `\n${summary.stored} new article${summary.stored === 1 ? '' : 's'} from ${feeds} feed${feeds === 1 ? '' : 's'}`;
  out += summary.failed > 0 ? `; ${summary.failed} failed (retried next run)\n` : '\n';
  return out;
}

runCli((argv) => main(argv), import.meta.url);
