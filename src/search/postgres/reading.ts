import { READING_VERSION } from '../index.js';

/**
 * The version of the article reading (READING_VERSION) each stored file's articles were read with,
 * kept in `search_files.reading` (search step 6), and what the operator is told of it. How an ingest
 * goes by it: `ingestFolder`.
 */

/** The unchanged files' versions against this code's: older ones are read again, newer ones left alone. */
export interface ReadingNotice {
  /** This code's version. */
  code: number;
  /** Unchanged files read by an older version, read again now (`feedItems` of them feed items). */
  reread: number;
  feedItems: number;
  /** The oldest and the latest of their versions. */
  oldest: number;
  latest: number;
  /** Unchanged files read by this version already (after a re-read that stopped midway, say). */
  current: number;
  /** Unchanged files read by a newer version, left alone, and the newest of their versions. */
  newer: number;
  newest: number;
}

/**
 * The notice for the stored versions of the folder's unchanged files and of the feed items kept;
 * none when no version differs from this code's.
 */
export function readingNotice(files: readonly number[], feedItems: readonly number[]): ReadingNotice | undefined {
  const all = [...files, ...feedItems];
  const older = all.filter((v) => v < READING_VERSION);
  const newer = all.filter((v) => v > READING_VERSION);
  if (older.length === 0 && newer.length === 0) return undefined;
  // Not Math.min(...list): a large store's list is longer than a call's arguments may be.
  const bound = (list: readonly number[], pick: (...v: number[]) => number) => (list.length > 0 ? list.reduce((a, b) => pick(a, b)) : 0);
  return {
    code: READING_VERSION,
    reread: older.length,
    feedItems: feedItems.filter((v) => v < READING_VERSION).length,
    oldest: bound(older, Math.min),
    latest: bound(older, Math.max),
    current: all.length - older.length - newer.length,
    newer: newer.length,
    newest: bound(newer, Math.max),
  };
}

/** The operator's line for a notice. */
export function readingMessage(n: ReadingNotice): string {
  const parts: string[] = [];
  if (n.reread > 0) {
    const items = n.feedItems > 0 ? ` (${n.feedItems} of them feed items)` : '';
    const from = n.oldest === n.latest ? `v${n.oldest}` : `v${n.oldest}-v${n.latest}`;
    const done = n.current > 0 ? `; ${n.current} others were read by v${n.code} already` : '';
    parts.push(`re-reading ${n.reread} files${items}: the article reading changed (${from} → v${n.code})${done}`);
  }
  if (n.newer > 0)
    parts.push(`${n.newer} files were read by a newer version of the bot (reading v${n.newest}; this one reads v${n.code}): not reading them again`);
  return parts.join('; ');
}
