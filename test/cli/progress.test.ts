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

  it('after a quiet second, shows files read on one rewritten line at most every 250 ms, then the index build on a line of its own', () => {
    const stream = fakeStream(true);
    let now = 0;
    const progress = terminalProgress(stream, () => now)!;
    progress.update(1, 4); // within the first second: not shown
    now = 1200;
    progress.update(2, 4);
    now = 1300;
    progress.update(3, 4); // too soon after the last: not shown
    now = 2600;
    progress.update(4, 4); // the last file is always shown
    progress.done();
    expect(stream.written).toEqual(['\r\x1b[Kreading articles: 2/4 files (1 s)…', '\r\x1b[Kread 4 files in 3 s; building the index…\n']);
  });

  it('clears an unfinished progress line when the build stops (a failure)', () => {
    const stream = fakeStream(true);
    let now = 0;
    const progress = terminalProgress(stream, () => now)!;
    now = 1500;
    progress.update(1, 9);
    progress.done();
    expect(stream.written.at(-1)).toBe('\r\x1b[K');
  });

  it('leaves the terminal alone when nothing needed reading, or the reading took under a second', () => {
    const stream = fakeStream(true);
    const progress = terminalProgress(stream, () => 10)!;
    progress.update(5, 5);
    progress.done();
    expect(stream.written).toEqual([]);
  });
});
