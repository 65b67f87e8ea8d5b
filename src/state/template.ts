import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { x as untar } from 'tar';
import { MODELS_DIR } from '../app/models-dir.js';

/**
 * A new, empty PGlite database as files (`pglite-empty.tar.br`, 1.3 MB), made once by
 * `npm run build-state-template` and shipped: a new store is these files copied out, which takes
 * a second and no memory to speak of, where PGlite's own initdb takes about 730 MB and 6-15 s of CPU.
 * The JSON beside it names the PGlite that made it; another version may not read its files.
 */
export const TEMPLATE_FILE = path.join(MODELS_DIR, 'pglite-empty.tar.br');
export const TEMPLATE_INFO = path.join(MODELS_DIR, 'pglite-empty.json');

export interface TemplateInfo {
  /** The PGlite version that made it. */
  pglite: string;
  /** PostgreSQL's id of that database (pg_control_system()), the same in every store made from it. */
  systemIdentifier: string;
}

/** The shipped template, or why it cannot be used with the installed PGlite. */
export type Template = { file: string; info: TemplateInfo } | { problem: string };

/** The version of the installed @electric-sql/pglite. */
export function installedPgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pkg = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** The template in `file` described by `infoFile`, checked against the installed PGlite. */
export function shippedTemplate(file = TEMPLATE_FILE, infoFile = TEMPLATE_INFO, installed = installedPgliteVersion()): Template {
  if (!existsSync(file) || !existsSync(infoFile)) return { problem: `${file} is missing` };
  let info: TemplateInfo;
  try {
    info = JSON.parse(readFileSync(infoFile, 'utf8')) as TemplateInfo;
  } catch (err) {
    return { problem: `${infoFile} is unreadable: ${(err as Error).message}` };
  }
  if (info.pglite !== installed) {
    return { problem: `${file} was made by PGlite ${info.pglite}, the installed one is ${installed} (npm run build-state-template makes a new one)` };
  }
  return { file, info };
}

/** Writes the template's files into the folder `dir` (made if missing). */
export async function extractTemplate(file: string, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  // Node's own streaming decompressor, not tar's: that one turns the whole file into 40 MB at once.
  await pipeline(createReadStream(file), createBrotliDecompress(), untar({ cwd: dir, strict: true }));
}
