import { defineConfig } from 'wxt';
import { buildKnowledge } from './scripts/build-knowledge';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  hooks: {
    // The knowledge base compiles before every build; a faulty entry fails the build
    // with the same `file:line: field: problem` lines as `npm run kb:check`.
    'build:before': () => {
      buildKnowledge();
    },
  },
  manifest: ({ browser }) => ({
    name: 'Faultline',
    description: 'Explains known error messages where you read them: what they mean, the likely cause on this page, and the fix. Works offline.',
    permissions: ['storage'],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'faultline@faultline.dev',
              // data_collection_permissions needs Firefox 140 (Android 142).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
