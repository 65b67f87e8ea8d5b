import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../errors.js';

/** `--help` or `-h`: the command prints its usage on standard output and exits 0. */
export class HelpRequested extends Error {
  override name = 'HelpRequested';
  constructor(readonly usage: string) {
    super('help requested');
  }
}

/** An unknown option or a stray argument: one `error:` line, then the usage, exit 2. */
export class CommandLineError extends UsageError {
  override name = 'CommandLineError';
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandLine<O extends Options> {
  /** What --help prints: the usage line, then one line per option. */
  usage: string;
  options: O;
  /** Whether words other than options are taken (a question, say). Default: refused. */
  positionals?: boolean;
}

/**
 * The one way every command reads its arguments: node:util's parseArgs in strict mode, plus
 * `--help`/`-h` (thrown as HelpRequested, so nothing else runs) and one kind of error for a bad
 * command line. `runCli` and `reportCliError` turn both into output and an exit code.
 */
export function parseCommandLine<const O extends Options>(argv: readonly string[], command: CommandLine<O>) {
  let parsed;
  try {
    // Typed as the command's own options: --help never reaches the command.
    const options = { ...command.options, help: { type: 'boolean', short: 'h' } } as O;
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    if (err instanceof Error && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      throw new CommandLineError(err.message.split('\n')[0]!, command.usage);
    }
    throw err;
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested(command.usage);
  if (!command.positionals && parsed.positionals.length > 0) {
    throw new CommandLineError(`unexpected argument "${parsed.positionals[0]}"`, command.usage);
  }
  return parsed;
}
