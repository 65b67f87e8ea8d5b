import { execFile } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { extractTemplate, shippedTemplate, type Template } from './template.js';
import type { Queryable, Rows, SqlDb } from './sql.js';

/**
 * PGlite's default shared_buffers (128 MB) is memory the bot would hold for a few small tables:
 * 2 MB saves about 150 MB of RSS (docs/state.md).
 */
const SMALL = ['shared_buffers=2MB'];
export const PGLITE_OPTIONS = { postgresqlconf: SMALL, initDbStartParams: ['--set', ...SMALL] };

/**
 * Without the shipped template (pglite-empty.tar.br, see template.ts), the database is made by
 * PGlite's initdb, which takes 5-15 s of CPU and about 700 MB of memory: in a child process, so the
 * bot keeps answering meanwhile and its own memory stays low.
 */
const CREATE = `
const { PGlite } = require(process.argv[1]);
PGlite.create(process.argv[2], JSON.parse(process.argv[3]))
  .then((db) => db.close())
  .catch((err) => { process.stderr.write(String((err && err.message) || err)); process.exit(1); });
`;

const dataDir = (dir: string) => path.join(dir, 'pgdata');
const pgliteEntry = () => createRequire(import.meta.url).resolve('@electric-sql/pglite');

/** Whether `dir` holds a database made complete. */
export function pgliteExists(dir: string): boolean {
  return existsSync(path.join(dataDir(dir), 'PG_VERSION'));
}

export interface CreateOptions {
  /** Stops the making. */
  signal?: AbortSignal | undefined;
  /** The files a new database starts from (default: the shipped ones). */
  template?: Template | undefined;
  /** Told why the template cannot be used, before the slow way is taken. */
  warn?: ((message: string) => void) | undefined;
}

/**
 * Makes the database in `dir` (an existing folder) unless it is there: the shipped template copied
 * out, or initdb when that cannot be used. Made under another name and renamed when complete, so
 * a kill in the middle leaves nothing half made.
 */
export async function createPglite(dir: string, options: CreateOptions = {}): Promise<void> {
  const target = dataDir(dir);
  if (pgliteExists(dir)) return;
  const building = `${target}.new`;
  rmSync(building, { recursive: true, force: true });
  const template = options.template ?? shippedTemplate();
  if ('file' in template) {
    await extractTemplate(template.file, building);
  } else {
    options.warn?.(`making the store with initdb (about 700 MB and several seconds): ${template.problem}`);
    await initdb(building, options.signal);
  }
  rmSync(target, { recursive: true, force: true }); // an empty or half-made one from before
  renameSync(building, target);
}

function initdb(building: string, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', CREATE, pgliteEntry(), building, JSON.stringify(PGLITE_OPTIONS)],
      { maxBuffer: 1 << 20, signal },
      (err, _out, stderr) => (err ? reject(new Error(`creating the database failed: ${stderr.trim().split('\n').pop() || err.message}`)) : resolve()),
    );
  });
}

/** The WebAssembly global, typed here: the project's TypeScript libs leave out the DOM's. */
const wasm = (globalThis as unknown as { WebAssembly: { compile(bytes: Uint8Array): Promise<object> } }).WebAssembly;

/**
 * PostgreSQL's WebAssembly compiled by V8's baseline compiler (Liftoff) only: V8 otherwise also
 * recompiles its hot functions optimised, which costs the bot about 50 MB more for queries that
 * take a millisecond either way. The flag counts when a compilation starts, so it is set for this
 * one call and cleared before any other code runs: the search's own WebAssembly stays optimised.
 */
async function compileBaseline(): Promise<object> {
  const bytes = await readFile(path.join(path.dirname(pgliteEntry()), 'pglite.wasm'));
  v8.setFlagsFromString('--liftoff-only');
  let compiling: Promise<object>;
  try {
    compiling = wasm.compile(bytes);
  } finally {
    v8.setFlagsFromString('--no-liftoff-only');
  }
  return compiling;
}

function queryable(c: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: unknown[] = []): Promise<Rows<T>> {
      const r = await c.query<T>(sql, params);
      return { rows: r.rows, count: r.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await c.exec(sql);
    },
  };
}

/** PGlite (PostgreSQL in WebAssembly) with its data in `dir`/pgdata, made first if needed; imported only when used. */
export async function openPglite(dir: string, options: CreateOptions = {}): Promise<SqlDb> {
  await createPglite(dir, options);
  const { PGlite } = await import('@electric-sql/pglite');
  const pgliteWasmModule = (await compileBaseline()) as NonNullable<Parameters<typeof PGlite.create>[1]>['pgliteWasmModule'];
  const db = await PGlite.create(dataDir(dir), { ...PGLITE_OPTIONS, pgliteWasmModule });
  const self: SqlDb = {
    ...queryable(db),
    transaction: (fn) => db.transaction((tx) => fn(queryable(tx))),
    // One process owns the folder (dir-lock.ts), so nothing else can run at the same time.
    exclusive: (fn) => fn(self),
    close: () => db.close(),
  };
  return self;
}
