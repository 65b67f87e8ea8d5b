import { describe, expect, it } from 'vitest';
import { databaseHealth } from '../../src/app/db-health.js';
import { postgresUnavailable, TEST_DATABASE_URL } from '../state/stores.js';

/** /healthz's database lines (issue 17, point 8). Port 1 on loopback refuses every connection: a server that is down. */
const DOWN = 'postgres://postgres@127.0.0.1:1/postgres';
const noPostgres = await postgresUnavailable();

describe('the databases /healthz reports', () => {
  it('are none without DATABASE_URL', () => {
    expect(databaseHealth({ databaseUrl: undefined, databaseReadUrl: undefined })).toBeUndefined();
  });

  it('say a server that refuses connections is unreachable, and make the bot unhealthy', async () => {
    const health = databaseHealth({ databaseUrl: DOWN, databaseReadUrl: undefined })!;
    try {
      expect(await health.check()).toEqual({ healthy: false, report: { database: { reachable: false, latencyMs: expect.any(Number) } } });
    } finally {
      await health.close();
    }
  });

  it.skipIf(noPostgres !== undefined)(`report the primary and the read replica apart${noPostgres ? ` (skipped: ${noPostgres})` : ''}`, async () => {
    const up = databaseHealth({ databaseUrl: TEST_DATABASE_URL, databaseReadUrl: TEST_DATABASE_URL })!;
    const readDown = databaseHealth({ databaseUrl: TEST_DATABASE_URL, databaseReadUrl: DOWN })!;
    try {
      expect(await up.check()).toMatchObject({ healthy: true, report: { database: { reachable: true }, readDatabase: { reachable: true } } });
      expect(await readDown.check()).toMatchObject({ healthy: false, report: { database: { reachable: true }, readDatabase: { reachable: false } } });
    } finally {
      await Promise.all([up.close(), readDown.close()]);
    }
  });
});
