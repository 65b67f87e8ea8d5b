import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, type Config } from '../config.js';
import { UsageError, UserFacingError } from '../errors.js';

export interface CliStreams {
  stderr: { write(s: string): unknown };
}

/** What a command's `main` talks to: its streams, and (for tests) the settings and folder to use. */
export interface CliIo extends CliStreams {
  stdout: { write(s: string): unknown };
  /** Settings source for `loadConfig` (default: the process environment). */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * What the folder commands (`index`, `feeds`) do first: print the usage for --help (then there is
 * nothing more to do: undefined), refuse stray arguments, read the settings, and take --articles
 * over ARTICLES_DIR.
 */
export function commandSetup(
  args: { help?: boolean; articles?: string; positionals: readonly string[] },
  io: CliIo,
  usage: string,
): { cwd: string; config: Config; articlesDir: string } | undefined {
  if (args.help) {
    io.stdout.write(`${usage}\n`);
    return undefined;
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const cwd = io.cwd ?? process.cwd();
  const config = loadConfig(io.env, { cwd });
  const articlesDir = args.articles !== undefined ? path.resolve(cwd, args.articles) : config.articlesDir;
  return { cwd, config, articlesDir };
}

/** node:util's parseArgs throws a TypeError with an ERR_PARSE_ARGS_* code for bad options. */
export function isParseArgsError(err: unknown): err is Error {
  return err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS');
}

/**
 * Turns an error a user can cause into one `error:` line and an exit code: 2 for a bad command line
 * (with the usage line), `userErrorCode` for anything else they can fix (a missing folder, a bad
 * setting). Anything else is a bug and is rethrown, stack and all.
 */
export function reportCliError(err: unknown, io: CliStreams, usage?: string, userErrorCode = 2): number {
  if (err instanceof UsageError || isParseArgsError(err)) {
    io.stderr.write(`error: ${err.message}\n`);
    if (usage) io.stderr.write(`${usage}\n`);
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
