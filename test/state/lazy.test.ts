import { describe, expect, it } from 'vitest';
import { lazyState } from '../../src/state/lazy.js';
import type { State } from '../../src/state/types.js';

/** A stand-in store that counts how often it was opened. */
function counting(opens: { n: number }, fail = 0): () => Promise<State> {
  return async () => {
    opens.n++;
    if (opens.n <= fail) throw new Error('cannot open');
    return { isBlocked: async () => true, addQuestion: async () => undefined, close: async () => undefined } as unknown as State;
  };
}

describe('a store opened at first use', () => {
  it('answers reads from a store not made yet with "nothing stored", without making it; the first write makes it', async () => {
    const opens = { n: 0 };
    let made = false;
    const s = lazyState(counting(opens), { exists: () => made });
    expect(await s.isBlocked(1)).toBe(false);
    expect(await s.questionsSince(new Date(0))).toEqual([]);
    expect(await s.forget({ voter: 'v', userId: 1 })).toEqual({ feedback: 0, questions: 0 });
    expect(opens.n).toBe(0);
    await s.addQuestion({ text: 'q', language: 'en', reason: 'declined', at: new Date() });
    made = true;
    expect(await s.isBlocked(1)).toBe(true);
    expect(opens.n).toBe(1);
  });

  it('opens an existing store once, at the first read, and tries again after a failed open', async () => {
    const opens = { n: 0 };
    let released = 0;
    const s = lazyState(counting(opens, 1), { exists: () => true, release: () => released++ });
    expect(opens.n).toBe(0);
    await expect(s.isBlocked(1)).rejects.toThrow('cannot open');
    expect(await s.isBlocked(1)).toBe(true);
    expect(await s.isBlocked(2)).toBe(true);
    expect(opens.n).toBe(2);
    await s.close();
    await s.close();
    expect(released).toBe(1);
    await expect(s.isBlocked(1)).rejects.toThrow('closed');
  });
});
