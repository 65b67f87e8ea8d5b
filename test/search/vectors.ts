import { loadWordVectors } from '../../src/app/vectors.js';
import { createLogger } from '../../src/log.js';
import type { WordVectors } from '../../src/search/vectors.js';

let loading: Promise<WordVectors> | undefined;

/** The real English word vectors the product ships with (models/), read once per test file. */
export function realVectors(): Promise<WordVectors> {
  loading ??= loadWordVectors({ log: createLogger({ level: 'silent' }) }).then((v) => {
    if (!v) throw new Error('the shipped word vectors file (models/word-vectors.en.bin) is missing or damaged');
    return v;
  });
  return loading;
}
