import type { Queryable } from '../../state/sql.js';
import { READING_VERSION } from '../index.js';

/**
 * The version of the article reading (READING_VERSION) a PostgreSQL store's articles were read
 * with, kept in `search_stats.reading`, and what the operator is told of it. How an ingest goes by
 * it: `ingestFolder`.
 */

/** The store's reading against this code's: older is read again (`files` of them, feed items among them); newer is left alone. */
export interface ReadingNotice {
  stored: number;
  code: number;
  files: number;
  feedItems: number;
}

/** The operator's line for a notice. */
export function readingMessage(n: ReadingNotice): string {
  if (n.stored > n.code)
    return `the stored articles were read by a newer version of the bot (reading v${n.stored}; this one reads v${n.code}): not reading them again`;
  const items = n.feedItems > 0 ? ` (${n.feedItems} of them feed items)` : '';
  return `re-reading ${n.files} files${items}: the article reading changed (v${n.stored} → v${n.code})`;
}

/** The READING_VERSION the store's articles were read with (0: before it was recorded). */
export async function storedReading(db: Queryable): Promise<number> {
  return (await db.query<{ reading: number }>('select reading from search_stats')).rows[0]?.reading ?? 0;
}

/** Notes that the store's articles are read as this code reads, once all are stored so. */
export async function recordReading(db: Queryable): Promise<void> {
  // Never lowered: a newer version that recorded its own meanwhile keeps it.
  await db.query('update search_stats set reading = $1 where reading < $1', [READING_VERSION]);
}
