import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot/run.js';
import { parseCustomTexts, type CustomTexts } from '../../src/replies/custom-texts.js';
import { BOT, FAST_SEND, captureLog, deps, startEmulator, testConfig } from './harness.js';

/** Issue 18, point 6: the welcome and help texts an operator wrote (TEXTS_FILE), as readers get them. */
let emu: Awaited<ReturnType<typeof startEmulator>>;
let bot: RunningBot;
let texts: CustomTexts | undefined;

function parse(json: unknown): CustomTexts {
  const r = parseCustomTexts(JSON.stringify(json));
  if ('problem' in r) throw new Error(r.problem);
  return r.texts;
}

beforeAll(async () => {
  emu = await startEmulator();
  texts = parse({
    welcome: { en: 'Welcome to <b>The Planet</b> news bot: {articles} stories. In groups, mention {bot}.', de: 'Willkommen beim Planet-Bot!' },
    help: { en: 'Just ask. Questions: help@planet.example' },
  });
  bot = await startBot(deps(testConfig({ telegramApiRoot: emu.apiRoot }), captureLog().log, { texts: () => texts }), { send: FAST_SEND });
});

afterAll(async () => {
  await bot?.stop('test over');
  await emu?.stop();
});

const from = (id: number, language_code: string) => ({ from: { id, is_bot: false, first_name: 'R', language_code } });
async function ask(chatId: number, text: string, language: string) {
  const m = await emu.say(chatId, text, from(chatId, language));
  const r = await emu.waitFor(() => emu.sent().find((s) => s.message.reply_parameters?.message_id === m.message_id), `the reply to ${text}`);
  return r.message.text as string;
}

describe("the operator's texts", () => {
  it('replace /start and /help in the languages the file gives, and leave the rest built in', async () => {
    expect(await ask(701, '/start', 'en')).toBe(`Welcome to <b>The Planet</b> news bot: 3 stories. In groups, mention @${BOT.username}.`);
    expect(await ask(702, '/start', 'de-AT')).toBe('Willkommen beim Planet-Bot!');
    expect(await ask(703, '/help', 'en')).toBe('Just ask. Questions: help@planet.example');
    // No Russian welcome in the file: the built-in Russian one.
    expect(await ask(704, '/start', 'ru')).toMatch(/^Привет/);
    // A language the bot does not speak reads the English replacement.
    expect(await ask(705, '/help', 'ja')).toBe('Just ask. Questions: help@planet.example');
  });

  it('follow the file as last read (main.ts reads it again on /reload)', async () => {
    texts = undefined;
    expect(await ask(706, '/help', 'en')).toMatch(/^<b>How to ask<\/b>/);
  });
});
