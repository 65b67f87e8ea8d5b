import type { Config } from '../config.js';
import { createLogger, type Logger } from '../log.js';
import { LiveIndex } from './live-index.js';
import { loadWordVectors } from './vectors.js';

/** The live index as every surface opens it: the configured folder, cache, age limit and word vectors. */
export async function openLiveIndex(
  config: Config,
  overrides: { articlesDir?: string; log?: Logger; logLevel?: string } = {},
): Promise<LiveIndex> {
  const log =
    overrides.log ?? createLogger({ level: overrides.logLevel ?? config.logLevel, secrets: config.botToken ? [config.botToken] : [] });
  const vectors = config.wordVectors ? await loadWordVectors({ cacheDir: config.indexCacheDir, log }) : undefined;
  return LiveIndex.open({
    articlesDir: overrides.articlesDir ?? config.articlesDir,
    cacheDir: config.indexCacheDir,
    maxAgeDays: config.maxAgeDays,
    log,
    vectors,
  });
}
