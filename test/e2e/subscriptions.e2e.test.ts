import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/app/live-index.js';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { openState } from '../../src/state/open.js';
import type { State } from '../../src/state/types.js';
import { freshStateDir } from '../state/stores.js';
import { FAST_SEND, captureLog, deps, startEmulator, testConfig } from './harness.js';

/**
 * Subscriptions and channel posts (issue 18), end to end: the real bot polling the emulator, over a
 * live index of a temporary articles folder (with its cache) and the embedded store, restarted once
 * as `npm start` would be. Articles arrive as files followed by a reload, as feeds store them.
 */
let emu: Awaited<ReturnType<typeof startEmulator>>;
let bot: RunningBot;
let state: State;
let live: LiveIndex;
let logs = captureLog();
let articlesDir: string;
let cacheDir: string;
let stateDir: { dir: string; remove(): void };
const CHANNEL = -100777;
const GROUP = -500;
const SUPERGROUP = -100500;

function article(name: string, title: string, body: string): void {
  writeFileSync(
    path.join(articlesDir, name),
    `---\ntitle: "${title}"\nurl: https://news.example/${name.replace(/\.md$/, '')}\npublished: 2026-11-30\nsource: Example News\n---\n${body}\n`,
  );
}

const FERRY = (n: number) =>
  `The new harbour ferry number ${n} began carrying passengers across the bay on Sunday, the port authority said. The harbour ferry service runs every twenty minutes.`;

async function start(): Promise<void> {
  logs = captureLog();
  live = await LiveIndex.open({ articlesDir, cacheDir, log: logs.log });
  state = await openState({ dir: stateDir.dir });
  const config = testConfig({ telegramApiRoot: emu.apiRoot, channels: [{ chat: CHANNEL, words: undefined }] });
  bot = await startBot(
    deps(config, logs.log, {
      state,
      ask: (q, o) => live.ask(q, o),
      articles: () => live.current.articles,
      news: { fromCache: live.fromCache, onChanged: (l) => (live.onChanged = l), models: live.models },
    }),
    { send: FAST_SEND },
  );
}

async function stop(): Promise<void> {
  await bot?.stop('test over');
  await live?.close();
  await state?.close();
}

const inChat = (chatId: number) => emu.sent().filter((s) => String(s.message.chat_id) === String(chatId));
/** Messages the bot sent to the chat on its own (not replies): the posts. */
const posts = (chatId: number) =>
  inChat(chatId)
    .filter((s) => s.message.reply_parameters === undefined)
    .map((s) => s.message.text as string);
const postsAbout = (chatId: number, words: string) => posts(chatId).filter((t) => t.includes(words));

/** Sends `text` in the chat and waits for the bot's reply: everything queued to the chat before it has gone out. */
async function say(chatId: number, text: string, fromId?: number): Promise<string> {
  const m = await emu.say(chatId, text, {}, fromId);
  const reply = await emu.waitFor(
    () => inChat(chatId).find((s) => s.message.reply_parameters?.message_id === m.message_id),
    `the reply to ${text}`,
    30_000,
  );
  return reply.message.text as string;
}

