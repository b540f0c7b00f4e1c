import { defineConfig } from 'vitest/config';

// The Firefox smoke test (npm run test:firefox): one browser, tests in order, nothing else.
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
  },
});
