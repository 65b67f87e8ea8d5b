import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../../src/errors.js';
import { openState } from '../../src/state/open.js';
import { freshStateDir } from './stores.js';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

describe('embedded store (PGlite in STATE_DIR)', { timeout: 120_000 }, () => {
  it('survives kill -9 in the middle of writing: every committed vote is there and the store still works', async () => {
    const { dir, remove } = await freshStateDir();
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      let committed = -1;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      await new Promise<void>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout });
        lines.on('line', (line) => {
          committed = Number(line);
          if (committed >= 40) {
            child.kill('SIGKILL'); // mid-write: the loop never waits between writes
            resolve();
          }
        });
        child.on('exit', () => reject(new Error(`the writer ended before it was killed: ${stderr}`)));
      });
      await exited;
      // The dead writer's folder lock is taken over; the database recovers from its write-ahead log.
      const state = await openState({ dir });
      try {
        for (let i = 0; i <= committed; i++) {
          expect(await state.addFeedback({ answer: `answer-${i}`, voter: 'crash', vote: 'up', at: new Date() })).toBe(false);
        }
        expect((await state.questionsSince(new Date(0))).length).toBeGreaterThanOrEqual(committed);
        expect(await state.addFeedback({ answer: 'after', voter: 'crash', vote: 'up', at: new Date() })).toBe(true);
      } finally {
        await state.close();
      }
    } finally {
      remove();
    }
  });

  it('refuses a second process on the same STATE_DIR with one line naming the setting and the pid', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'news-bot-state-'));
    try {
      writeFileSync(path.join(dir, 'owner.pid'), String(process.ppid)); // a live process that is not this one
      const err = await openState({ dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserFacingError);
      expect((err as Error).message).toBe(
        `STATE_DIR: ${dir} is in use by another process of the bot (pid ${process.ppid}); stop it or give this one its own STATE_DIR`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says which setting is wrong when STATE_DIR cannot be a folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'news-bot-state-'));
    try {
      const file = path.join(dir, 'a-file');
      writeFileSync(file, '');
      const err = await openState({ dir: path.join(file, 'state') }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserFacingError);
      expect((err as Error).message).toMatch(/^STATE_DIR: cannot create .*a-file\/state: ENOTDIR/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
