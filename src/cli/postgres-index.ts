import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config.js';
import { UsageError, UserFacingError } from '../errors.js';
import { migrateSearch } from '../search/postgres/schema.js';
import { postgresFeedSink } from '../feeds/postgres-sink.js';
import { loadState, saveState } from '../feeds/state.js';
import { createLogger } from '../log.js';
import { readingMessage } from '../search/postgres/reading.js';
import { FEED_ITEM_PREFIX, ingestChanges, ingestFolder, storedArticles } from '../search/postgres/store.js';
import { migrate } from '../state/migrations.js';
import { openPostgres } from '../state/postgres.js';
import { urlPassword } from '../state/url.js';
import type { SqlDb } from '../state/sql.js';
import type { CliStreams } from './run.js';

/** `npm run index -- --to-postgres` and `--from-postgres DIR`: moving the articles folder into the database and back. */

/** The search tables at DATABASE_URL, migrated; a server that cannot be reached is one clear error. */
export async function connectSearch(
  config: Config,
  missing = '--to-postgres and --from-postgres need DATABASE_URL (the PostgreSQL server to use)',
): Promise<SqlDb> {
  const url = config.state.databaseUrl;
  if (url === undefined) throw new UsageError(missing);
  try {
    const db = await openPostgres(url);
    await migrateSearch(db);
    return db;
  } catch (err) {
    const secret = urlPassword(url);
    const message = (err as Error).message || String(err);
    throw new UserFacingError(`cannot use the database at DATABASE_URL: ${secret ? message.split(secret).join('***') : message}`);
  }
}

/** The read-only replica at DATABASE_READ_URL, for questions (not migrated: the primary's tables reach it by replication). */
export async function connectReads(url: string): Promise<SqlDb> {
  try {
    return await openPostgres(url);
  } catch (err) {
    const secret = urlPassword(url);
    const message = (err as Error).message || String(err);
    throw new UserFacingError(`cannot use the database at DATABASE_READ_URL: ${secret ? message.split(secret).join('***') : message}`);
  }
}

/** Brings the folder into the database incrementally and prints what changed and how fast. */
export async function toPostgres(config: Config, dir: string, io: CliStreams): Promise<number> {
  const db = await connectSearch(config);
  try {
    const started = performance.now();
    const r = await ingestFolder(db, dir, {
      maxAgeDays: config.maxAgeDays,
      onReading: (notice) => io.stdout.write(`${notice.newer > 0 ? 'warning: ' : ''}${readingMessage(notice)}\n`),
    });
    const seconds = (performance.now() - started) / 1000;
    for (const w of r.warnings) io.stdout.write(`warning: ${w.file}: ${w.message}\n`);
    io.stdout.write(
      `${r.files} files: ${ingestChanges(r)}; ` +
        `${r.articles} articles (${r.paragraphs} paragraphs) stored in ${seconds.toFixed(1)} s` +
        (r.paragraphs > 0 ? ` (${Math.round(r.paragraphs / seconds)} paragraphs/s)` : '') +
        (r.duplicates > 0 ? `; ${r.duplicates} left out as duplicates of a story stored from another file` : '') +
        '\n',
    );
    const feeds = await feedStateIn(db, path.join(config.indexCacheDir, 'feeds.json'));
    if (feeds) io.stdout.write(`feed state: ${feeds.feeds} feeds and ${feeds.items} stored items brought in from ${feeds.file}\n`);
    return 0;
  } finally {
    await db.close();
  }
}

/**
 * The embedded bot's feed state file (validators, items stored) into the tables the scaled mode's
 * feeds use, so its first run sends conditional requests and stores nothing twice. What the database
 * already holds wins: it is newer than the file once the scaled bot has run.
 */
