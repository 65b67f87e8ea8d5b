import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { en } from '../../src/replies/phrases/en.js';
import { SearchUnavailable } from '../../src/search/unavailable.js';
import { captureLog, deps, FAST_SEND, startEmulator, testConfig } from './harness.js';

/**
 * Issue 17, point 8: an inline query ("@bot …") while the articles' database does not answer gets a
 * result saying "ask again in a moment", for that user only and not cached, and the bot keeps going.
 */
describe('an inline query while the articles database is down', () => {
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let bot: RunningBot;
  let down = true;
  beforeAll(async () => {
    emu = await startEmulator();
    const base = deps(testConfig({ telegramApiRoot: emu.apiRoot }), captureLog().log);
    bot = await startBot(
      {
        ...base,
        ask: async (q, o) => {
          if (down) throw new SearchUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
          return base.ask(q, o);
        },
      },
      { send: FAST_SEND },
    );
  });
  afterAll(async () => {
    await bot?.stop('test over');
    await emu?.stop();
  });
  const inlineAnswer = (id: string) => () => emu.inlineAnswers.find((a) => a.inline_query_id === id);

  it('is answered with "ask again in a moment", uncached, and with results once the database is back', async () => {
    const first = await emu.waitFor(inlineAnswer(emu.inline(2201, 'harbour bridge repairs')), 'the inline answer while down');
    expect(first).toMatchObject({ cache_time: 0, is_personal: true });
    const results = first.results as Array<{ title: string; input_message_content: { message_text: string } }>;
    expect(results.map((r) => r.title)).toEqual([en.unavailable]);
    expect(results[0]!.input_message_content.message_text).toBe(en.unavailable);

    down = false;
    const after = await emu.waitFor(inlineAnswer(emu.inline(2201, 'harbour bridge repairs')), 'the inline answer once back');
    expect((after.results as unknown[]).length).toBeGreaterThan(0);
    expect(JSON.stringify(after.results)).toContain('bridge');
  });
});
