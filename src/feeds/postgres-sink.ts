import { cleanArticle } from '../articles/clean.js';
import { readerFor } from '../articles/read.js';
import { FEED_ITEM_PREFIX, storeArticles } from '../search/postgres/store.js';
import type { SqlDb } from '../state/sql.js';
import type { FeedSink } from './fetch.js';
import type { FeedState } from './state.js';

/**
 * Feeds in the scaled mode (SEARCH_BACKEND=postgres): each item goes straight into the search tables
 * (under `feed:<its file name>`, which no folder ingest touches), so every replica answers from it at
 * once, and the state file's content lives in `feed_state` and `feed_seen` (state migration 5), so
 * whichever replica fetches next carries on where the last one stopped.
 */
export function postgresFeedSink(db: SqlDb): FeedSink {
  let loaded = new Set<string>();
  return {
    async load(): Promise<FeedState> {
      const feeds = await db.query<{ feed: string; state: FeedState['feeds'][string] }>('select feed, state from feed_state');
      const seen = await db.query<{ key: string; file: string }>('select key, file from feed_seen');
      loaded = new Set(seen.rows.map((r) => r.key));
      return {
        version: 1,
        feeds: Object.fromEntries(feeds.rows.map((r) => [r.feed, r.state])),
        seen: Object.fromEntries(seen.rows.map((r) => [r.key, r.file])),
      };
    },
    async save(state: FeedState): Promise<void> {
      const feeds = Object.entries(state.feeds);
      // Only keys this run learnt: the table holds every earlier one.
      const fresh = Object.entries(state.seen).filter(([key]) => !loaded.has(key));
      await db.transaction(async (q) => {
        await q.query(
          `insert into feed_state (feed, state) select f, s::jsonb from unnest($1::text[], $2::text[]) as t(f, s)
           on conflict (feed) do update set state = excluded.state`,
          [feeds.map(([feed]) => feed), feeds.map(([, s]) => JSON.stringify(s))],
        );
        await q.query(
          `insert into feed_seen (key, file) select * from unnest($1::text[], $2::text[])
           on conflict (key) do update set file = excluded.file`,
          [fresh.map(([key]) => key), fresh.map(([, file]) => file)],
        );
      });
      for (const [key] of fresh) loaded.add(key);
    },
    // The items stored are all in feed_seen (load); a folder's own feeds/ files came in with the folder.
    known: async () => new Map(),
    async exists(file: string): Promise<boolean> {
      const r = await db.query('select 1 from search_files where file = $1 or file = $2', [file, FEED_ITEM_PREFIX + file]);
      return r.rows.length > 0;
    },
    async write(file: string, text: string): Promise<void> {
      // Read back as the folder's Markdown reader would read the file, so the article is the one an
      // embedded bot makes of it.
      const name = FEED_ITEM_PREFIX + file;
      const articles = readerFor(file)!(text, name)
        .map((raw) => cleanArticle(raw, name))
        .filter((a) => a.paragraphs.length > 0);
      await storeArticles(db, articles);
    },
  };
}
