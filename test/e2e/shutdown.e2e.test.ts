/**
 * Stopping the real, compiled bot as a process manager or a terminal does: SIGTERM or SIGINT to
 * `npm start`, to the node process, or to the whole process group. The bot runs against the local
 * Bot API emulator; a proxy in front of it holds the bot's replies until the bot has logged the
 * signal, so each reply is still queued when the signal lands.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startEmulator, TOKEN } from './harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURES = path.join(ROOT, 'test/fixtures/news');
/** Safety bound only: the bot's own drain bound is 10 s. */
const EXIT_BOUND_MS = 30_000;

/** Forwards to the emulator; while `holding`, the bot's sendMessage calls wait here. */
async function startHoldingProxy(target: string) {
  const held: Array<() => void> = [];
  let holding = true;
  const server = http.createServer((req, res) => {
    const forward = () => {
      const upstream = http.request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (holding && /\/sendMessage$/.test(req.url ?? '')) held.push(forward);
    else forward();
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held: () => held.length,
    release() {
      holding = false;
      for (const go of held.splice(0)) go();
    },
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** An install as an operator has it: package.json (the real start script), dist/, node_modules/, articles/. */
function installDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shutdown-e2e-'));
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; type: string; scripts: { start: string } };
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: pkg.name, private: true, type: pkg.type, scripts: { start: pkg.scripts.start } }),
  );
  symlinkSync(path.join(ROOT, 'dist'), path.join(dir, 'dist'));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  mkdirSync(path.join(dir, 'articles'));
  for (const f of ['storm-ingrid.md', 'riverton-tram.md']) copyFileSync(path.join(FIXTURES, f), path.join(dir, 'articles', f));
  return dir;
}

function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

type Launcher = 'npm start' | 'node dist/main.js';
type Target = 'npm' | 'node' | 'group';

async function stopScenario(launcher: Launcher, target: Target, signal: 'SIGTERM' | 'SIGINT') {
  const cleanups: Array<() => Promise<unknown> | void> = [];
  try {
    await run(launcher, target, signal, cleanups);
  } finally {
    for (const c of cleanups.reverse()) await c();
  }
}

async function run(launcher: Launcher, target: Target, signal: 'SIGTERM' | 'SIGINT', cleanups: Array<() => Promise<unknown> | void>) {
  const emu = await startEmulator();
  const proxy = await startHoldingProxy(emu.apiRoot);
  const dir = installDir();
  cleanups.push(
    () => emu.stop(),
    () => proxy.stop(),
    () => rmSync(dir, { recursive: true, force: true }),
  );

  const [command, ...args] = launcher === 'npm start' ? ['npm', 'start'] : [process.execPath, 'dist/main.js'];
  const proc: ChildProcess = spawn(command!, args, {
    cwd: dir,
    // Its own process group, so the group can be signalled (and cleaned up) as a whole.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: proxy.url,
      LOG_LEVEL: 'info',
      WORD_VECTORS: 'off',
      SENTENCE_MODEL: 'off',
    },
  });
  const pgid = proc.pid!;
  cleanups.push(() => {
    if (processGroupAlive(pgid)) process.kill(-pgid, 'SIGKILL');
  });
  let log = '';
  proc.stdout!.on('data', (c: Buffer) => (log += c));
  proc.stderr!.on('data', (c: Buffer) => (log += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, sig) => resolve({ code, signal: sig })),
  );

  await emu.waitFor(() => log.includes('"bot running'), `the bot to start (log so far: ${log})`, EXIT_BOUND_MS);
  await emu.say(42, 'How many homes lost electricity in the storm?');
  await emu.say(42, 'Where were care homes evacuated?');
  await emu.waitFor(() => proxy.held() > 0, 'the first reply to be on its way', EXIT_BOUND_MS);

  const pid =
    target === 'group'
      ? -pgid
      : target === 'node' && launcher === 'npm start'
        ? Number(execFileSync('pgrep', ['-P', String(pgid)], { encoding: 'utf8' }).trim())
        : pgid;
  process.kill(pid, signal);
  await emu.waitFor(() => log.includes('"shutting down"'), `the bot to take the signal (log: ${log})`, EXIT_BOUND_MS);
  // Asked after the bot stopped taking updates: never answered.
  await emu.say(43, 'What happened to the tram?');
  proxy.release();

  const exit = await Promise.race([exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), EXIT_BOUND_MS))]);
  expect(exit, `how it ended (undefined: still running after ${EXIT_BOUND_MS} ms); log: ${log}`).toEqual({ code: 0, signal: null });
  // No process of the tree is left (no orphan still polling Telegram).
  expect(processGroupAlive(pgid)).toBe(false);
  const replies = emu.sent().map((s) => s.message);
  expect(replies.filter((m) => m.chat_id === 42 || m.chat_id === '42')).toHaveLength(2);
  expect(replies.filter((m) => m.chat_id === 43 || m.chat_id === '43')).toHaveLength(0);
  expect(log).not.toContain('some replies were not sent');
}

describe.concurrent('stopping the compiled bot sends the queued replies and leaves no process behind', () => {
  const cases: Array<[Launcher, Target, 'SIGTERM' | 'SIGINT']> = [
    ['npm start', 'npm', 'SIGTERM'],
    ['npm start', 'npm', 'SIGINT'],
    ['npm start', 'node', 'SIGTERM'],
    ['npm start', 'group', 'SIGTERM'],
    ['npm start', 'group', 'SIGINT'],
    ['node dist/main.js', 'node', 'SIGTERM'],
    ['node dist/main.js', 'group', 'SIGTERM'],
    ['node dist/main.js', 'node', 'SIGINT'],
  ];
  for (const [launcher, target, signal] of cases) {
    it(
      `${signal} to ${target === 'group' ? 'the process group' : target} under \`${launcher}\``,
      () => stopScenario(launcher, target, signal),
      120_000,
    );
  }
});
