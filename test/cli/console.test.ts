import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/app/live-index.js';
import { runConsole } from '../../src/cli/console.js';
import { createLogger } from '../../src/log.js';

let live: LiveIndex;
beforeAll(async () => {
  live = await LiveIndex.open({ articlesDir: 'test/fixtures/news', log: createLogger({ level: 'silent' }) });
});
afterAll(() => live.close());

/** Types `lines` into the console chat; resolves with everything it printed once it has ended. */
async function chat(lines: string[], end: boolean): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.setEncoding('utf8').on('data', (s: string) => (printed += s));
  const done = runConsole(live, input, output);
  for (const line of lines) input.write(line + '\n');
  if (end) input.end();
  await done;
  return printed;
}

/** The three lines printed before the first prompt. */
const GREETING =
  /^News Q&A console: 4 articles indexed from \S+fixtures\/news\.\nType a question and press Enter; "\/more" shows the next passage, "\/help" the rest \(Ctrl\+D or "\/quit" to leave\)\.\nTo run the Telegram bot instead, put BOT_TOKEN=<token from @BotFather> in \.env and start again\.\n/;
/** What was printed after the greeting. */
const afterGreeting = (printed: string) => {
  expect(printed).toMatch(GREETING);
  return printed.replace(GREETING, '');
};

const ENGINEERS = 'How many engineers will Lumatech hire?';
const HIRE = 'The cloud computing division grew fastest, and the company said it would hire 3,000 engineers for its data centres next year.';
const REVENUE = 'Lumatech reported quarterly revenue of 12.4 billion dollars, up 18 percent from a year earlier, beating analyst forecasts.';
/** Title and file of the Lumatech article (it has no URL, source or date). */
const LUMATECH = '— Lumatech profit jumps on cloud demand\n  lumatech-results.txt\n';

describe('console chat', () => {
  it('greets with the article count, answers a typed question with the passage, its title and file, ends on end of input', async () => {
    const printed = afterGreeting(await chat([ENGINEERS], true));
    expect(printed).toBe(`? \n${HIRE}\n\n${LUMATECH}  (1 more passage)\n\n? `);
  });

  it('/more shows the next passage of the last answer, then says there are no more', async () => {
    const printed = afterGreeting(await chat([ENGINEERS, '/more', '/more', '/more'], true));
    expect(printed).toBe(
      `? \n${HIRE}\n\n${LUMATECH}  (1 more passage)\n\n` +
        `? \n${REVENUE}\n\n${LUMATECH}\n` +
        '? No more passages for that question.\n? No more passages for that question.\n? ',
    );
  });

  it('says so plainly when nothing answers, and gives small talk no news', async () => {
    const printed = afterGreeting(await chat(['Who won the Champions League final?', 'hi'], true));
    expect(printed).toBe(
      '? \nI found nothing about that in my 4 articles. Try rephrasing, or ask about a person, place or event in the news.\n\n' +
        '? \nHi! I answer questions about the news in my 4 articles. Ask me something like “what did the president say about the summit?”\n\n? ',
    );
  });

  it("knows the bot's commands: /help, /latest, /sources and /ask, and says so for one it does not know", async () => {
    const printed = afterGreeting(await chat(['/help', '/latest', '/sources', `/ask ${ENGINEERS}`, '/weather', '/ask'], true));
    const hamburg = 'Hamburg baut neue Radwege (news.example.org · 9 Apr 2024)\n   https://news.example.org/de/hamburg-radwege';
    const riverton = 'Riverton council approves new tram line (Riverton Courier · 11 Mar 2024)\n   https://news.example.org/riverton-tram';
    const storm = 'Storm Ingrid floods coastal towns (Coast Daily · 2 Feb 2024)\n   https://news.example.org/storm-ingrid';
    expect(printed).toBe(
      [
        '? Type a question in your own words and press Enter. Commands:',
        '  /more     the next best passage for the last question',
        '  /latest   the newest articles',
        '  /sources  the indexed articles',
        '  /quit     leave (or Ctrl+D)',
        '? ',
        // /latest: the dated articles, newest first
        `Latest articles:\n1. ${hamburg}\n2. ${riverton}\n3. ${storm}\n`,
        '? ',
        // /sources: all four, the undated one by its file
        `4 indexed articles:\n1. ${hamburg}\n2. Lumatech profit jumps on cloud demand\n   lumatech-results.txt\n3. ${riverton}\n4. ${storm}\n`,
        `? \n${HIRE}\n\n${LUMATECH}  (1 more passage)\n`,
        '? I do not know /weather. /help lists what I can do.',
        '? Type the question after /ask, or just type it.',
        '? ',
      ].join('\n'),
    );
  });

  it('stops at /quit, leaving later lines unanswered, even with input still open', async () => {
    const printed = afterGreeting(await chat(['Which care homes were evacuated?', '/quit', ENGINEERS], false));
    expect(printed).toContain('Emergency services evacuated two care homes in Port Elwin after the river burst its banks');
    expect(printed).toContain('— Storm Ingrid floods coastal towns\n  Coast Daily · 2 Feb 2024\n  https://news.example.org/storm-ingrid\n');
    expect(printed).toMatch(/\n\n\? $/); // the prompt after the answer; /quit printed nothing more
    expect(printed).not.toContain('engineers');
  });

  it('ignores blank lines', async () => {
    // A prompt for each line and nothing else: not even the "send me a question" hint an empty question gets.
    expect(afterGreeting(await chat(['', '   '], true))).toBe('? ? ? ');
  });
});
