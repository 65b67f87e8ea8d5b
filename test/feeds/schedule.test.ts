import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FeedsSummary, FetchFeedsOptions } from '../../src/feeds/fetch.js';
import { startFeedSchedule } from '../../src/feeds/schedule.js';
import { createLogger } from '../../src/log.js';

const MINUTE = 60_000;
const summary: FeedsSummary = { results: [], stored: 0, failed: 0 };

/** A stand-in for fetchFeeds whose runs finish only when the test says so. */
function controllableRun() {
  const pending: { resolve: (s: FeedsSummary) => void; options: FetchFeedsOptions }[] = [];
  const run = vi.fn(
    (options: FetchFeedsOptions) =>
      new Promise<FeedsSummary>((resolve, reject) => {
        pending.push({ resolve, options });
        options.signal?.addEventListener('abort', () => reject(new Error('stopped')));
      }),
  );
  return { run, finish: (i: number) => pending[i]!.resolve(summary), signal: (i: number) => pending[i]!.options.signal };
}

const base = {
  feeds: ['http://127.0.0.1:9/feed.xml'],
  articlesDir: '/nonexistent',
  stateFile: '/nonexistent/feeds.json',
  log: createLogger({ level: 'silent' }),
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startFeedSchedule', () => {
  it('runs at start, then every interval counted from the end of the previous run, never overlapping', async () => {
    const { run, finish } = controllableRun();
    const onRun = vi.fn();
    const stop = startFeedSchedule({ ...base, intervalMinutes: 30, run, onRun });

    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);

    // The first run is slow: two intervals pass and no second run starts.
    await vi.advanceTimersByTimeAsync(65 * MINUTE);
    expect(run).toHaveBeenCalledTimes(1);

    finish(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(onRun).toHaveBeenCalledWith(summary);
    await vi.advanceTimersByTimeAsync(29 * MINUTE);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1 * MINUTE);
    expect(run).toHaveBeenCalledTimes(2);

    finish(1);
    await vi.advanceTimersByTimeAsync(30 * MINUTE);
    expect(run).toHaveBeenCalledTimes(3);
    finish(2);
    await stop();
  });

  it('stops: no further runs, and a run in progress is aborted and awaited', async () => {
    const { run, signal } = controllableRun();
    const stop = startFeedSchedule({ ...base, intervalMinutes: 5, run });
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(1);

    await stop();
    expect(signal(0)?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('keeps going after a run that throws, and can wait an interval before the first run', async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(summary);
    const lines: string[] = [];
    const log = createLogger({ destination: { write: (l: string) => lines.push(l) } as never });
    const stop = startFeedSchedule({ ...base, log, intervalMinutes: 10, run, runAtStart: false });

    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1 * MINUTE);
    expect(run).toHaveBeenCalledTimes(1);
    expect(lines.join('')).toContain('feed run failed: disk full');
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(run).toHaveBeenCalledTimes(2);
    await stop();
  });
});
