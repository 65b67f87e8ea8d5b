import type { Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { LiveIndex, type LiveIndexOptions } from './live-index.js';
import type { AnswerOptions } from '../search/types.js';
import { loadSentenceModel } from './sentence-model.js';
import { loadWordVectors } from './vectors.js';

/** What `answer()` reads besides the index and the question. */
export type AnswerModels = Pick<AnswerOptions, 'vectors' | 'sentences'>;

/** The answer models the settings ask for (WORD_VECTORS, SENTENCE_MODEL). */
export async function loadAnswerModels(config: Config, log: Logger): Promise<AnswerModels> {
  return {
    vectors: config.wordVectors ? await loadWordVectors({ log }) : undefined,
    sentences: config.sentenceModel ? await loadSentenceModel({ log }) : undefined,
  };
}

/** The live index as every surface opens it: the configured folder, cache, age limit and answer models. */
export async function openLiveIndex(
  config: Config,
  overrides: {
    articlesDir?: string;
    log?: Logger;
    logLevel?: string;
    progress?: LiveIndexOptions['progress'];
    onReloadFailed?: LiveIndexOptions['onReloadFailed'];
  } = {},
): Promise<LiveIndex> {
  const log = overrides.log ?? createLogger({ level: overrides.logLevel ?? config.logLevel, secrets: config.botToken ? [config.botToken] : [] });
  const articlesDir = overrides.articlesDir ?? config.articlesDir;
  // With 'index ready' (its time, and whether the cache served) the start and end of what can be a long build.
  log.info({ articlesDir, cacheDir: config.indexCacheDir }, 'opening the articles index');
  return LiveIndex.open({
    articlesDir,
    cacheDir: config.indexCacheDir,
    maxAgeDays: config.maxAgeDays,
    log,
    progress: overrides.progress,
    onReloadFailed: overrides.onReloadFailed,
    ...(await loadAnswerModels(config, log)),
  });
}
