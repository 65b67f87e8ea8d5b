import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { TOKEN } from './harness.js';

export { freePort } from '../../bench/free-port.js';

/** Safety bound only: a busy machine starts a bot in a few seconds. */
export const BOUND_MS = 60_000;

/** Waits until `check` holds, or fails after BOUND_MS naming what it waited for, with the processes' log. */
export async function until(what: string, check: () => boolean | Promise<boolean>, log: () => string = () => '', intervalMs = 50): Promise<void> {
  const end = Date.now() + BOUND_MS;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; log:\n${log()}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A list of clean-ups run after each test of the file, the last pushed first. */
export function cleanupsAfterEach(): Array<() => Promise<unknown> | unknown> {
  const cleanups: Array<() => Promise<unknown> | unknown> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return cleanups;
}

/** The compiled bot as a process, its standard output and error gathered in `log`. */
export interface BotProcess {
  proc: ChildProcess;
  log: string;
  /** Resolves with the exit code once the process is gone. */
  exited: Promise<number | null>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `node dist/main.js` in `cwd`, with the test token, info logs and no optional models, plus `env`. */
export function spawnBot(cwd: string, env: Record<string, string>): BotProcess {
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: TOKEN, LOG_LEVEL: 'info', WORD_VECTORS: 'off', SENTENCE_MODEL: 'off', ...env },
  });
  const bot: BotProcess = {
    proc,
    log: '',
    exited: new Promise((resolve) => proc.on('exit', (code) => resolve(code))),
    async kill() {
      proc.kill('SIGKILL');
      await bot.exited;
    },
  };
  proc.stdout.on('data', (c: Buffer) => (bot.log += c));
  proc.stderr.on('data', (c: Buffer) => (bot.log += c));
  return bot;
}
