import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TOKEN } from '../e2e/harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'news-bot-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `node dist/main.js` as the bot (BOT_TOKEN set) with `env`; its exit code and standard error. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(ROOT, 'dist', 'main.js')],
      { cwd: dir, env: { PATH: process.env.PATH, BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:1', ...env }, timeout: 30_000 },
      (_err, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
    );
  });
}

describe('starting the bot with a store it cannot use', () => {
  it('stops with one line naming DATABASE_URL, without its password, when PostgreSQL cannot be reached', async () => {
    const r = await start({ DATABASE_URL: 'postgres://bot:s3cret-pass@127.0.0.1:1/news' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1: .*ECONNREFUSED.*\n$/);
    expect(r.stderr).not.toContain('s3cret-pass');
  });

  it('stops with one line naming STATE_DIR when it cannot be a folder', async () => {
    writeFileSync(path.join(dir, 'a-file'), '');
    const r = await start({ STATE_DIR: 'a-file/state' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: STATE_DIR: cannot create .*a-file\/state: ENOTDIR.*\n$/);
  });
});
