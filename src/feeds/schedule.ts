import { fetchFeeds, type FeedsSummary, type FetchFeedsOptions } from './fetch.js';

export interface FeedScheduleOptions extends Omit<FetchFeedsOptions, 'signal'> {
  intervalMinutes: number;
  /** Called after each run, e.g. to reload the index when something was stored. */
  onRun?: (summary: FeedsSummary) => void | Promise<void>;
  /** Fetch once straight away (default) rather than after the first interval. */
  runAtStart?: boolean;
  /** Stands in for `fetchFeeds` in tests. */
  run?: typeof fetchFeeds;
}

/**
 * Fetches the feeds every `intervalMinutes` for the running bot. The next run is timed from the end
 * of the previous one, so runs never overlap however slow the feeds are. Returns `stop`, which
 * cancels the timer, aborts a run in progress and resolves once it has wound down.
 */
export function startFeedSchedule(options: FeedScheduleOptions): () => Promise<void> {
  const { intervalMinutes, onRun, runAtStart = true, run = fetchFeeds, ...fetchOptions } = options;
  const intervalMs = intervalMinutes * 60_000;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const schedule = (delay: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      running = once().finally(() => {
        running = undefined;
        schedule(intervalMs);
      });
    }, delay);
    // The schedule alone must not keep the process alive: the bot (or its shutdown) decides that.
    timer.unref();
  };

  const once = async (): Promise<void> => {
    try {
      const summary = await run({ ...fetchOptions, signal: controller.signal });
      if (!stopped) await onRun?.(summary);
    } catch (err) {
      // fetchFeeds reports feed failures in its summary; this is the state file or the disk.
      fetchOptions.log.error({ err }, `feed run failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  schedule(runAtStart ? 0 : intervalMs);
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    controller.abort();
    await running;
  };
}
