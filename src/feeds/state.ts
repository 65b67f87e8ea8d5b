import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Logger } from '../log.js';
import { writeFileAtomic } from '../write-atomic.js';
import { scrubCredentials, withoutCredentials } from './http.js';

/**
 * What the feed fetcher remembers between runs, in one small JSON file: each feed's validators for
 * conditional requests, and the items already stored (by GUID and by URL) with the file they went to.
 */

const feedStateSchema = z.object({
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  lastSuccess: z.string().optional(),
  lastError: z.string().optional(),
  /** When the current run of failures began (cleared by a success): admins hear of a feed failing for a day. */
  failingSince: z.string().optional(),
});
const stateSchema = z.object({
  version: z.literal(1),
  feeds: z.record(z.string(), feedStateSchema),
  /** `guid:<guid>` or `url:<normalised url>` → file, relative to the articles folder. */
  seen: z.record(z.string(), z.string()),
});

export type FeedState = z.infer<typeof stateSchema>;
export type OneFeedState = z.infer<typeof feedStateSchema>;

/** Enough to cover every item of many feeds for months; the oldest entries go first. */
const MAX_SEEN = 50_000;

export function emptyState(): FeedState {
  return { version: 1, feeds: {}, seen: {} };
}

/** The saved state; a missing file is a first run, and an unreadable one is logged and started afresh. */
export async function loadState(file: string, log: Logger): Promise<FeedState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      log.warn({ file, err: String(err) }, `cannot read feed state ${file}; starting afresh`);
    }
    return emptyState();
  }
  let state: FeedState;
  try {
    state = stateSchema.parse(JSON.parse(text));
  } catch {
    // Stored files are still recognised from the articles folder, so nothing is stored twice.
    log.warn({ file }, `feed state ${file} is damaged; starting afresh`);
    return emptyState();
  }
  // Older versions keyed feeds by the URL as written, credentials and all.
  state.feeds = Object.fromEntries(
    Object.entries(state.feeds).map(([url, s]) => [withoutCredentials(url), s.lastError ? { ...s, lastError: scrubCredentials(s.lastError) } : s]),
  );
  return state;
}

export async function saveState(file: string, state: FeedState): Promise<void> {
  const keys = Object.keys(state.seen);
  if (keys.length > MAX_SEEN) {
    for (const key of keys.slice(0, keys.length - MAX_SEEN)) delete state.seen[key];
  }
  await writeFileAtomic(file, `${JSON.stringify(state, null, 1)}\n`);
}
