import os from 'node:os';
import path from 'node:path';
import { loadWordVectors } from '../../src/app/vectors.js';
import { createLogger } from '../../src/log.js';
import type { WordVectors } from '../../src/search/vectors.js';

/** Where the test run keeps the converted vectors (`vectors.en.v8`), shared by every test file. */
export const TEST_VECTORS_DIR = path.join(os.tmpdir(), 'news-qa-bot-test-vectors');

let loading: Promise<WordVectors> | undefined;

/**
 * The real English word vectors the product ships with (the installed package), converted once per
 * machine into a temporary folder that every test file shares: the tests check the bot as it answers.
 */
export function realVectors(): Promise<WordVectors> {
  loading ??= loadWordVectors({
    cacheDir: TEST_VECTORS_DIR,
    log: createLogger({ level: 'silent' }),
  }).then((v) => {
    if (!v) throw new Error('the word vectors package is not installed (npm install)');
    return v;
  });
  return loading;
}
