import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'test/firefox/**', 'node_modules/**'],
    // The engine's replay tests take a few seconds each on a busy 2-core machine; 5 s failed them under load.
    testTimeout: 30_000,
  },
});
