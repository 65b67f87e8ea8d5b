import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes through a temporary file in the same folder and renames it into place, so a reader (the
 * live-reloading index, a second run) sees the old file or the new one, never half of one.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  return writeFileAtomicWith(file, (out) => out.writeFile(data));
}

/** As `writeFileAtomic`, the contents written by `write` through the open temporary file (piece by piece, say). */
export async function writeFileAtomicWith(file: string, write: (out: FileHandle) => Promise<void>): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    const out = await open(temp, 'w');
    try {
      await write(out);
    } finally {
      await out.close();
    }
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** The temporary names `writeFileAtomic` uses: `.NAME.PID.RANDOM.tmp`. */
const TEMP_NAME = /^\.(.+)\.(\d+)\.[a-z0-9]*\.tmp$/;
/** Older than this, a temporary file is a leftover whoever wrote it: no save takes an hour. */
const STALE_MS = 60 * 60 * 1000;

/**
 * Removes the temporary files a crash during `writeFileAtomic` left in `dir`; returns their names.
 * One is left alone only while another live process may still be writing it (its pid runs, is not
 * ours, and the file is recent): two bots can share a cache folder.
 */
export async function removeLeftoverTemps(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match) continue;
    const abs = path.join(dir, name);
    const pid = Number(match[2]);
    const age = Date.now() - ((await stat(abs).catch(() => undefined))?.mtimeMs ?? 0);
    if (pid !== process.pid && isRunning(pid) && age < STALE_MS) continue;
    await rm(abs, { force: true });
    removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM'; // exists, owned by someone else
  }
}
