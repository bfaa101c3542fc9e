import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium (playwright-core, the granted test build) and
// Firefox ESR (puppeteer-core over WebDriver BiDi, the release build) with the extension loaded.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
