import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/app/live-index.js';
import { AdminAlerts } from '../../src/bot/alerts.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { fetchFeeds } from '../../src/feeds/fetch.js';
import { startFeedServer, type FeedServer } from '../feeds/server.js';
import { FAST_SEND, captureLog, deps, startEmulator, testConfig } from './harness.js';

/**
 * Issue 18, point 4: admins are told in Telegram, at most once per kind and window, when the index
 * fails to reload or a feed has failed for a day. Wired as main.ts wires it: the index and the feed
 * run report to AdminAlerts, which the running bot delivers through its send queue.
 */
const ADMINS = [1001, 1002];
const HOUR = 3_600_000;

let emu: Awaited<ReturnType<typeof startEmulator>> | undefined;
let bot: RunningBot | undefined;
let feeds: FeedServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await bot?.stop('test over');
  await emu?.stop();
  await feeds?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  bot = emu = feeds = dir = undefined;
});

/** A clock the test moves; the alerts' windows are read from it. */
function clock(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

async function startWith(alerts: AdminAlerts, extra: Parameters<typeof deps>[2] = {}) {
  emu = await startEmulator();
  const config = testConfig({ telegramApiRoot: emu.apiRoot, adminIds: ADMINS });
  bot = await startBot(deps(config, captureLog().log, { alerts, ...extra }), { send: FAST_SEND });
  return emu;
}

const toChat = (chatId: number) => emu!.sent().filter((s) => String(s.message.chat_id) === String(chatId));

describe('admin alerts', () => {
  it('tell each admin once per window that the index failed to reload, and count the repeats in the next', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'alerts-'));
    const articlesDir = path.join(dir, 'articles');
    await mkdir(articlesDir);
    await writeFile(path.join(articlesDir, 'a.md'), '---\ntitle: Tram line approved\n---\nThe council approved the tram line on Monday.\n');
    const t = clock(Date.parse('2026-01-01T00:00:00Z'));
    const { log } = captureLog();
    const alerts = new AdminAlerts({ adminIds: ADMINS, log, now: t.now });
    const live = await LiveIndex.open({ articlesDir, log, onReloadFailed: (err) => alerts.indexFailed(err) });
    const e = await startWith(alerts, { ask: (q, o) => live.ask(q, o), articles: () => live.current.articles });

    await rm(articlesDir, { recursive: true }); // the folder went away (an unmounted disk)
    await expect(live.reload()).rejects.toThrow(/does not exist/);
    t.advance(10 * 60_000);
    await expect(live.reload()).rejects.toThrow(/does not exist/);
    await e.waitFor(() => toChat(1001).length === 1 && toChat(1002).length === 1, 'one alert for each admin');
    t.advance(HOUR);
    await expect(live.reload()).rejects.toThrow(/does not exist/);
    await e.waitFor(() => toChat(1001).length === 2, 'the alert of the next hour');
    await bot!.stop('test over'); // drains the queue: nothing else was on its way
    bot = undefined;

    const texts = toChat(1001).map((s) => s.message.text as string);
    expect(texts[0]).toMatch(/^⚠️ The articles index failed to reload: articles folder .* does not exist/);
    expect(texts[0]).toContain('send /reload');
    expect(texts[1]).toContain('(1 more like this since the last alert)');
    expect(toChat(1002)).toHaveLength(2);
    expect(e.sent()).toHaveLength(4); // nobody else was told anything
  });

  it('tell the admins of a feed that has failed for a day, once, and again a day later if it still fails', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'alerts-'));
    feeds = await startFeedServer();
    const t = clock(Date.parse('2026-01-01T08:00:00Z'));
    const { log } = captureLog();
    const alerts = new AdminAlerts({ adminIds: ADMINS, log, now: t.now });
    const e = await startWith(alerts);
    const run = async () =>
      alerts.feedRun(
        await fetchFeeds({
          feeds: [`${feeds!.base}/broken.xml`, `${feeds!.base}/rss-full.xml`],
          articlesDir: path.join(dir!, 'articles'),
          stateFile: path.join(dir!, 'feeds.json'),
          log,
          allowPrivateAddresses: true,
          now: () => new Date(t.now()),
        }),
      );

    await run(); // fails for the first time: nothing to tell yet
    t.advance(23 * HOUR);
    await run();
    t.advance(2 * HOUR); // 25 hours of failures
    await run();
    await e.waitFor(() => toChat(1001)[0], 'the feed alert');
    t.advance(2 * HOUR);
    await run(); // still failing, already told
    t.advance(24 * HOUR);
    await run(); // a day later: reminded
    await e.waitFor(() => toChat(1001).length === 2, 'the daily reminder');
    await bot!.stop('test over');
    bot = undefined;

    const texts = toChat(1001).map((s) => s.message.text as string);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toBe(
      `⚠️ A feed has failed for more than a day (the bot keeps trying):\n• ${feeds.base}/broken.xml: HTTP 500 Internal Server Error (failing since 2026-01-01 08:00 UTC)`,
    );
    expect(toChat(1002)).toHaveLength(2);
  });
});
