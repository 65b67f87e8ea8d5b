// `npm run bench:mutation`: how many deliberate small bugs (mutants) the tests catch, per file, in the
// code where a silent regression hurts most. A benchmark, not part of `npm test` or CI: it runs the
// related tests once per mutant. In bigger files only the lines that matter are mutated (a range
// per function: secretMatches in run.ts, the file fingerprints in live-index.ts, abstention in
// answer.ts and rank.ts); when those files change, move the ranges with them.
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
    'src/bot/run.ts:30-39', // secretMatches
    'src/log.ts',
    'src/articles/clean.ts',
    'src/app/live-index.ts:312-318', // fingerprints taken
    'src/app/live-index.ts:331-369', // and compared
    'src/app/live-index.ts:442-446', // sameFingerprints
    'src/search/answer.ts:124-124', // the threshold
    'src/search/answer.ts:146-147', // abstaining
    'src/search/answer.ts:157-157', // tentative answers
    'src/search/answer.ts:198-218', // convictionOf
    'src/search/rank.ts:237-262', // backgroundWeight, confidence
  ],
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