async function feedStateIn(db: SqlDb, file: string): Promise<{ file: string; feeds: number; items: number } | undefined> {
  if (!existsSync(file)) return undefined;
  await migrate(db);
  const state = await loadState(file, createLogger({ level: 'warn' }));
  const feeds = Object.entries(state.feeds);
  const seen = Object.entries(state.seen);
  await db.transaction(async (q) => {
    await q.query(
      'insert into feed_state (feed, state) select f, s::jsonb from unnest($1::text[], $2::text[]) as t(f, s) on conflict (feed) do nothing',
      [feeds.map(([f]) => f), feeds.map(([, s]) => JSON.stringify(s))],
    );
    await q.query('insert into feed_seen (key, file) select * from unnest($1::text[], $2::text[]) on conflict (key) do nothing', [
      seen.map(([k]) => k),
      seen.map(([, f]) => f),
    ]);
  });
  return { file, feeds: feeds.length, items: seen.length };
}

/** The scaled mode's feed state back into the embedded bot's state file (feed items' names as the folder now holds them). */
async function feedStateOut(db: SqlDb, file: string): Promise<{ feeds: number; items: number } | undefined> {
  const exists = await db.query<{ t: string | null }>("select to_regclass('feed_state')::text as t");
  if (!exists.rows[0]?.t) return undefined;
  const state = await postgresFeedSink(db).load();
  if (Object.keys(state.feeds).length === 0 && Object.keys(state.seen).length === 0) return undefined;
  for (const [key, stored] of Object.entries(state.seen)) state.seen[key] = outName(stored);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await saveState(file, state);
  return { feeds: Object.keys(state.feeds).length, items: Object.keys(state.seen).length };
}

/** A stored file's name in the folder written out: a feed item's without its `feed:` mark. */
function outName(file: string): string {
  return file.startsWith(FEED_ITEM_PREFIX) ? file.slice(FEED_ITEM_PREFIX.length) : file;
}

/**
 * Writes every stored article into `out` (a new or empty folder) as JSON Lines, one file per file the
 * articles came from (its name with .jsonl for its extension), which the embedded bot reads back.
 */
export async function fromPostgres(config: Config, out: string, io: CliStreams): Promise<number> {
  const existing = await fs.readdir(out).catch(() => []);
  if (existing.length > 0) throw new UsageError(`${out} is not empty: give a new or empty folder to write the articles into`);
  const db = await connectSearch(config);
  const lines = new Map<string, string[]>();
  let articles = 0;
  let feeds: { feeds: number; items: number } | undefined;
  const feedsFile = path.join(config.indexCacheDir, 'feeds.json');
  try {
    feeds = await feedStateOut(db, feedsFile);
    for await (const a of storedArticles(db)) {
      const entry = {
        title: a.title,
        url: a.url ?? undefined,
        published: a.published ?? undefined,
        source: a.source ?? undefined,
        paragraphs: a.paragraphs.map((p) => p.text),
      };
      const name = outName(a.file);
      let list = lines.get(name);
      if (!list) lines.set(name, (list = []));
      list.push(JSON.stringify(entry));
      articles++;
    }
  } finally {
    await db.close();
  }
  const taken = new Set<string>();
  for (const [file, entries] of lines) {
    const base = file.slice(0, file.length - path.extname(file).length);
    // Two files differing only in extension ("a.md", "a.html") keep theirs in the name.
    const name = taken.has(`${base}.jsonl`) ? `${file}.jsonl` : `${base}.jsonl`;
    taken.add(name);
    // Names come from the folder's own listing; one leading out of `out` would be a corrupt row, not a file to write.
    if (name.split('/').some((part) => part === '..' || part === '') || path.isAbsolute(name))
      throw new UserFacingError(`stored file name ${JSON.stringify(file)} is not a relative path`);
    const abs = path.join(out, ...name.split('/'));
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, `${entries.join('\n')}\n`);
  }
  io.stdout.write(`${articles} articles written to ${lines.size} files in ${out}\n`);
  if (feeds) io.stdout.write(`feed state: ${feeds.feeds} feeds and ${feeds.items} stored items written to ${feedsFile}\n`);
  return 0;
}
