/**
 * Issue 17's fault run, small (the full one is `npm run bench:faults`): three compiled bots behind a
 * webhook share a PostgreSQL of their own (a throwaway cluster: this test stops and starts it) and a
 * fake Bot API that answers 429 to any message over Telegram's limits. 200 questions from 100 chats, faster than the bot may answer them,
 * 10% of them delivered to two replicas at once; one replica is killed with SIGKILL and started
 * again, and PostgreSQL is stopped and started again. Every question must be answered exactly once,
 * in order within its chat, with no flood error. Skipped with the reason when no PostgreSQL answers,
 * unless REQUIRE_POSTGRES=1.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFaults } from '../../bench/faults-driver.js';
import { postgresUnavailable } from '../state/stores.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The cluster this test makes needs the same server binaries the local one runs on.
const noPostgres = await postgresUnavailable();

describe.skipIf(noPostgres !== undefined)(`three replicas under faults${noPostgres ? ` (skipped: ${noPostgres})` : ''}`, () => {
  it(
    'answers every question exactly once and in order, with no flood error, through a SIGKILL and a PostgreSQL restart',
    { timeout: 180_000 },
    async () => {
      const report = await runFaults(
        {
          questions: 200,
          chats: 40,
          duplicateShare: 0.1,
          gapMs: 40,
          killAt: 70,
          restartReplicaMs: 1000,
          databaseRestartAt: 140,
          databaseDownMs: 1000,
          seed: 7,
        },
        // A safety bound: past it the questions still unanswered count as lost.
        { root: ROOT, boundMs: 120_000 },
      );
      expect({
        answered: report.answered,
        lost: report.lost,
        duplicates: report.duplicates,
        outOfOrder: report.outOfOrder,
        floodErrors: report.floodErrors,
      }).toEqual({ answered: 200, lost: 0, duplicates: 0, outOfOrder: 0, floodErrors: 0 });
      // The faults did happen: some deliveries were cut off by the kill.
      expect(report.cutOff).toBeGreaterThan(0);
    },
  );
});
