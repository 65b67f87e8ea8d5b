import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveIndex } from '../../src/app/live-index.js';
import { renderAnswerPlain } from '../../src/bot/format.js';
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

describe('console chat', () => {
  it('greets with the article count, answers a typed question exactly as renderAnswerPlain does, ends on end of input', async () => {
    const q = 'How many engineers will Lumatech hire?';
    const printed = await chat([q], true);
    expect(printed).toMatch(/^News Q&A console: 4 articles indexed/);
    const expected = renderAnswerPlain(live.ask(q));
    expect(expected).toContain('hire 3,000 engineers');
    expect(printed).toContain(expected);
  });

  it('/more shows the next passage of the last answer, then says there are no more', async () => {
    const q = 'How many engineers will Lumatech hire?';
    const answer = live.ask(q);
    expect(answer.passages.length).toBeGreaterThan(1);
    const printed = await chat([q, ...answer.passages.map(() => '/more')], true);
    const second = renderAnswerPlain({ ...answer, passages: answer.passages.slice(1) });
    expect(printed).toContain(second);
    expect(printed).toContain('No more passages for that question.');
  });

  it('says so plainly when nothing answers, and gives small talk no news', async () => {
    expect(live.ask('Who won the Champions League final?').reason).toBe('not-found');
    expect(live.ask('hi').reason).toBe('small-talk');
    const printed = await chat(['Who won the Champions League final?', 'hi'], true);
    expect(printed).toContain(renderAnswerPlain(live.ask('Who won the Champions League final?')));
    expect(printed).toContain(renderAnswerPlain(live.ask('hi')));
    expect(printed).not.toContain('news.example.org');
  });

  it('knows the bot\'s commands: /help, /latest, /sources and /ask, and says so for one it does not know', async () => {
    const printed = await chat(['/help', '/latest', '/sources', '/ask How many engineers will Lumatech hire?', '/weather'], true);
    expect(printed).toContain('/more     the next best passage');
    expect(printed).toContain(renderAnswerPlain(live.ask("what's new?"), { articles: live.current.articles }));
    expect(printed).toMatch(/4 indexed articles:\n1\. .+\n {3}\S+/);
    expect(printed).toContain(renderAnswerPlain(live.ask('How many engineers will Lumatech hire?')));
    expect(printed).toContain('I do not know /weather.');
    // None of the commands was searched as a question.
    expect(printed).not.toMatch(/I found nothing about that/);
  });

  it('stops at /quit, leaving later lines unanswered, even with input still open', async () => {
    const printed = await chat(['Which care homes were evacuated?', '/quit', 'How many engineers will Lumatech hire?'], false);
    expect(printed).toContain(renderAnswerPlain(live.ask('Which care homes were evacuated?')));
    expect(printed).not.toContain('engineers');
  });

  it('ignores blank lines', async () => {
    const printed = await chat(['', '   '], true);
    // Not even the "send me a question" hint an empty question gets: nothing was asked.
    expect(printed).not.toContain(renderAnswerPlain(live.ask('')));
    expect(printed).not.toContain(renderAnswerPlain(live.ask('Who won the Champions League final?')));
  });
});
