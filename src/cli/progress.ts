/** What a terminal shows while the index is built: one line, rewritten in place. */
export interface TerminalProgress {
  /** For `LiveIndex` `progress`: files read and analyzed so far, of those to read. */
  update(done: number, total: number): void;
  /** Clears the line (the work is done, or failed). */
  done(): void;
}

/** Rewrites the line at most this often, so a folder of small files does not flood the terminal. */
const EVERY_MS = 250;
/** Nothing is shown for work done within this: a small folder starts without a flicker. */
const QUIET_MS = 1000;

/**
 * Progress of a cold index build on `stream`, only when it is a terminal (a service's log or a pipe
 * gets the start and finish log lines instead). Returns undefined when there is no terminal.
 */
export function terminalProgress(
  stream: { isTTY?: boolean; write(s: string): unknown },
  now: () => number = () => performance.now(),
): TerminalProgress | undefined {
  if (!stream.isTTY) return undefined;
  const started = now();
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total) {
      const t = now();
      if (t - started < QUIET_MS || (done < total && t - last < EVERY_MS)) return;
      last = t;
      const seconds = ((t - started) / 1000).toFixed(0);
      if (done < total) {
        shown = true;
        stream.write(`\r\x1b[Kreading articles: ${done}/${total} files (${seconds} s)…`);
      } else {
        // Kept as a line of its own: warnings about the files read are logged next.
        shown = false;
        stream.write(`\r\x1b[Kread ${total} files in ${seconds} s; building the index…\n`);
      }
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
