import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from '../config.js';
import { UsageError, UserFacingError } from '../errors.js';
import { CommandLineError, HelpRequested } from './args.js';

export interface CliStreams {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** What a command's `main` talks to: its streams, and (for tests) the settings and folder to use. */
export interface CliIo extends CliStreams {
  /** Settings source for `loadConfig` (default: the process environment). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** What the folder commands (`index`, `feeds`) do after parsing: read the settings, and take --articles over ARTICLES_DIR. */
export function commandSetup(args: { articles?: string }, io: CliIo): { cwd: string; config: Config; articlesDir: string } {
  const cwd = io.cwd ?? process.cwd();
  const config = loadConfig(io.env, { cwd });
  const articlesDir = args.articles !== undefined ? path.resolve(cwd, args.articles) : config.articlesDir;
  return { cwd, config, articlesDir };
}

/**
 * Turns what a user can cause into output and an exit code: --help prints the usage (0); a bad
 * command line gives one `error:` line (2), followed by the usage when the options themselves were
 * wrong; anything else they can fix (a missing folder, a bad setting) one `error:` line and
 * `userErrorCode`. Anything else is a bug and is rethrown, stack and all.
 */
export function reportCliError(err: unknown, io: CliStreams, userErrorCode = 2): number {
  if (err instanceof HelpRequested) {
    io.stdout.write(`${err.usage}\n`);
    return 0;
  }
  if (err instanceof UsageError) {
    io.stderr.write(`error: ${err.message}\n`);
    if (err instanceof CommandLineError) io.stderr.write(`${err.usage}\n`);
    return 2;
  }
  if (err instanceof UserFacingError) {
    io.stderr.write(`error: ${err.message}\n`);
    return userErrorCode;
  }
  throw err;
}

/**
 * Runs a command's `main` when its file is the program being run (not when a test imports it), and
 * turns its outcome into the exit code.
 */
export function runCli(main: (argv: string[]) => Promise<number>, moduleUrl?: string): void {
  if (moduleUrl && !(process.argv[1] && moduleUrl === pathToFileURL(path.resolve(process.argv[1])).href)) return;
  main(process.argv.slice(2))
    .catch((err: unknown) => reportCliError(err, process))
    .then(
      (code) => {
        process.exitCode = code;
      },
      (err: unknown) => {
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
      },
    );
}
