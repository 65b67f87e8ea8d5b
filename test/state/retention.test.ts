import { describe, expect, it } from 'vitest';
import { openState } from '../../src/state/open.js';
import { openBotState } from '../../src/state/retention.js';
import { captureLog, testConfig } from '../e2e/harness.js';
import { freshStateDir } from './stores.js';

const DAY = 86_400_000;

describe('question retention (QUESTION_RETENTION_DAYS)', () => {
  it("deletes stored questions older than the setting when the bot's store opens, and keeps the rest", { timeout: 120_000 }, async () => {
    const { dir, remove } = await freshStateDir();
    try {
      const before = await openState({ dir });
      await before.addQuestion({ text: 'forty days ago', language: 'en', reason: 'declined', at: new Date(Date.now() - 40 * DAY) });
      await before.addQuestion({ text: 'twenty days ago', language: 'en', reason: 'disliked', at: new Date(Date.now() - 20 * DAY) });
      await before.close();
      const logs = captureLog('info');
      const bot = await openBotState(testConfig({ state: { dir, databaseUrl: undefined }, questionRetentionDays: 30 }), logs.log);
      try {
        expect((await bot.state.questionsSince(new Date(0))).map((q) => q.text)).toEqual(['twenty days ago']);
        expect(logs.text()).toContain('"deleted":1,"days":30');
      } finally {
        await bot.close();
      }
    } finally {
      remove();
    }
  });
});
