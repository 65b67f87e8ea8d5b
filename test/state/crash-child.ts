/**
 * For crash.test.ts: opens the embedded store in the folder given and records votes without end,
 * printing the number of each one once it is committed, until it is killed.
 */
import { openState } from '../../src/state/open.js';

const state = await openState({ dir: process.argv[2]! });
for (let i = 0; ; i++) {
  await state.addFeedback({ answer: `answer-${i}`, voter: 'crash', vote: i % 2 ? 'up' : 'down', at: new Date() });
  await state.addQuestion({ text: `question ${i} `.repeat(20), language: 'en', reason: 'declined', at: new Date() });
  process.stdout.write(`${i}\n`);
}
