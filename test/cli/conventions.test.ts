import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs `npm run --silent <script> -- <args>` as an operator would type it. */
function npmRun(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script, '--', ...args],
      // Only what the command needs: no settings leak in from the developer's shell.
      { cwd: ROOT, env: { PATH: process.env.PATH, HOME: process.env.HOME } },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }),
    );
  });
}

const COMMANDS = [
  'ask',
  'index',
  'feeds',
  'bench:quality',
  'bench:speed',
  'bench:load',
  'bench:reload',
  'bench:reader',
  'bench:state',
  'bench:lexicon',
  'build-vectors',
  'build-lexicon',
];

// One at a time: each run starts node (and tsx for the benchmarks), which is heavy on a busy machine.
describe('every command follows the command-line conventions', () => {
  for (const command of COMMANDS) {
    it(`${command} --help prints its usage and every option, and exits 0`, async () => {
      const { code, stdout, stderr } = await npmRun(command, ['--help']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^usage: npm run (--silent )?${command} `));
      expect(stdout).toContain('-h, --help');
    }, 90_000);

    it(`${command} with an unknown option says so in one line, then the usage, and exits 2`, async () => {
      const { code, stdout, stderr } = await npmRun(command, ['--bogus-option']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const [first, ...rest] = stderr.trimEnd().split('\n');
      expect(first).toMatch(/^error: .*--bogus-option/);
      expect(rest[0]).toMatch(new RegExp(`^usage: npm run (--silent )?${command} `));
      expect(stderr).not.toMatch(/\n\s+at /);
    }, 90_000);
  }
});
