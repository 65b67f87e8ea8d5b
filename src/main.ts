/**
 * Start-up: settings → articles index → the Telegram bot (with BOT_TOKEN) or the console chat
 * (without). Shuts down cleanly on SIGINT/SIGTERM: the bot stops taking updates and sends what is
 * queued within its drain bound, and the process exits 0.
 */
import path from 'node:path';
import { loadAnswerModels, openLiveIndex } from './app/open.js';
import { loadTextsFile } from './app/texts-file.js';
import { AdminAlerts } from './bot/alerts.js';
import { runConsole } from './cli/console.js';
import { terminalProgress } from './cli/progress.js';
import { loadConfig, proxySecrets, type Config } from './config.js';
import { UserFacingError } from './errors.js';
import { createLogger, redact, type Logger } from './log.js';
import { urlPassword } from './state/url.js';
import type { FeedSink } from './feeds/fetch.js';
import type { Lease } from './state/coordination.js';
import type { BotDeps } from './bot/core.js';

/** The bot drains for up to 10 s; past this the process exits anyway (a process manager waits 12-15 s). */
const SHUTDOWN_BOUND_MS = 11_000;

/**
 * What the first SIGINT or SIGTERM does; until the bot runs, exit at once (nothing is queued yet).
 * Later signals are ignored rather than fatal: `npm start` forwards the signal to the bot, so a signal
 * to the process group (Ctrl+C, `kill -- -PGID`) arrives twice and must not cut the drain short.
 */
let onStopSignal: (signal: NodeJS.Signals) => void = () => process.exit(0);
let stopSignalled = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopSignalled) return;
    stopSignalled = true;
    onStopSignal(signal);
  });
}

async function main(): Promise<number> {
  const config = loadConfig();
  const secrets = [
    config.botToken,
    config.webhook?.secret,
    ...proxySecrets(config.telegramProxy),
    urlPassword(config.state.databaseUrl),
    urlPassword(config.databaseReadUrl),
  ].filter((s): s is string => s !== undefined);
  // The console chat owns the terminal: only warnings reach it, unless LOG_LEVEL asks for more.
  const log = createLogger({ level: config.botToken ? config.logLevel : 'warn', secrets });
  // The bot's store first: a wrong STATE_DIR or DATABASE_URL stops the start before the index is built.
  const state = config.botToken ? await (await import('./state/retention.js')).openBotState(config, log) : undefined;
  // /healthz reports the databases (replicas and SEARCH_BACKEND=postgres); loaded only then, like the PostgreSQL client.
  const databases =
    config.botToken && config.state.databaseUrl !== undefined
      ? (await import('./app/db-health.js')).databaseHealth({
          ...config.state,
          databaseReadUrl: config.databaseReadUrl,
        })
      : undefined;
  const progress = terminalProgress(process.stderr);
  // Problems an admin must act on are told in Telegram once the bot runs (ADMIN_ALERTS).
  const alerts = new AdminAlerts({ adminIds: config.botToken && config.adminAlerts ? config.adminIds : [], log });
  // SEARCH_BACKEND=postgres: the bot answers from the database (the console chat keeps the folder: `npm run ask -- --backend postgres`).
  if (config.botToken && config.searchBackend === 'postgres') return runOnPostgres(config, log, alerts, state, databases);
  const live = await openLiveIndex(config, { log, progress: progress?.update, onReloadFailed: (err) => alerts.indexFailed(err) }).finally(() =>
    progress?.done(),
  );

  if (!config.botToken) {
    await runConsole(live);
    await live.close();
    return 0;
  }

  const stopWatching = live.watch();
  const bot = await launchBot(config, log, alerts, state, databases, {
    // New articles for subscriptions and CHANNELS: the live index tells of each reload that changed them.
    news: {
      fromCache: live.fromCache,
      onChanged: (listener) => (live.onChanged = listener),
      models: live.models,
    },
    ask: (question, options) => live.ask(question, options),
    articles: () => live.current.articles,
    stats: () => live.stats(),
    reload: async () => {
      const s = await live.reload();
      return `Reloaded in ${s.ms} ms: ${s.articles} articles, ${s.paragraphs} paragraphs; ${s.reread} file(s) re-read, ${s.removed} removed, ${s.warnings.length} warning(s).`;
    },
  });
  log.info({ articles: live.current.articles.length }, 'bot running');

  return serveUntilStopped(config, log, alerts, bot, {
    articlesDir: live.articlesDir,
    reload: () => live.reload(),
    close: () => Promise.all([live.close(), state?.close(), databases?.close()]),
    stopWatching,
  });
}

type BotState = Awaited<ReturnType<typeof import('./state/retention.js').openBotState>>;
type DatabaseHealthCheck = NonNullable<ReturnType<typeof import('./app/db-health.js').databaseHealth>>;

/**
 * The bot with SEARCH_BACKEND=postgres: the folder is brought into PostgreSQL at start and on every
 * change, and questions are answered there; nothing is indexed in this process. Subscriptions and
 * CHANNELS get no new-article posts in this mode yet (they follow the in-memory index's reloads).
 */
