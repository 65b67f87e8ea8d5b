import { createInterface } from 'node:readline/promises';
import type { LiveIndex } from '../app/live-index.js';
import { renderAnswerPlain } from '../bot/format.js';
import type { Answer } from '../search/types.js';

/**
 * The console chat: what a newcomer without a bot token sees first. Each line typed is a question,
 * answered exactly as the bot would, as plain text.
 */
export async function runConsole(live: LiveIndex, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const n = live.current.articles.length;
  output.write(
    [
      `News Q&A console: ${n} article${n === 1 ? '' : 's'} indexed from ${live.articlesDir}.`,
      'Type a question and press Enter; "/more" shows the next passage (Ctrl+D or "/quit" to leave).',
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
  for await (const line of rl) {
    const question = line.trim();
    if (question === '/quit' || question === '/exit') break;
    if (question === '/more') {
      const rest = last ? last.passages.slice(shown) : [];
      output.write(rest.length > 0 ? `\n${renderAnswerPlain({ ...last!, passages: rest })}\n\n` : 'No more passages for that question.\n');
      if (rest.length > 0) shown++;
    } else if (question !== '') {
      last = live.ask(question);
      shown = 1;
      output.write(`\n${renderAnswerPlain(last, { articles: live.current.articles })}\n\n`);
    }
    rl.prompt();
  }
  rl.close();
}
