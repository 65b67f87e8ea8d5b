import type { State } from './types.js';

export interface LazyOptions {
  /** Whether the store has been made; until it is, reads answer "nothing stored" without making it. */
  exists?: () => boolean;
  /** Runs after close (the folder lock). */
  release?: () => void;
}

/**
 * A State that opens its store at the first call that needs it, not at start: an open PGlite costs
 * the process about 60 MB (docs/state.md), and making a new one takes a second or more. Reads of a store
 * not made yet need nothing opened: it holds nothing. An open that fails is tried again at the next call.
 */
export function lazyState(open: () => Promise<State>, options: LazyOptions = {}): State {
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
  /** Nothing is stored yet and nothing needs opening: reads answer from that. */
  const empty = () => opening === undefined && options.exists !== undefined && !options.exists();
  return {
    addFeedback: async (f) => (await ready()).addFeedback(f),
    addQuestion: async (q) => (await ready()).addQuestion(q),
    questionsSince: async (since) => (empty() ? [] : (await ready()).questionsSince(since)),
    deleteQuestionsBefore: async (before) => (empty() ? 0 : (await ready()).deleteQuestionsBefore(before)),
    forget: async (who) => (empty() ? { feedback: 0, questions: 0 } : (await ready()).forget(who)),
    setBlocked: async (userId, blocked, at) => (!blocked && empty() ? false : (await ready()).setBlocked(userId, blocked, at)),
    isBlocked: async (userId) => (empty() ? false : (await ready()).isBlocked(userId)),
    key: async (name) => (await ready()).key(name),
    addSubscription: async (chatId, words, at) => (await ready()).addSubscription(chatId, words, at),
    subscriptions: async (chatId) => (empty() ? [] : (await ready()).subscriptions(chatId)),
    unsubscribe: async (chatId, id) => (empty() ? 0 : (await ready()).unsubscribe(chatId, id)),
    moveChat: async (from, to) => (empty() ? 0 : (await ready()).moveChat(from, to)),
    dropChat: async (chatId) => (empty() ? 0 : (await ready()).dropChat(chatId)),
    knownArticles: async () => (empty() ? [] : (await ready()).knownArticles()),
    addKnownArticles: async (keys, at) => (await ready()).addKnownArticles(keys, at),
    claimPosted: async (chatId, keys, at) => (await ready()).claimPosted(chatId, keys, at),
    async close() {
      if (closed) return;
      closed = true;
      const s = await opening?.catch(() => undefined);
      try {
        await s?.close();
      } finally {
        options.release?.();
      }
    },
  };
}
