import { describe, expect, it } from 'vitest';
import { terminalProgress } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (s: string) => written.push(s) };
}

describe('terminalProgress', () => {
  it('writes nothing where stderr is not a terminal (a service log, a pipe)', () => {
    expect(terminalProgress(fakeStream(false))).toBeUndefined();
  });

  it('shows files read on one rewritten line, at most every 250 ms, then the index build, and clears it at the end', () => {
    const stream = fakeStream(true);
    let now = 0;
    const progress = terminalProgress(stream, () => now)!;
    progress.update(1, 3);
    now = 100;
    progress.update(2, 3); // too soon: not shown
    now = 2600;
    progress.update(3, 3); // the last file is always shown
    progress.done();
    expect(stream.written).toEqual([
      '\r\x1b[Kreading articles: 1/3 files (0 s)…',
      '\r\x1b[Kread 3 files; building the index (3 s)…',
      '\r\x1b[K',
    ]);
  });

  it('leaves the terminal alone when nothing needed reading (a start from the cache)', () => {
    const stream = fakeStream(true);
    terminalProgress(stream)!.done();
    expect(stream.written).toEqual([]);
  });
});
