import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  resolve: {
    alias: [
      // Inside tests `wxt/testing` only needs the fake browser. Its index also exports the
      // Vite plugin, whose Vite import breaks under happy-dom ("The URL must be of scheme file").
      {
        find: /^wxt\/testing$/,
        replacement: fileURLToPath(new URL('./node_modules/wxt/dist/testing/fake-browser.mjs', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
