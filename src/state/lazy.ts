import type { State } from './types.js';

/**
 * A State that opens its store at the first call, not at start: an open PGlite costs the process
 * about 150 MB (docs/state.md), and creating a new one takes seconds. An open that fails is tried
 * again at the next call. `release` runs after close (the folder lock).
 */
export function lazyState(open: () => Promise<State>, release: () => void = () => undefined): State {
  let opening: Promise<State> | undefined;
  let closed = false;
  const ready = (): Promise<State> => {
    if (closed) return Promise.reject(new Error('the state store is closed'));
    opening ??= open().catch((err: unknown) => {
      opening = undefined;
      throw err;
    });
    return opening;
  };
  return {
    addFeedback: async (f) => (await ready()).addFeedback(f),
    addQuestion: async (q) => (await ready()).addQuestion(q),
    questionsSince: async (since) => (await ready()).questionsSince(since),
    deleteQuestionsBefore: async (before) => (await ready()).deleteQuestionsBefore(before),
    forget: async (who) => (await ready()).forget(who),
    setBlocked: async (userId, blocked, at) => (await ready()).setBlocked(userId, blocked, at),
    isBlocked: async (userId) => (await ready()).isBlocked(userId),
    key: async (name) => (await ready()).key(name),
    async close() {
      if (closed) return;
      closed = true;
      const s = await opening?.catch(() => undefined);
      try {
        await s?.close();
      } finally {
        release();
      }
    },
  };
}
