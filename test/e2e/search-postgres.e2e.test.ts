/**
 * SEARCH_BACKEND=postgres (issue 17): the compiled bot (`node dist/main.js`) brings the articles folder
 * into PostgreSQL and answers from there, with the passage the embedded index gives; a file added to
 * the folder is answerable seconds later; while the database refuses connections a question gets
 * "ask again in a moment", and once it is back questions are answered again. Skipped with the
 * reason when no PostgreSQL answers, unless REQUIRE_POSTGRES=1.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../bench/fake-telegram.js';
import { PostgresLiveSearch } from '../../src/app/postgres-search.js';
import { LiveIndex } from '../../src/app/live-index.js';
import { renderAnswer } from '../../src/bot/format.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { en } from '../../src/replies/phrases/en.js';
import { escapeHtml } from '../../src/replies/text.js';
import { postgresUnavailable, throwawayDatabase, TEST_DATABASE_URL } from '../state/stores.js';
import { captureLog, deps, FAST_SEND, testConfig, TOKEN } from './harness.js';
import { BOUND_MS, cleanupsAfterEach, spawnBot, until } from './processes.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const noPostgres = await postgresUnavailable();
const LIMITS = { perChatIntervalMs: 20, groupPerMinute: 1000, globalPerSecond: 1000, timeScale: 1 };

const cleanups = cleanupsAfterEach();

/** A copy of the fixture folder to add files to. */
function articlesCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pg-bot-articles-'));
  cpSync(path.join(ROOT, 'test/fixtures/news'), dir, { recursive: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as T[];
  } finally {
    await c.end();
  }
}

const HERON = `---
title: Rare heron returns to Millbrook marshes
published: 2024-03-20
---

A grey heron colony returned to the Millbrook marshes this spring after an absence of eleven years, the wildlife trust said.
`;

describe('SEARCH_BACKEND without DATABASE_URL', () => {
  it('stops the bot at start with one line naming the setting', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/main.js')], {
      cwd: os.tmpdir(),
      encoding: 'utf8',
      timeout: BOUND_MS,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9', SEARCH_BACKEND: 'postgres' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: SEARCH_BACKEND: postgres needs DATABASE_URL (the PostgreSQL server to keep the articles in)\n');
  });
});

describe.skipIf(noPostgres !== undefined)(
  `the bot with SEARCH_BACKEND=postgres${noPostgres ? ` (skipped: ${noPostgres})` : ''}`,
  { timeout: 3 * BOUND_MS },
  () => {
    it('answers from PostgreSQL with the embedded passage, and a file added to the folder becomes answerable', async () => {
      const articlesDir = articlesCopy();
      const fake = new FakeTelegram(LIMITS);
      const apiRoot = await fake.start();
      cleanups.push(() => fake.stop());
      const db = await throwawayDatabase();
      cleanups.push(() => db.drop());
      const home = mkdtempSync(path.join(os.tmpdir(), 'pg-bot-'));
      cleanups.push(() => rmSync(home, { recursive: true, force: true }));
      const bot = spawnBot(home, {
        TELEGRAM_API_ROOT: apiRoot,
        DATABASE_URL: db.url,
        SEARCH_BACKEND: 'postgres',
        ARTICLES_DIR: articlesDir,
        INDEX_CACHE_DIR: path.join(home, 'cache'),
      });
      cleanups.push(() => bot.kill());
      const logs = () => bot.log;
      await until('the bot to run', () => bot.log.includes('"bot running"'), logs);

      // The folder is in the database (the embedded bot makes no search tables at all).
      const files = await query<{ file: string }>(db.url, 'select file from search_files order by file');
      expect(files.map((f) => f.file)).toEqual(['de/hamburg-radwege.md', 'lumatech-results.txt', 'riverton-tram.md', 'storm-ingrid.md']);

      const embedded = await LiveIndex.open({ articlesDir, log: captureLog().log });
      const question = 'How many homes lost electricity in the storm?';
      const expected = embedded.ask(question);
      await embedded.close();
      expect(expected.passages.length).toBeGreaterThan(0);
      const asked = fake.userMessage(801, 801, question);
      await until('the answer', () => fake.delivered.some((d) => d.replyTo === asked), logs);
      const reply = fake.delivered.find((d) => d.replyTo === asked)!.text;
      // The whole reply as the embedded bot renders it (votes on: DATABASE_URL keeps them).
      expect(reply).toBe(renderAnswer(expected, 0, { feedback: true }).html);

      writeFileSync(path.join(articlesDir, 'heron.md'), HERON);
      await until(
        'the new file in the database',
        async () => (await query(db.url, "select 1 from search_files where file = 'heron.md'")).length > 0,
        logs,
      );
      const second = fake.userMessage(801, 801, 'When did the heron colony return to the marshes?');
      await until('the second answer', () => fake.delivered.some((d) => d.replyTo === second), logs);
      expect(fake.delivered.find((d) => d.replyTo === second)!.text).toMatch(/^A grey <b>heron<\/b> <b>colony<\/b> <b>returned<\/b>.*Millbrook/);
    });

    it('says "ask again in a moment" while the database refuses connections, and answers once it is back', async () => {
      const articlesDir = articlesCopy();
      const db = await throwawayDatabase();
      cleanups.push(() => db.drop());
      const { log } = captureLog();
      const config = testConfig({ articlesDir, searchBackend: 'postgres', state: { dir: '.state', databaseUrl: db.url } });
      const search = await PostgresLiveSearch.open(config, log, {});
      cleanups.push(() => search.close());
      const fake = new FakeTelegram(LIMITS);
      const apiRoot = await fake.start();
      cleanups.push(() => fake.stop());
      const bot: RunningBot = await startBot(
        deps({ ...config, telegramApiRoot: apiRoot }, log, { ask: (q, o) => search.ask(q, o), articles: () => search.articles() }),
        { host: '127.0.0.1', send: { ...FAST_SEND, rates: LIMITS } },
      );
      cleanups.push(() => bot.stop());
      const name = new URL(db.url).pathname.slice(1);
      const admin = (sql: string) => query(TEST_DATABASE_URL, sql);

      // Down: no new connections, and the bot's open ones cut.
      await admin(`alter database ${name} with allow_connections false`);
      cleanups.push(() => admin(`alter database ${name} with allow_connections true`));
      await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`);
      const during = fake.userMessage(802, 802, 'How many homes lost electricity in the storm?');
      await until('the reply while down', () => fake.delivered.some((d) => d.replyTo === during));
      expect(fake.delivered.find((d) => d.replyTo === during)!.text).toBe(escapeHtml(en.unavailable));

      await admin(`alter database ${name} with allow_connections true`);
      const after = fake.userMessage(802, 802, 'How many homes lost electricity in the storm?');
      await until('the reply once back', () => fake.delivered.some((d) => d.replyTo === after));
      expect(fake.delivered.find((d) => d.replyTo === after)!.text).toContain('electricity');
    });
  },
);
