import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { openState } from './open.js';
import type { State } from './types.js';

const DAY_MS = 86_400_000;

/** Deletes stored questions older than QUESTION_RETENTION_DAYS; returns how many. */
export function pruneQuestions(state: State, days: number, now = new Date()): Promise<number> {
  return state.deleteQuestionsBefore(new Date(now.getTime() - days * DAY_MS));
}

/**
 * The bot's store with its retention: old questions are deleted when the store opens and then once a
 * day. `close` stops the daily run and closes the store.
 */
export async function openBotState(config: Config, log: Logger): Promise<{ state: State; close(): Promise<void> }> {
  // Never fatal: a failed run is logged and the next one tries again.
  const prune = async (state: State) => {
    try {
      const deleted = await pruneQuestions(state, config.questionRetentionDays);
      if (deleted > 0) log.info({ deleted, days: config.questionRetentionDays }, 'deleted stored questions past their retention');
    } catch (err) {
      log.error({ error: (err as Error).message }, 'could not delete stored questions past their retention');
    }
  };
  const state = await openState(config.state, { onOpen: prune, warn: (message) => log.warn(message) });
  const daily = setInterval(() => void prune(state), DAY_MS);
  daily.unref();
  return {
    state,
    close: async () => {
      clearInterval(daily);
      await state.close();
    },
  };
}
