import { defineConfig } from 'vitest/config';

/**
 * The suite as `npm run bench:mutation` (Stryker) runs it once per mutant: without the load test
 * (its timing makes a mutant's run slow, not more telling) and without the tests of the compiled
 * build, which start dist/ in a child process that never sees a mutant; so no build step either.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/load.e2e.test.ts', 'test/cli/ask.test.ts', 'test/e2e/shutdown.e2e.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
