import { createInterface } from 'node:readline/promises';
import type { LiveIndex } from '../app/live-index.js';
import { renderAnswerPlain, renderSourcesPlain } from '../replies/plain.js';
import type { Answer } from '../search/types.js';

const HELP = [
  'Type a question in your own words and press Enter. Commands:',
  '  /more     the next best passage for the last question',
  '  /latest   the newest articles',
  '  /sources  the indexed articles',
  '  /quit     leave (or Ctrl+D)',
].join('\n');

/**
 * The console chat: what a newcomer without a bot token sees first. Each line typed is a question,
 * answered exactly as the bot would, as plain text.
 */
export async function runConsole(
  live: LiveIndex,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const n = live.current.articles.length;
  output.write(
    [
      `News Q&A console: ${n} article${n === 1 ? '' : 's'} indexed from ${live.articlesDir}.`,
      'Type a question and press Enter; "/more" shows the next passage, "/help" the rest (Ctrl+D or "/quit" to leave).',
      'To run the Telegram bot instead, put BOT_TOKEN=<token from @BotFather> in .env and start again.',
      '',
    ].join('\n'),
  );
  const rl = createInterface({ input, output, terminal: (input as { isTTY?: boolean }).isTTY === true });
  rl.setPrompt('? ');
  rl.prompt();
  // The last answer and how many of its passages were shown, for "/more" (the bot's Next button).
  let last: Answer | undefined;
  let shown = 0;
  const ask = (question: string) => {
    last = live.ask(question);
    shown = 1;
    output.write(`\n${renderAnswerPlain(last, { articles: live.current.articles })}\n\n`);
  };
  for await (const line of rl) {
    const typed = line.trim();
    // The bot's commands where they make sense here; "/ask …" as in a group.
    const [command, ...rest] = typed.startsWith('/') ? typed.split(/\s+/) : [];
    if (command === '/quit' || command === '/exit') break;
    if (command === '/more') {
      const unseen = last ? last.passages.slice(shown) : [];
      output.write(unseen.length > 0 ? `\n${renderAnswerPlain({ ...last!, passages: unseen })}\n\n` : 'No more passages for that question.\n');
      if (unseen.length > 0) shown++;
    } else if (command === '/help' || command === '/start') {
      output.write(`${HELP}\n`);
    } else if (command === '/latest') {
      ask("what's new?");
    } else if (command === '/sources') {
      output.write(`\n${renderSourcesPlain(live.current.articles)}\n\n`);
    } else if (command === '/ask') {
      if (rest.length > 0) ask(rest.join(' '));
      else output.write('Type the question after /ask, or just type it.\n');
    } else if (command) {
      output.write(`I do not know ${command}. /help lists what I can do.\n`);
    } else if (typed !== '') {
      ask(typed);
    }
    rl.prompt();
  }
  rl.close();
}
