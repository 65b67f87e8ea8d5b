import { constants, promises as fs, type Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Keeping reads inside the articles folder. Anyone who can put a file in the folder can put a
 * symlink there too (to /etc/passwd, to a folder of secrets); what the bot reads is answered to
 * every reader, so only what really lies inside the folder may be read.
 */

/** Whether `real` (a resolved path) is `rootReal` itself or lies under it. Both must be realpaths. */
export function isInside(real: string, rootReal: string): boolean {
  const rel = path.relative(rootReal, real);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The open file, or why it was refused. */
export type InsideOpen = { handle: FileHandle; stat: Stats } | { refused: 'outside' | 'not a file' };

/**
 * Opens `abs` for reading only if the file actually opened lies inside `rootReal` (null: anywhere,
 * for a file the operator named on the command line). Checked after opening, on the open file: the
 * real path of the name must be inside and be that same file (device and inode), so swapping a link
 * or a parent folder between a check and the read cannot redirect it. Non-blocking, so a FIFO
 * slipped in does not hang the read; only regular files are accepted. Errors of the open itself
 * (ENOENT, EACCES, ELOOP) are thrown as they are.
 */
export async function openInside(abs: string, rootReal: string | null): Promise<InsideOpen> {
  const handle = await fs.open(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  let keep = false;
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return { refused: 'not a file' };
    if (rootReal !== null && !(await namesInside(abs, opened, rootReal))) return { refused: 'outside' };
    keep = true;
    return { handle, stat: opened };
  } finally {
    if (!keep) await handle.close();
  }
}

/** Whether `abs` resolves inside `rootReal` to the very file `opened` (checked after opening). */
async function namesInside(abs: string, opened: Stats, rootReal: string): Promise<boolean> {
  const real = await fs.realpath(abs).catch(() => undefined);
  if (real === undefined || !isInside(real, rootReal)) return false;
  const named = await fs.stat(real).catch(() => undefined);
  return named !== undefined && named.dev === opened.dev && named.ino === opened.ino;
}

/**
 * At most `max + 1` bytes of the open file: enough to tell it is over `max` without reading it all.
 * `size` (from its stat) sizes the first read; a file that grew meanwhile is read on in 64 KB steps.
 */
export async function readAtMost(handle: FileHandle, max: number, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= max) {
    const chunk = Buffer.allocUnsafe(Math.min(max + 1 - total, total === 0 ? size + 1 : 64 * 1024));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}
