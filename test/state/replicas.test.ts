import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Coordination } from '../../src/state/coordination.js';
import { openCoordination } from '../../src/state/open.js';
import { postgresUnavailable, throwawayDatabase } from './stores.js';

/**
 * What bot replicas sharing DATABASE_URL agree on (issue 17), against the real local PostgreSQL:
 * several coordination handles on one throwaway database stand for several processes. Skipped with
 * the reason when no server answers, unless REQUIRE_POSTGRES=1.
 */
const noPostgres = await postgresUnavailable();
const CHILD = fileURLToPath(new URL('./lease-child.ts', import.meta.url));

describe.skipIf(noPostgres !== undefined)(
  `replicas' coordination in PostgreSQL${noPostgres ? ` (skipped: ${noPostgres})` : ''}`,
  { timeout: 60_000 },
  () => {
    let db: Awaited<ReturnType<typeof throwawayDatabase>> | undefined;
    const open: Coordination[] = [];
    const replicas = async (n: number) => {
      db ??= await throwawayDatabase();
      const made = await Promise.all(Array.from({ length: n }, () => openCoordination(db!.url, { retryMs: 50, heartbeatMs: 200 })));
      open.push(...made);
      return made;
    };
    afterEach(async () => {
      for (const c of open.splice(0)) await c.close();
      await db?.drop();
      db = undefined;
    });

    it('lets exactly one replica claim each update, however many claim it at once', async () => {
      const [a, b, c] = await replicas(3);
      const claims = await Promise.all([1, 2, 3].flatMap((id) => [a!, b!, c!].map((r) => r.claimUpdate(id).then((won) => (won ? id : undefined)))));
      expect(claims.filter((id) => id !== undefined).sort()).toEqual([1, 2, 3]);
      // Telegram delivering it again later, to any of them: still taken.
      expect(await b!.claimUpdate(2)).toBe(false);
    });

    it('gives an update whose replica died before finishing it to the next replica it reaches, and never a live or finished one', async () => {
      const [a, b, c, d] = await replicas(4);
      expect(await a!.claimUpdate(5, 100)).toBe(true);
      expect(await b!.claimUpdate(5, 100)).toBe(false); // a is alive and on it
      await a!.close(); // as a killed process: its connection, and its presence lock, end
      expect(await b!.claimUpdate(5, 100)).toBe(true);
      expect(await c!.claimUpdate(5, 100)).toBe(false);
      expect(await c!.updateFinished(5)).toBe(false);
      await b!.finishUpdate(5);
      expect(await c!.updateFinished(5)).toBe(true);
      await b!.close();
      expect(await c!.claimUpdate(5, 100)).toBe(false); // finished: answered once, whoever dies later
      // Replied to, then its replica died before finishing: done, never answered again.
      expect(await c!.claimUpdate(6, 100)).toBe(true);
      await c!.recordSend(6, 100, 0);
      await c!.close();
      expect(await d!.claimUpdate(6, 100)).toBe(false);
      expect(await d!.updateFinished(6)).toBe(true);
      expect(await d!.earlierOpen(100, 7, 30_000)).toBe(false);
    });

    it("keeps a chat's turns in update order, and its sends and the bot's send slots where every replica sees them", async () => {
      const [a, b] = await replicas(2);
      await a!.claimUpdate(7, -300);
      await b!.claimUpdate(8, -300);
      await b!.claimUpdate(9, -301);
      expect(await b!.earlierOpen(-300, 8, 30_000)).toBe(true); // 7 first
      expect(await b!.earlierOpen(-301, 9, 30_000)).toBe(false); // another chat
      await a!.recordSend(7, -300, 100);
      await a!.recordSend(7, -300, 1500);
      expect(await b!.earlierOpen(-300, 8, 30_000)).toBe(true); // replied, not finished: a may send more
      await a!.finishUpdate(7);
      expect(await b!.earlierOpen(-300, 8, 30_000)).toBe(false);
      const ago = (await b!.recentSends(-300)).sort((x, y) => x - y);
      expect(ago).toHaveLength(2);
      expect(ago[0]).toBeGreaterThanOrEqual(100);
      expect(ago[1]).toBeGreaterThanOrEqual(1500);
      expect(ago[1]).toBeLessThan(60_000);
      // One schedule for all: each slot 10 s after the one before, whichever replica asks.
      const waits = [await a!.sendSlot(10_000), await b!.sendSlot(10_000), await a!.sendSlot(10_000)];
      expect(waits[0]).toBeLessThan(5_000);
      expect(waits[1]).toBeGreaterThan(5_000);
      expect(waits[2]).toBeGreaterThan(waits[1]! + 5_000);
    });

    it('forgets claims, pages and silent replicas past their retention, and keeps newer ones', async () => {
      const [a] = await replicas(1);
      await a!.claimUpdate(10);
      await a!.savePage(-5, 7, { question: 'q' });
      await a!.reportCounters({ questions: 3 });
      // Nothing is old yet.
      expect(await a!.counter('q', 5, 60).hit('user:1')).toBe(true);
      expect(await a!.prune()).toEqual({ claims: 0, pages: 0, replicas: 0, limits: 0 });
      expect(await a!.prune(new Date(Date.now() + 10 * 86_400_000))).toEqual({ claims: 1, pages: 1, replicas: 1, limits: 1 });
      expect(await a!.claimUpdate(10)).toBe(true);
      expect(await a!.page(-5, 7)).toBeUndefined();
    });

    it("keeps a message's answer page where every replica reads it", async () => {
      const [a, b] = await replicas(2);
      await a!.savePage(-100, 42, { question: 'who won?', passages: [{ text: 'one' }, { text: 'two' }] });
      expect(await b!.page(-100, 42)).toEqual({ question: 'who won?', passages: [{ text: 'one' }, { text: 'two' }] });
      expect(await b!.page(-100, 43)).toBeUndefined();
    });

    it('sums the counters of every live replica for /stats', async () => {
      const [a, b] = await replicas(2);
      await a!.reportCounters({ questions: 3, answered: 2 });
      await b!.reportCounters({ questions: 4, errors: 1 });
      await a!.reportCounters({ questions: 5, answered: 4 }); // a replica reports its running totals: the latest counts
      expect(await a!.totalCounters(60_000)).toEqual({ replicas: 2, totals: { questions: 9, answered: 4, errors: 1 } });
    });

    it("counts a reader's questions across replicas: the limit holds however they are spread", async () => {
      const [a, b, c] = await replicas(3);
      const limits = [a!, b!, c!].map((r) => r.counter('questions-user', 4, 60));
      const results = [];
      for (let i = 0; i < 9; i++) results.push(await limits[i % 3]!.hit('42'));
      expect(results.filter(Boolean)).toHaveLength(4);
      expect(results.slice(4)).toEqual([false, false, false, false, false]);
      // Another reader, and another limit over the same key, count apart.
      expect(await limits[1]!.hit('43')).toBe(true);
      expect(await a!.counter('questions-chat', 4, 60).hit('42')).toBe(true);
    });

    it('gives the polling lease to one replica at a time, and to another when the holder loses its connection', async () => {
      const [a, b] = await replicas(2);
      const la = a!.lease('polling');
      const lb = b!.lease('polling');
      expect(await la.acquire()).toBe(true);
      let lost = false;
      la.onLost(() => (lost = true));
      // b keeps trying while a holds it; an abort ends the wait with false.
      const giveUp = new AbortController();
      const waiting = lb.acquire(giveUp.signal);
      await new Promise((r) => setTimeout(r, 300));
      giveUp.abort();
      expect(await waiting).toBe(false);
      expect(lb.isHeld).toBe(false);

      // The holder's session ends (a database restart, a network cut): a is told, b takes the lease.
      const admin = new pg.Client({ connectionString: db!.url });
      await admin.connect();
      await admin.query(
        "select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = $1::bigint % 4294967296 and granted",
        [7_318_042_017],
      );
      await admin.end();
      expect(await lb.acquire()).toBe(true);
      await until(() => lost);
      expect(la.isHeld).toBe(false);
      await lb.release();
      await la.release();
    });

    it('frees the lease of a replica killed with SIGKILL, so another takes it', async () => {
      db ??= await throwawayDatabase();
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, db.url], { stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      let out = '';
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c;
          if (out.includes('held')) resolve();
        });
        child.on('exit', () => reject(new Error(`the child exited first: ${err}`)));
      });
      const [b] = await replicas(1);
      const lease = b!.lease('polling');
      const giveUp = new AbortController();
      const waiting = lease.acquire(giveUp.signal);
      await new Promise((r) => setTimeout(r, 300));
      expect(lease.isHeld).toBe(false); // the child holds it
      child.kill('SIGKILL');
      await exited;
      expect(await waiting).toBe(true);
      await lease.release();
    });
  },
);

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
}
