import { describe, expect, it } from 'vitest';
import { Kept } from '../../src/bot/kept.js';
import type { FeedbackRecord, QuestionRecord, State } from '../../src/state/types.js';
import { captureLog, testConfig } from '../e2e/harness.js';

/** A State that records what it is given (the stores themselves are tested in test/state). */
function recordingState(key = Buffer.alloc(32, 7)) {
  const feedback: FeedbackRecord[] = [];
  const questions: QuestionRecord[] = [];
  const state = {
    key: async () => key,
    addFeedback: async (f: FeedbackRecord) => (feedback.push(f), true),
    addQuestion: async (q: QuestionRecord) => void questions.push(q),
  } as unknown as State;
  return { state, feedback, questions };
}

const at = new Date('2026-01-01T00:00:00Z');

describe('what the bot keeps about readers', () => {
  it('stores votes under keyed hashes: never the user or chat id, the same hash for the same reader, another with another key', async () => {
    const a = recordingState();
    const kept = new Kept(a.state, testConfig(), captureLog().log, () => at);
    await kept.vote(424242, -100777, 31, 'up');
    await kept.vote(424242, -100777, 32, 'down');
    await kept.vote(434343, -100777, 31, 'up');
    const [first, second, other] = a.feedback;
    for (const f of a.feedback) {
      expect(JSON.stringify(f)).not.toMatch(/424242|434343|100777/);
    }
    expect(second!.voter).toBe(first!.voter);
    expect(other!.voter).not.toBe(first!.voter);
    expect(other!.answer).toBe(first!.answer);
    expect(second!.answer).not.toBe(first!.answer);
    const b = recordingState(Buffer.alloc(32, 8));
    await new Kept(b.state, testConfig(), captureLog().log, () => at).vote(424242, -100777, 31, 'up');
    expect(b.feedback[0]!.voter).not.toBe(first!.voter);
  });

  it("keeps a question without the asker's ids unless STORE_ASKER_IDS is on", async () => {
    const off = recordingState();
    await new Kept(off.state, testConfig(), captureLog().log, () => at).question('where?', 'en', 'declined', { userId: 5, chatId: -6 });
    expect(off.questions).toEqual([{ text: 'where?', language: 'en', reason: 'declined', at }]);
    const on = recordingState();
    await new Kept(on.state, testConfig({ storeAskerIds: true }), captureLog().log, () => at).question('where?', 'en', 'declined', {
      userId: 5,
      chatId: -6,
    });
    expect(on.questions).toEqual([{ text: 'where?', language: 'en', reason: 'declined', at, askerId: 5, chatId: -6 }]);
  });
});
