import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { buildKnowledge } from './scripts/build-knowledge';
import { DEFAULT_HOST_PATTERNS, OPTIONAL_HOST_PATTERNS } from './src/sites';

// A test-only build (the e2e suite's `.output-granted`): headless Chromium cannot answer
// a permission prompt, so this build holds the optional hosts from the start and the
// options page's "turn on" path runs without a prompt. Never used for a release.
const grantOptionalHosts = process.env.FAULTLINE_GRANT_OPTIONAL_HOSTS === '1';

const EXTENSION_CSP = "default-src 'self'; script-src 'self'; object-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  // FAULTLINE_OUT lets parallel builds (and the e2e suite) use separate folders.
  outDir: process.env.FAULTLINE_OUT ?? '.output',
  // WXT's content-script context posts a message with our extension id to the page and
  // stops when the page replays it; src/page/lifetime.ts keeps its interface and ties the
  // lifetime to a runtime port instead (see that file).
  vite: () => ({
    resolve: { alias: { 'wxt/utils/content-script-context': resolve(__dirname, 'src/page/lifetime.ts') } },
  }),
  hooks: {
    // The knowledge base compiles before every build; a faulty entry fails the build
    // with the same `file:line: field: problem` lines as `npm run kb:check`.
    'build:before': () => {
      buildKnowledge();
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // activeTab + scripting: "Scan this page" on sites that are not on by default.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting'],
    host_permissions: [...DEFAULT_HOST_PATTERNS, ...(grantOptionalHosts ? OPTIONAL_HOST_PATTERNS : [])],
    // Docs hosts and chat apps: asked for only when the person turns them on.
    optional_host_permissions: grantOptionalHosts ? [] : [...OPTIONAL_HOST_PATTERNS],
    action: { default_title: '__MSG_actionTitle__' },
    // Zero network, enforced by the browser: extension pages and the background may not
    // connect anywhere (fetch, XHR, WebSocket, EventSource, beacons), nor load remote code.
    content_security_policy:
      browser === 'firefox'
        ? (EXTENSION_CSP as unknown as Record<string, string>)
        : { extension_pages: EXTENSION_CSP },
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+F' },
        description: '__MSG_commandOpenPopup__',
      },
    },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: optional hosts are optional permissions.
          optional_permissions: grantOptionalHosts ? [] : [...OPTIONAL_HOST_PATTERNS],
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
