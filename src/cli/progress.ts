/** What a terminal shows while the index is built: one line, rewritten in place. */
export interface TerminalProgress {
  /** For `LiveIndex` `progress`: files read and analyzed so far, of those to read. */
  update(done: number, total: number): void;
  /** Clears the line (the work is done, or failed). */
  done(): void;
}

/** Rewrites the line at most this often, so a folder of small files does not flood the terminal. */
const EVERY_MS = 250;

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
      if (done < total && t - last < EVERY_MS) return;
      last = t;
      shown = true;
      const seconds = ((t - started) / 1000).toFixed(0);
      const what = done < total ? `reading articles: ${done}/${total} files` : `read ${total} files; building the index`;
      stream.write(`\r\x1b[K${what} (${seconds} s)…`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
