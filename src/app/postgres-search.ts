import { watch, type FSWatcher } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Article } from '../articles/types.js';
import type { Config } from '../config.js';
import { UserFacingError } from '../errors.js';
import type { Logger } from '../log.js';
import type { FeedSink } from '../feeds/fetch.js';
import { postgresFeedSink } from '../feeds/postgres-sink.js';
import { PostgresSearch } from '../search/postgres/backend.js';
import { migrateSearch } from '../search/postgres/schema.js';
import { readingMessage } from '../search/postgres/reading.js';
import { ingestFolder, storedAnything, type IngestReport } from '../search/postgres/store.js';
import type { Answer, AnswerOptions } from '../search/types.js';
import { SearchUnavailable } from '../search/unavailable.js';
import { openPostgres } from '../state/postgres.js';
import type { SqlDb } from '../state/sql.js';
import { urlPassword } from '../state/url.js';
import type { AnswerModels } from './open.js';

/** One folder ingest at a time across replicas: the same number in every process, and no other lock's (see INGEST_LOCK in store.ts). */
const FOLDER_LOCK = 7_318_042_019;
/** How long a burst of file events settles before the folder is checked, as in the live index. */
const SETTLE_MS = 100;
/** The folder is also checked this often, for changes file events miss (network filesystems, a replica that skipped its turn). */
const POLL_MS = 2_000;

/**
 * SEARCH_BACKEND=postgres for the bot: the articles folder is brought into PostgreSQL at start and
 * again whenever it changes (the incremental ingest of `npm run index -- --to-postgres`), and
 * questions are answered there. The process keeps no index; only the articles' metadata (no
 * paragraphs) for /sources, /latest and the counts, re-read after an ingest that changed something.
 */
export class PostgresLiveSearch {
  private readonly search: PostgresSearch;
  private list: readonly Article[] = [];
  private running: Promise<IngestReport | undefined> | undefined;
  private again = false;
  private watcher: FSWatcher | undefined;
  private settle: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private answered = 0;
  private unavailable = 0;
  private lastIngest: IngestReport | undefined;
  /** Whether files read by a newer version were reported: every check would find them again. */
  private warnedNewer = false;
  readonly articlesDir: string;

  private constructor(
    private readonly db: SqlDb & { pool: import('pg').Pool },
    /** Where questions are answered from: a read-only replica (DATABASE_READ_URL), else `db`. */
    private readonly reads: SqlDb,
    private readonly config: Config,
    private readonly log: Logger,
    private readonly models: AnswerModels,
  ) {
    this.search = new PostgresSearch(reads);
    this.articlesDir = path.resolve(config.articlesDir);
  }

  /**
   * Connects, migrates the search tables and brings the folder in (waiting for a replica doing the
   * same). With DATABASE_READ_URL, questions go to that server; the ingest, and the article list
   * read after it, stay on DATABASE_URL (a replica lags its primary by a moment).
   */
  static async open(config: Config, log: Logger, models: AnswerModels): Promise<PostgresLiveSearch> {
    const url = config.state.databaseUrl!;
    const stat = await fs.stat(config.articlesDir).catch(() => undefined);
    if (!stat?.isDirectory())
      throw new UserFacingError(`articles folder ${path.resolve(config.articlesDir)} does not exist or is not a folder (ARTICLES_DIR)`);
    const db = await connect(url, 'DATABASE_URL', (db) => migrateSearch(db));
    let reads: SqlDb = db;
    if (config.databaseReadUrl !== undefined) {
      reads = await connect(config.databaseReadUrl, 'DATABASE_READ_URL').catch(async (err: unknown) => {
        await db.close();
        throw err;
      });
    }
    const live = new PostgresLiveSearch(db, reads, config, log, models);
    const started = performance.now();
    const report = await live.ingest(true);
    log.info(
      { ...(report && summary(report)), ms: Math.round(performance.now() - started), articles: live.list.length },
      'articles folder brought into PostgreSQL',
    );
    return live;
  }

  async ask(question: string, options?: AnswerOptions): Promise<Answer> {
    try {
      const a = await this.search.answer(question, { ...this.models, ...options });
      this.answered++;
      return a;
    } catch (err) {
      this.unavailable++;
      throw new SearchUnavailable(err);
    }
  }

  /** Where feed items go in this mode: the search tables, shared by every replica (feeds/postgres-sink.ts). */
  feedSink(): FeedSink {
    return postgresFeedSink(this.db);
  }

  articles(): readonly Article[] {
    return this.list;
  }