/** Waits until the store says `check` holds (bounded). */
async function untilStored(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let tries = 0; !(await check()); tries++) {
    if (tries > 1500) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('subscriptions and channel posts through the Bot API emulator', () => {
  beforeAll(async () => {
    emu = await startEmulator();
    articlesDir = mkdtempSync(path.join(os.tmpdir(), 'subs-articles-'));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'subs-cache-'));
    stateDir = await freshStateDir();
    // There before the first start: never posted.
    article('old-ferry.md', 'Old harbour ferry retired', FERRY(0));
    article('budget.md', 'Council approves the budget', 'The city council approved the budget for next year on Tuesday after a long debate.');
    await start();
  }, 120_000);

  afterAll(async () => {
    await stop();
    await emu?.stop();
    for (const dir of [articlesDir, cacheDir]) rmSync(dir, { recursive: true, force: true });
    stateDir?.remove();
  });

  it('posts a matching new article once, never a non-matching one, nor what was there at the start', async () => {
    expect(await say(301, '/subscribe harbour ferry')).toBe(
      'Subscribed to “harbour ferry”: I will post new articles about it here. /subscriptions lists them, /unsubscribe stops one.',
    );
    expect(await say(301, '/subscribe harbour ferry')).toBe('This chat already follows “harbour ferry”.');
    article('ferry-1.md', 'Harbour ferry one starts service', FERRY(1));
    article(
      'football.md',
      'Cup final goes to penalties',
      'The football cup final ended in a penalty shoot-out after a goalless draw at the national stadium.',
    );
    await live.reload();
    const post = await emu.waitFor(() => postsAbout(301, 'Harbour ferry one')[0], 'the post of the new ferry article', 30_000);
    expect(post).toContain('🔔 <i>harbour ferry</i>');
    expect(post).toContain('Example News');
    expect(post).toMatch(/harbour ferry/i);
    // The channel gets every new article, matching or not.
    await emu.waitFor(() => postsAbout(CHANNEL, 'Cup final goes to penalties')[0], 'the channel post of the football article', 30_000);
    expect(postsAbout(CHANNEL, 'Harbour ferry one')).toHaveLength(1);
    await say(301, '/subscriptions');
    expect(postsAbout(301, 'Cup final')).toEqual([]);
    expect(postsAbout(301, 'Old harbour ferry')).toEqual([]);
    expect(postsAbout(CHANNEL, 'Old harbour ferry')).toEqual([]);
    expect(await say(301, '/subscriptions')).toBe('Subscriptions of this chat:\n1. harbour ferry');
    expect(await say(301, '/privacy')).toContain('A chat’s subscriptions (/subscribe) keep its id and their words until /unsubscribe');
  }, 120_000);

  it('does not post again after a restart, and posts what arrives after it', async () => {
    await stop();
    await start();
    expect(live.fromCache).toBe(true);
    article('ferry-2.md', 'Harbour ferry two joins the fleet', FERRY(2));
    await live.reload();
    await emu.waitFor(() => postsAbout(301, 'Harbour ferry two')[0], 'the post after the restart', 30_000);
    await say(301, '/subscriptions');
    expect(postsAbout(301, 'Harbour ferry one')).toHaveLength(1);
    expect(postsAbout(301, 'Harbour ferry two')).toHaveLength(1);
    expect(postsAbout(CHANNEL, 'Harbour ferry one')).toHaveLength(1);
    expect(postsAbout(301, 'Old harbour ferry')).toEqual([]);
    expect(postsAbout(CHANNEL, 'Old harbour ferry')).toEqual([]);
    expect(postsAbout(CHANNEL, 'Council approves')).toEqual([]);
  }, 120_000);

  it('sends one digest for a burst of matching articles instead of a message each', async () => {
    const before = posts(301).length;
    for (let i = 3; i <= 9; i++) article(`ferry-${i}.md`, `Harbour ferry ${i} in the burst`, FERRY(i));
    await live.reload();
    const digest = await emu.waitFor(() => postsAbout(301, 'New articles: 7')[0], 'the digest', 30_000);
    for (let i = 3; i <= 9; i++)
      expect(digest).toContain(`<a href="https://news.example/ferry-${i}">Harbour ferry ${i} in the burst</a>`.replace(/<[^>]+>/g, ''));
    await say(301, '/subscriptions');
    expect(posts(301).length - before).toBe(1);
  }, 120_000);

  it("ends a reader's private subscriptions on /forget, and says how many went", async () => {
    await say(302, '/subscribe council budget');
    expect(await say(302, '/forget')).toBe('Done. Deleted: 0 ratings, 0 questions, 1 subscription.');
    expect(await say(302, '/subscriptions')).not.toContain('council budget');
    expect(await state.subscriptions(302)).toEqual([]);
  }, 60_000);

  it('lets only group admins subscribe, follows a group to its supergroup, and ends when the bot is removed', async () => {
    emu.chatMembers.set(`${GROUP}:8`, 'administrator');
    expect(await say(GROUP, '/subscribe@TestNameBot harbour ferry', 7)).toBe('Only the admins of this group can change its subscriptions.');
    expect(await say(GROUP, '/subscribe@TestNameBot harbour ferry', 8)).toContain('Subscribed to “harbour ferry”');
    emu.push({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: GROUP, type: 'group', title: 'Group' },
        from: { id: 8, is_bot: false, first_name: 'A' },
        migrate_to_chat_id: SUPERGROUP,
      },
    });
    await untilStored(async () => (await state.subscriptions(SUPERGROUP)).length > 0, 'the move to the supergroup');
    expect(await say(SUPERGROUP, '/subscriptions@TestNameBot', 8)).toBe('Subscriptions of this chat:\n1. harbour ferry');
    expect(await say(GROUP, '/subscriptions@TestNameBot', 8)).toBe('This chat has no subscriptions. /subscribe followed by words adds one.');

    // Chat 301's reader blocks the bot: Telegram tells it with my_chat_member, status "kicked".
    emu.push({
      my_chat_member: {
        chat: { id: 301, type: 'private', first_name: 'User301' },
        from: { id: 301, is_bot: false, first_name: 'User301' },
        date: 0,
        old_chat_member: { status: 'member', user: { id: 666, is_bot: true, first_name: 'Bot' } },
        new_chat_member: { status: 'kicked', user: { id: 666, is_bot: true, first_name: 'Bot' }, until_date: 0 },
      },
    });
    await untilStored(async () => (await state.subscriptions(301)).length === 0, 'the end of the subscription');
    article('ferry-10.md', 'Harbour ferry ten after the removal', FERRY(10));
    await live.reload();
    await emu.waitFor(() => postsAbout(SUPERGROUP, 'Harbour ferry ten')[0], 'the supergroup post', 30_000);
    expect(await say(301, '/subscriptions')).toBe('This chat has no subscriptions. /subscribe followed by words adds one.');
    expect(postsAbout(301, 'Harbour ferry ten')).toEqual([]);
  }, 120_000);
});
