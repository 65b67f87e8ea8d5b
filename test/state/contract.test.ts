import { afterEach, describe, expect, it } from 'vitest';
import { openState } from '../../src/state/open.js';
import type { State } from '../../src/state/types.js';
import { freshStateDir, postgresUnavailable, throwawayDatabase } from './stores.js';

/**
 * The contract both stores keep, run against each: the embedded one (PGlite in a folder) and
 * PostgreSQL (a throwaway database on the local server; skipped, with the reason in the title, when
 * there is none, unless REQUIRE_POSTGRES=1).
 */
interface Place {
  /** Opens the store at this place as the bot does (openState). */
  open(): Promise<State>;
  remove(): Promise<void>;
}

const noPostgres = await postgresUnavailable();

const backends: Array<{ name: string; skip: string | undefined; place(): Promise<Place> }> = [
  {
    name: 'embedded (PGlite)',
    skip: undefined,
    async place() {
      const { dir, remove } = await freshStateDir();
      return { open: () => openState({ dir }), remove: async () => remove() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: noPostgres,
    async place() {
      const db = await throwawayDatabase();
      return { open: () => openState({ dir: 'unused', databaseUrl: db.url }), remove: () => db.drop() };
    },
  },
];

const at = (iso: string) => new Date(iso);

for (const backend of backends) {
  describe.skipIf(backend.skip !== undefined)(
    `state store: ${backend.name}${backend.skip ? ` (skipped: ${backend.skip})` : ''}`,
    { timeout: 120_000 },
    () => {
      let place: Place | undefined;
      const open: State[] = [];
      const start = async () => {
        place ??= await backend.place();
        const s = await place.open();
        open.push(s);
        return s;
      };
      const restart = async (s: State) => {
        await s.close();
        return start();
      };

      afterEach(async () => {
        for (const s of open.splice(0)) await s.close();
        await place?.remove();
        place = undefined;
      });

      it('records a vote once per voter and answer, whatever is pressed the second time', async () => {
        const s = await start();
        const vote = { answer: 'a1', voter: 'v1', vote: 'up' as const, at: at('2026-01-01T10:00:00Z') };
        expect(await s.addFeedback(vote)).toBe(true);
        expect(await s.addFeedback(vote)).toBe(false);
        expect(await s.addFeedback({ ...vote, vote: 'down' })).toBe(false);
        expect(await s.addFeedback({ ...vote, voter: 'v2' })).toBe(true);
        expect(await s.addFeedback({ ...vote, answer: 'a2' })).toBe(true);
      });

      it('keeps questions with their language and reason, newest first, and deletes those past retention', async () => {
        const s = await start();
        await s.addQuestion({ text: 'old one', language: 'en', reason: 'declined', at: at('2026-01-01T00:00:00Z') });
        await s.addQuestion({ text: 'Где мост?', language: 'ru', reason: 'disliked', at: at('2026-01-10T00:00:00Z') });
        await s.addQuestion({ text: 'no language', language: undefined, reason: 'declined', at: at('2026-01-11T00:00:00Z') });
        expect(await s.questionsSince(at('2026-01-05T00:00:00Z'))).toEqual([
          { text: 'no language', language: null, reason: 'declined', at: at('2026-01-11T00:00:00Z') },
          { text: 'Где мост?', language: 'ru', reason: 'disliked', at: at('2026-01-10T00:00:00Z') },
        ]);
        expect(await s.deleteQuestionsBefore(at('2026-01-10T00:00:00Z'))).toBe(1);
        expect((await s.questionsSince(at('2000-01-01T00:00:00Z'))).map((q) => q.text)).toEqual(['no language', 'Где мост?']);
      });

      it("forgets one reader: their votes, and their questions when ids were stored, and nobody else's", async () => {
        const s = await start();
        const t = at('2026-01-01T00:00:00Z');
        await s.addFeedback({ answer: 'a1', voter: 'me', vote: 'down', at: t });
        await s.addFeedback({ answer: 'a2', voter: 'me', vote: 'up', at: t });
        await s.addFeedback({ answer: 'a1', voter: 'other', vote: 'up', at: t });
        await s.addQuestion({ text: 'mine', language: 'en', reason: 'declined', at: t, askerId: 42, chatId: 42 });
        await s.addQuestion({ text: 'theirs', language: 'en', reason: 'declined', at: t, askerId: 43, chatId: 43 });
        await s.addQuestion({ text: 'anonymous', language: 'en', reason: 'declined', at: t });
        expect(await s.forget({ voter: 'me', userId: 42 })).toEqual({ feedback: 2, questions: 1 });
        expect(await s.addFeedback({ answer: 'a1', voter: 'me', vote: 'up', at: t })).toBe(true);
        expect(await s.addFeedback({ answer: 'a1', voter: 'other', vote: 'up', at: t })).toBe(false);
        expect((await s.questionsSince(at('2000-01-01T00:00:00Z'))).map((q) => q.text).sort()).toEqual(['anonymous', 'theirs']);
      });

      it('blocks and unblocks users, saying whether anything changed', async () => {
        const s = await start();
        const t = at('2026-01-01T00:00:00Z');
        expect(await s.isBlocked(5)).toBe(false);
        expect(await s.setBlocked(5, true, t)).toBe(true);
        expect(await s.setBlocked(5, true, t)).toBe(false);
        expect(await s.isBlocked(5)).toBe(true);
        expect(await s.isBlocked(6)).toBe(false);
        expect(await s.setBlocked(5, false, t)).toBe(true);
        expect(await s.setBlocked(5, false, t)).toBe(false);
        expect(await s.isBlocked(5)).toBe(false);
      });

      it('keeps everything across a restart: votes, questions, blocks and the hashing key', async () => {
        let s = await start();
        const t = at('2026-01-01T00:00:00Z');
        const key = await s.key('ids');
        expect(key).toHaveLength(32);
        expect(await s.key('ids')).toEqual(key);
        expect(await s.key('other')).not.toEqual(key);
        await s.addFeedback({ answer: 'a1', voter: 'v1', vote: 'up', at: t });
        await s.addQuestion({ text: 'kept', language: 'de', reason: 'declined', at: t });
        await s.setBlocked(9, true, t);
        s = await restart(s);
        expect(await s.key('ids')).toEqual(key);
        expect(await s.addFeedback({ answer: 'a1', voter: 'v1', vote: 'up', at: t })).toBe(false);
        expect(await s.questionsSince(at('2000-01-01T00:00:00Z'))).toEqual([{ text: 'kept', language: 'de', reason: 'declined', at: t }]);
        expect(await s.isBlocked(9)).toBe(true);
      });

      it('keeps subscriptions per chat: no duplicates, removed one by one or all, across a restart', async () => {
        let s = await start();
        const t = at('2026-01-01T00:00:00Z');
        expect(await s.addSubscription(-100, 'harbour bridge', t)).toBe(true);
        expect(await s.addSubscription(-100, 'harbour bridge', t)).toBe(false);
        expect(await s.addSubscription(-100, 'football', t)).toBe(true);
        expect(await s.addSubscription(7, 'football', t)).toBe(true);
        s = await restart(s);
        const mine = await s.subscriptions(-100);
        expect(mine.map((x) => [x.chatId, x.words])).toEqual([
          [-100, 'harbour bridge'],
          [-100, 'football'],
        ]);
        expect(await s.unsubscribe(7, mine[0]!.id)).toBe(0);
        expect(await s.unsubscribe(-100, mine[0]!.id)).toBe(1);
        expect((await s.subscriptions()).map((x) => [x.chatId, x.words])).toEqual([
          [-100, 'football'],
          [7, 'football'],
        ]);
        expect(await s.unsubscribe(-100)).toBe(1);
        expect((await s.subscriptions()).map((x) => x.chatId)).toEqual([7]);
      });

      it('posts an article to a chat once, whoever claims it, and remembers it across a restart', async () => {
        let s = await start();
        const t = at('2026-01-01T00:00:00Z');
        expect(await s.claimPosted(5, ['https://a', 'b.md'], t)).toEqual(['https://a', 'b.md']);
        expect(await s.claimPosted(5, ['https://a', 'c.md'], t)).toEqual(['c.md']);
        expect(await s.claimPosted(6, ['https://a'], t)).toEqual(['https://a']);
        expect(await s.claimPosted(6, [], t)).toEqual([]);
        s = await restart(s);
        expect(await s.claimPosted(5, ['b.md', 'c.md'], t)).toEqual([]);
        await s.addKnownArticles(['x', 'y'], t);
        await s.addKnownArticles(['y', 'z'], t);
        expect((await s.knownArticles()).sort()).toEqual(['x', 'y', 'z']);
      });

      it('moves a group to its supergroup and ends everything of a chat the bot left', async () => {
        const s = await start();
        const t = at('2026-01-01T00:00:00Z');
        await s.addSubscription(-1, 'bridge', t);
        await s.claimPosted(-1, ['a'], t);
        await s.addSubscription(8, 'rain', t);
        expect(await s.moveChat(-1, -1001)).toBe(1);
        expect((await s.subscriptions()).map((x) => [x.chatId, x.words])).toEqual([
          [8, 'rain'],
          [-1001, 'bridge'],
        ]);
        expect(await s.claimPosted(-1001, ['a'], t)).toEqual([]);
        expect(await s.dropChat(-1001)).toBe(1);
        expect((await s.subscriptions()).map((x) => x.chatId)).toEqual([8]);
        expect(await s.claimPosted(-1001, ['a'], t)).toEqual(['a']);
      });
    },
  );
}