  stats(): Record<string, string | number> {
    return {
      'search backend': 'postgres',
      articles: this.list.length,
      'questions answered': this.answered,
      'database unavailable': this.unavailable,
      ...(this.lastIngest
        ? { 'last ingest': `${this.lastIngest.added} new, ${this.lastIngest.changed} changed, ${this.lastIngest.deleted} deleted` }
        : {}),
    };
  }

  /** Checks the folder now (as /reload does); shares a running check, plus one more if asked meanwhile. */
  reload(): Promise<IngestReport | undefined> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.ingest(false).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.reload().catch(() => undefined);
      }
    });
    return this.running;
  }

  /** Re-ingests on file events (after they settle) and every POLL_MS; returns a stop function. */
  watch(): () => void {
    const check = () =>
      void this.reload().then(
        (r) => {
          if (r && storedAnything(r)) this.log.info(summary(r), 'articles changed: brought into PostgreSQL');
        },
        (err: unknown) =>
          this.log.warn({ error: String((err as Error)?.message ?? err) }, 'could not bring the articles folder into PostgreSQL; will retry'),
      );
    try {
      this.watcher = watch(this.articlesDir, { recursive: true }, () => {
        clearTimeout(this.settle);
        this.settle = setTimeout(check, SETTLE_MS);
      });
      this.watcher.on('error', (err) => this.log.warn({ err }, 'watching the articles folder failed; it is still checked every few seconds'));
    } catch (err) {
      this.log.warn({ err }, 'cannot watch the articles folder; it is checked every few seconds');
    }
    this.poll = setInterval(check, POLL_MS);
    this.poll.unref();
    return () => this.unwatch();
  }

  async close(): Promise<void> {
    this.unwatch();
    await this.running?.catch(() => undefined);
    await Promise.all([this.db.close(), this.reads === this.db ? undefined : this.reads.close()]);
  }

  private unwatch(): void {
    clearTimeout(this.settle);
    clearInterval(this.poll);
    this.watcher?.close();
    this.watcher = undefined;
  }

  /**
   * One ingest of the folder under an advisory lock. At start a replica waits for another's ingest
   * (then finds little left to do); later checks skip when another replica is ingesting: it stores
   * the same files, and the next check sees them.
   */
  private async ingest(wait: boolean): Promise<IngestReport | undefined> {
    const client = await this.db.pool.connect();
    let report: IngestReport | undefined;
    try {
      if (wait) await client.query('select pg_advisory_lock($1)', [FOLDER_LOCK]);
      else if (!(await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [FOLDER_LOCK])).rows[0]?.ok) return undefined;
      try {
        report = await ingestFolder(this.db, this.articlesDir, {
          maxAgeDays: this.config.maxAgeDays,
          onReading: (notice) => {
            if (notice.newer > 0 && !this.warnedNewer) {
              this.warnedNewer = true;
              this.log.warn(notice, readingMessage(notice));
            } else if (notice.reread > 0) this.log.info(notice, readingMessage(notice));
          },
        });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [FOLDER_LOCK]);
      }
    } finally {
      client.release();
    }
    this.lastIngest = report;
    for (const w of report.warnings) this.log.warn({ file: w.file }, w.message);
    // Other replicas' ingests change the articles too: the list is re-read whenever the count moved or this one stored something.
    await this.refreshList(storedAnything(report));
    return report;
  }

  private async refreshList(changed: boolean): Promise<void> {
    const count = Number((await this.db.query<{ articles: string }>('select articles from search_stats')).rows[0]?.articles ?? 0);
    if (!changed && count === this.list.length) return;
    const rows = await this.db.query<{ meta: Omit<Article, 'paragraphs'> }>('select meta from search_articles order by article_id');
    this.list = rows.rows.map((r) => ({ ...r.meta, paragraphs: [] }));
  }
}

/** A pool on `url` (connected once, and `prepare`d); a server that cannot be used is one line naming the setting. */
async function connect(url: string, setting: string, prepare?: (db: SqlDb) => Promise<unknown>): Promise<SqlDb & { pool: import('pg').Pool }> {
  let db: (SqlDb & { pool: import('pg').Pool }) | undefined;
  try {
    db = await openPostgres(url, { max: 6 });
    await prepare?.(db);
    return db;
  } catch (err) {
    await db?.close().catch(() => undefined);
    const secret = urlPassword(url);
    const message = (err as Error).message || String(err);
    throw new UserFacingError(
      `SEARCH_BACKEND=postgres: cannot use the database at ${setting}: ${secret ? message.split(secret).join('***') : message}`,
    );
  }
}

function summary(r: IngestReport) {
  return {
    files: r.files,
    added: r.added,
    changed: r.changed,
    deleted: r.deleted,
    expired: r.expired,
    unchanged: r.unchanged,
    reread: r.reread,
    paragraphs: r.paragraphs,
    warnings: r.warnings.length,
  };
}