async function runOnPostgres(
  config: Config,
  log: Logger,
  alerts: AdminAlerts,
  state: BotState | undefined,
  databases: DatabaseHealthCheck | undefined,
): Promise<number> {
  const { PostgresLiveSearch } = await import('./app/postgres-search.js');
  const { ingestChanges } = await import('./search/postgres/store.js');
  const search = await PostgresLiveSearch.open(config, log, await loadAnswerModels(config, log));
  const stopWatching = search.watch();
  const bot = await launchBot(config, log, alerts, state, databases, {
    ask: (question, options) => search.ask(question, options),
    articles: () => search.articles(),
    stats: () => search.stats(),
    reload: async () => {
      const started = performance.now();
      const r = await search.reload();
      return r
        ? `Brought into PostgreSQL in ${Math.round(performance.now() - started)} ms: files: ${ingestChanges(r)}; ${search.articles().length} articles, ${r.warnings.length} warning(s).`
        : 'Another replica is bringing the articles folder into PostgreSQL just now.';
    },
  });
  log.info({ articles: search.articles().length, searchBackend: 'postgres' }, 'bot running');
  return serveUntilStopped(config, log, alerts, bot, {
    articlesDir: search.articlesDir,
    reload: () => search.reload(),
    close: () => Promise.all([search.close(), state?.close(), databases?.close()]),
    stopWatching,
    // Feed items go into PostgreSQL, fetched by one replica at a time.
    ...(state?.coordination ? { feeds: { sink: search.feedSink(), lease: state.coordination.lease('feeds') } } : {}),
  });
}

/** What the bot answers from (the in-memory index or PostgreSQL), as the bot reads it. */
type AnswerSource = Pick<BotDeps, 'ask' | 'articles' | 'stats' | 'news'> & {
  /** Re-reads the articles folder; the line /reload replies with. */
  reload(): Promise<string>;
};

/**
 * Starts the Telegram bot over `source`, with the operator's texts (TEXTS_FILE) read now and again
 * on each /reload. Imported only when used: telegraf and the feed reader are a tenth of a second of
 * every start otherwise.
 */
async function launchBot(
  config: Config,
  log: Logger,
  alerts: AdminAlerts,
  state: BotState | undefined,
  databases: DatabaseHealthCheck | undefined,
  source: AnswerSource,
) {
  const readTexts = async () => (config.textsFile ? await loadTextsFile(config.textsFile, log) : undefined);
  let texts = await readTexts();
  const { startBot } = await import('./bot/run.js');
  return startBot({
    config,
    log,
    state: state?.state,
    ...(state?.coordination ? { coordination: state.coordination } : {}),
    ...(databases ? { health: () => databases.check() } : {}),
    ...source,
    alerts,
    texts: () => texts?.texts,
    reload: async () => {
      texts = await readTexts();
      const summary = await source.reload();
      return texts ? `${summary}\n${texts.status}` : summary;
    },
  });
}

/** What the running bot answers from, as the feeds and shutdown need it. */
interface ServedArticles {
  articlesDir: string;
  reload(): Promise<unknown>;
  /** Closes the index or search and the state store. */
  close(): Promise<unknown>;
  stopWatching(): void;
  /** SEARCH_BACKEND=postgres: where feed items go instead of the folder, and the lease the replica fetching holds. */
  feeds?: { sink: FeedSink; lease: Lease };
}

/**
 * Runs the feeds (when set) beside the started bot until a stop signal or the bot's end. New feed
 * items land as files in the articles folder; the watcher picks them up, and the reload here makes
 * that prompt even where file events are unreliable (network filesystems).
 */
async function serveUntilStopped(
  config: Config,
  log: Logger,
  alerts: AdminAlerts,
  bot: { stop(signal: string): Promise<unknown>; done: Promise<unknown> },
  served: ServedArticles,
): Promise<number> {
  const stopFeeds =
    config.feeds.length > 0 && config.feedIntervalMinutes !== undefined
      ? await startFeeds(config, log, alerts, served, config.feedIntervalMinutes)
      : async () => undefined;

  const stopped = new Promise<void>((resolve) => {
    onStopSignal = (signal) => {
      log.info({ signal }, 'shutting down');
      setTimeout(() => {
        log.error({ boundMs: SHUTDOWN_BOUND_MS }, 'shutdown took too long; exiting now');
        process.exit(1);
      }, SHUTDOWN_BOUND_MS).unref();
      served.stopWatching();
      // Both at once: a feed run winding down must not keep the bot taking updates.
      void Promise.all([bot.stop(signal), stopFeeds()])
        .then(() => served.close())
        .finally(resolve);
    };
  });
  const error = await Promise.race([stopped.then(() => undefined), bot.done]);
  if (error) {
    log.error({ err: error }, 'the bot stopped');
    await served.close();
    return 1;
  }
  await stopped; // bot.done resolves as soon as the replies are out; the feeds and the index close after
  return 0;
}

/**
 * The feed schedule: into the folder (then reloaded), or with SEARCH_BACKEND=postgres into the
 * database, fetched only while this replica holds the feeds lease. Returns its stop.
 */
async function startFeeds(
  config: Config,
  log: Logger,
  alerts: AdminAlerts,
  served: ServedArticles,
  intervalMinutes: number,
): Promise<() => Promise<void>> {
  // Imported only when used: the feed reader is a part of every start otherwise.
  const { startFeedSchedule } = await import('./feeds/schedule.js');
  const start = () =>
    startFeedSchedule({
      feeds: config.feeds,
      articlesDir: served.articlesDir,
      stateFile: path.join(config.indexCacheDir, 'feeds.json'),
      log,
      maxAgeDays: config.maxAgeDays,
      allowPrivateAddresses: config.feedsAllowPrivateAddresses,
      intervalMinutes,
      ...(served.feeds ? { sink: served.feeds.sink } : {}),
      onRun: async (summary) => {
        alerts.feedRun(summary);
        if (summary.stored > 0) await served.reload();
      },
    });
  if (!served.feeds) return start();
  return (await import('./feeds/leased.js')).feedsWhileHolding(served.feeds.lease, start, log);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UserFacingError) {
      process.stderr.write(`error: ${redact(err.message)}\n`);
      process.exit(2);
    }
    process.stderr.write(`${redact(err instanceof Error ? (err.stack ?? err.message) : String(err))}\n`);
    process.exit(1);
  },
);
