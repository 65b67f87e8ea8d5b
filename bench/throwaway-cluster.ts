import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, chownSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

/**
 * A PostgreSQL server of its own, for tests and benchmarks that stop, start or replicate a server:
 * made by initdb in a temporary folder, on a free port of 127.0.0.1, never the shared cluster other
 * tests use. PostgreSQL refuses to run as root, so as root every command runs as the `postgres` user
 * (runuser). Throwaway: fsync is off.
 */
export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres (trust authentication). */
  url: string;
  port: number;
  /** Stops the server (fast shutdown: connections are cut, as in a restart). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server, waits `downMs`, and starts it again. */
  restart(downMs?: number): Promise<void>;
  /** A streaming replica of this server (`pg_basebackup -R`), started on a port of its own; removed with this one. */
  replica(): Promise<ThrowawayCluster>;
  /** Stops the server (and its replicas) and deletes the folder. */
  remove(): Promise<void>;
}

const run = promisify(execFile);
/** Each command's bound: a busy machine starts a small cluster in a second or two. */
const COMMAND_MS = 60_000;
const SETTINGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'shared_buffers=16MB', '-c', 'max_connections=100'];
const asRoot = process.getuid?.() === 0;

/** Where initdb and friends are: on PATH, else Debian's versioned folder. */
function binary(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  const versions = existsSync('/usr/lib/postgresql') ? ['17', '16', '15', '14'] : [];
  for (const v of versions) if (existsSync(`/usr/lib/postgresql/${v}/bin/${name}`)) return `/usr/lib/postgresql/${v}/bin/${name}`;
  return undefined;
}

/** Why a throwaway cluster cannot be made here, or undefined when it can. */
export function clusterUnavailable(): string | undefined {
  const missing = ['initdb', 'pg_ctl', 'pg_basebackup'].filter((b) => !binary(b));
  if (asRoot && !binary('runuser')) missing.push('runuser');
  return missing.length > 0 ? `no ${missing.join(', ')} on this machine` : undefined;
}

async function pg(name: string, args: string[]): Promise<string> {
  const bin = binary(name);
  if (!bin) throw new Error(`${name} not found`);
  const [file, argv] = asRoot ? [binary('runuser')!, ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = await run(file, argv, { timeout: COMMAND_MS, cwd: os.tmpdir() });
  return r.stdout;
}

async function serve(root: string, data: string): Promise<ThrowawayCluster> {
  const port = await freePort();
  const options = [...SETTINGS, '-c', `port=${port}`, '-c', `unix_socket_directories=${root}`].join(' ');
  const replicas: ThrowawayCluster[] = [];
  const start = async () => void (await pg('pg_ctl', ['-D', data, '-o', options, '-l', `${data}.log`, '-w', '-t', '60', 'start']));
  const stop = async () => void (await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']).catch(() => undefined));
  await start();
  const cluster: ThrowawayCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    async restart(downMs = 0) {
      await stop();
      if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    async replica() {
      const dir = `${data}-replica${replicas.length + 1}`;
      await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', dir, '-R', '-X', 'stream', '-c', 'fast']);
      const replica = await serve(root, dir);
      replicas.push(replica);
      return replica;
    },
    async remove() {
      for (const r of replicas) await r.stop();
      await stop();
      if (data === path.join(root, 'primary')) rmSync(root, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** A new server (WAL kept for replicas) in a temporary folder; `remove` stops it and deletes the folder. */
export async function throwawayCluster(): Promise<ThrowawayCluster> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pg-cluster-'));
  try {
    if (asRoot) {
      const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      chownSync(root, uid, gid);
    }
    const data = path.join(root, 'primary');
    await pg('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N', '--no-instructions']);
    return await serve(root, data);
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
}
