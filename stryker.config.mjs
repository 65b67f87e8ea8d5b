// `npm run bench:mutation`: how many deliberate small bugs (mutants) the tests catch, per file, in the
// code where a silent regression hurts most. A benchmark, not part of `npm test` or CI: it runs the
// related tests once per mutant. In bigger files only the lines that matter are mutated (a range
// per function: secretMatches in run.ts, the file fingerprints in live-index.ts, abstention in
// answer.ts, conviction.ts and rank.ts); when those files change, move the ranges with them.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/bot/format.ts',
    'src/bot/addressed.ts',
    'src/bot/limits.ts',
    'src/bot/send.ts',
    'src/bot/run.ts:33-42', // secretMatches
    'src/log.ts',
    'src/articles/clean.ts',
    'src/app/live-index.ts:303-309', // fingerprints taken
    'src/app/live-index.ts:322-357', // and compared
    'src/app/live-index.ts:410-414', // sameFingerprints
    'src/search/answer.ts:137-138', // the threshold
    'src/search/answer.ts:152-153', // abstaining (judge)
    'src/search/answer.ts:82-82', // and its early return (explainAnswer)
    'src/search/answer.ts:154-158', // tentative answers
    'src/search/conviction.ts:65-85', // convictionOf
    'src/search/rank.ts:268-295', // backgroundWeight, confidence
  ],
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
