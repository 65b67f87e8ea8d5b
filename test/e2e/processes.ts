import { afterEach } from 'vitest';

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
