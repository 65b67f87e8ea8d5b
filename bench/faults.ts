/**
 * npm run bench:faults -- [--questions N] [--chats N]
 *
 * Issue 17's fault run: three compiled bots (webhook mode) against a PostgreSQL of their own and a
 * fake Bot API with Telegram's flood limits at real speed; 10% of the questions delivered twice to
 * two replicas, one replica killed with SIGKILL mid-run (and started again), PostgreSQL stopped and
 * started again mid-run. Prints sent, answered, duplicates, out of order, lost, flood errors and
 * recovery times. Needs `npm run build` first and the PostgreSQL server binaries (PG_BIN, else
 * `pg_config --bindir`); run as root it starts the server as the `postgres` user. Exits 1 unless
 * every question was answered exactly once, in order, with no flood error.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCommandLine } from '../src/cli/args.js';
import { runCli } from '../src/cli/run.js';
import { UsageError } from '../src/errors.js';
import { runFaults } from './faults-driver.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const USAGE = `usage: npm run bench:faults -- [--questions N] [--chats N]

Three replicas, SIGKILL of one, a PostgreSQL restart, 10% of updates delivered twice:
  --questions N   questions to send (default 1000)
  --chats N       chats they come from, 3 to --questions (default 200)
  -h, --help      this help`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseCommandLine(argv, {
    usage: USAGE,
    options: { questions: { type: 'string', default: '1000' }, chats: { type: 'string', default: '200' } },
  });
  const questions = Number(values.questions);
  const chats = Number(values.chats);
  if (!Number.isInteger(questions) || questions < 10)
    throw new UsageError(`--questions must be a whole number of at least 10, got "${values.questions}"`);
  if (!Number.isInteger(chats) || chats < 3 || chats > questions)
    throw new UsageError(`--chats must be a whole number from 3 to --questions, got "${values.chats}"`);
  if (!existsSync(`${ROOT}/dist/main.js`)) throw new UsageError('dist/main.js is missing: run `npm run build` first');
  process.stdout.write(`bench:faults  ${questions} questions from ${chats} chats, 3 replicas (webhook), Telegram's limits at real speed\n`);
  const started = Date.now();
  const r = await runFaults(
    {
      questions,
      chats,
      duplicateShare: 0.1,
      gapMs: 20,
      killAt: Math.floor(questions * 0.35),
      restartReplicaMs: 2000,
      databaseRestartAt: Math.floor(questions * 0.7),
      databaseDownMs: 2000,
      seed: 17,
    },
    { root: ROOT, progress: (line) => process.stderr.write(`  [${((Date.now() - started) / 1000).toFixed(1)} s] ${line}\n`) },
  );
  const row = (k: string, v: string | number) => process.stdout.write(`  ${k.padEnd(22)}${v}\n`);
  const ms = (v: number | undefined) => (v === undefined ? '-' : v === Infinity ? 'never' : `${(v / 1000).toFixed(1)} s`);
  row('sent', `${r.questions} (${r.deliveries} webhook deliveries: duplicates and deliveries again included)`);
  row('answered', r.answered);
  row('duplicates', r.duplicates);
  row('out of order', r.outOfOrder);
  row('lost', r.lost);
  const reasons = r.floodReasons;
  row('flood errors', `${r.floodErrors}${r.floodErrors ? ` (per chat ${reasons.chat}, per group ${reasons.group}, per bot ${reasons.global})` : ''}`);
  row('deliveries refused', `${r.refused} (503: database away), ${r.cutOff} cut off (replica killed or down)`);
  row('recovery, kill', ms(r.recoveryKillMs));
  row('recovery, PostgreSQL', ms(r.recoveryDatabaseMs));
  row('duration', ms(r.durationMs));
  return r.lost === 0 && r.duplicates === 0 && r.outOfOrder === 0 && r.floodErrors === 0 ? 0 : 1;
}

runCli(main);
