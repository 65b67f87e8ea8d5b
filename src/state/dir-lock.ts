import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UserFacingError } from '../errors.js';

/**
 * One process at a time may open the embedded store: PGlite has no locking of its own across
 * processes. A file with the owner's pid, made with O_EXCL; one left by a process that died (kill -9)
 * is taken over. Written here because the npm lock packages lock by age, which a bot that runs for
 * weeks would have to keep refreshing. Returns the release function.
 */
export function lockDir(dir: string): () => void {
  const file = path.join(dir, 'owner.pid');
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new UserFacingError(`STATE_DIR: cannot create ${dir}: ${(err as Error).message}`);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw new UserFacingError(`STATE_DIR: cannot write in ${dir}: ${(err as Error).message}`);
    }
    const owner = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) {
      throw new UserFacingError(
        `STATE_DIR: ${dir} is in use by another process of the bot (pid ${owner}); stop it or give this one its own STATE_DIR`,
      );
    }
    rmSync(file, { force: true }); // left by a process that is gone
  }
  throw new UserFacingError(`STATE_DIR: could not take ${file}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
