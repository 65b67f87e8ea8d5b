import type { Logger } from '../log.js';
import type { Lease } from '../state/coordination.js';

/**
 * Runs the feed schedule only while this replica holds the feeds lease, so one replica fetches at a
 * time (two would fetch every feed twice and race on the state). When the holder stops or loses its
 * database connection, another takes the lease within its retry interval (2 s) and starts fetching.
 * `start` starts the schedule and returns its stop; the result stops it all and gives the lease up.
 */
export function feedsWhileHolding(lease: Lease, start: () => () => Promise<void>, log: Logger): () => Promise<void> {
  const stopped = new AbortController();
  const loop = (async () => {
    try {
      while (!stopped.signal.aborted) {
        if (!(await lease.acquire(stopped.signal))) return;
        log.info('took the feeds lease: this replica fetches the feeds');
        const stop = start();
        await new Promise<void>((resolve) => {
          lease.onLost(resolve);
          if (!lease.isHeld) resolve(); // lost before the listener was there
          stopped.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        await stop();
        if (!stopped.signal.aborted) log.warn('lost the feeds lease (database connection ended): feeds stopped here, waiting to take it again');
      }
    } finally {
      await lease.release();
    }
  })();
  return async () => {
    stopped.abort();
    await loop;
  };
}
