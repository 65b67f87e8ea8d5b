import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Coordination } from './coordination.js';
import { openCoordination, openState } from './open.js';
import type { State } from './types.js';

const DAY_MS = 86_400_000;
/** Update claims, answer pages and silent replicas' counters are deleted this often (replicas only). */
const SHARED_PRUNE_MS = 3_600_000;

/** Deletes stored questions older than QUESTION_RETENTION_DAYS; returns how many. */
export function pruneQuestions(state: State, days: number, now = new Date()): Promise<number> {
  return state.deleteQuestionsBefore(new Date(now.getTime() - days * DAY_MS));
}

/**
 * The bot's store with its retention: old questions are deleted when the store opens and then once a
 * day. With DATABASE_URL also what replicas coordinate through (`coordination`), pruned hourly.
 * `close` stops the runs and closes both.
 */
export async function openBotState(config: Config, log: Logger): Promise<{ state: State; coordination?: Coordination; close(): Promise<void> }> {
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
  let coordination: Coordination | undefined;
  if (config.state.databaseUrl !== undefined) {
    try {
      coordination = await openCoordination(config.state.databaseUrl, {
        onError: (err) => log.warn({ error: err.message }, 'a lease (polling or feeds): the database did not answer; trying again'),
      });
    } catch (err) {
      await state.close();
      throw err;
    }
  }
  const shared = coordination;
  const pruneShared = async () => {
    try {
      const deleted = await shared?.prune();
      if (deleted) log.debug(deleted, 'deleted update claims, answer pages and replica counters past their retention');
    } catch (err) {
      log.warn({ error: (err as Error).message }, 'could not delete update claims and answer pages past their retention');
    }
  };
  void pruneShared();
  const hourly = setInterval(() => void pruneShared(), SHARED_PRUNE_MS);
  hourly.unref();
  const daily = setInterval(() => void prune(state), DAY_MS);
  daily.unref();
  return {
    state,
    ...(coordination ? { coordination } : {}),
    close: async () => {
      clearInterval(daily);
      clearInterval(hourly);
      await Promise.all([state.close(), coordination?.close()]);
    },
  };
}
