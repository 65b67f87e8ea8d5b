import pino, { type Logger } from 'pino';

export type { Logger };

/** Bot API tokens look like `123456:ABC-def…`; they also appear inside request URLs (`/bot<token>/`). */
const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{30,}/g;

/** Replaces anything shaped like a bot token, and the given secrets, with a marker. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_PATTERN, '[REDACTED]');
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join('[REDACTED]');
  return out;
}

/**
 * The product's logger: JSON lines on standard error (standard output belongs to `ask --json` and the
 * console chat). Every line passes through `redact`, so no token leaks through an error message
 * that carries a request URL.
 */
export function createLogger(options: { level?: string; secrets?: readonly string[]; destination?: NodeJS.WritableStream } = {}): Logger {
  const secrets = options.secrets ?? [];
  const dest = options.destination ?? process.stderr;
  const stream = { write: (line: string) => dest.write(redact(line, secrets)) };
  return pino(
    {
      level: options.level ?? 'info',
      base: undefined,
      serializers: { err: pino.stdSerializers.err },
    },
    stream,
  );
}
