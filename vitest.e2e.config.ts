import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium with the built extension loaded.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
