import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL server of its own (initdb into a temporary folder, its own port on 127.0.0.1), for
 * the runs that stop and restart the database: the shared cluster on 5432 serves other tests at the
 * same time and is never touched. PostgreSQL refuses to run as root, so as root the server's commands
 * run as the `postgres` user (`runuser`). The binaries: PG_BIN, else `pg_config --bindir`.
 */
export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:PORT/postgres */
  url: string;
  /** Stops the server (fast: sessions are ended), waits `downMs`, and starts it again. */
  restart(downMs?: number): Promise<void>;
  /** Stops the server and deletes its folder. */
  remove(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

async function binDir(): Promise<string> {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  return (await run('pg_config', ['--bindir'])).stdout.trim();
}

export async function throwawayCluster(): Promise<ThrowawayCluster> {
  const bin = await binDir();
  const asRoot = process.getuid?.() === 0;
  const uid = asRoot ? Number((await run('id', ['-u', 'postgres'])).stdout.trim()) : undefined;
  const gid = asRoot ? Number((await run('id', ['-g', 'postgres'])).stdout.trim()) : undefined;
  const pgRun = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'news-bot-pg-'));
  if (uid !== undefined) chownSync(dir, uid, gid!);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => pgRun('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  const stop = (mode: string) => pgRun('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
  try {
    await pgRun('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    await start();
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async restart(downMs = 0) {
      await stop('fast');
      if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    async remove() {
      await stop('immediate').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
