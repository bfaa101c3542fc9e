/**
 * `npm start`: builds the extension, diagnoses the sample logs with the CLI, then opens
 * Chromium with the extension loaded on demo pages (a GitHub issue and a Stack Overflow
 * question full of real error pastes, served at their real URLs from local files).
 *
 *   npm start                          a browser window (needs a display)
 *   npm start -- --screenshots DIR     no window: writes PNGs of the demo pages to DIR
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { focusNode, queryClosed } from './closed-shadow';
import { launchWithExtension, servePages } from './launch-chromium';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGES = join(ROOT, 'tests/fixtures/pages');
const DEMOS: Record<string, string> = {
  'https://github.com/modelcontextprotocol/python-sdk/issues/2610': 'github-issue-react.html',
  'https://stackoverflow.com/questions/79000001/npm-install-fails': 'stackoverflow-question.html',
};

// The fixtures carry the sites' markup but not their styles: demo pages get a light look.
const DEMO_CSS = readFileSync(join(ROOT, 'scripts/demo-pages.css'), 'utf8');
// Demo pages follow the system's light or dark setting, like GitHub's "auto" mode.
const withDemoStyle = (html: string) =>
  html.replace('</head>', `<style>${DEMO_CSS}</style></head>`).replace(/\btheme-dark\b/, 'theme-system');

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: 'inherit', cwd: ROOT });

function argValue(flag: string): string | undefined {
  const k = process.argv.indexOf(flag);
  return k >= 0 ? process.argv[k + 1] : undefined;
}

function serveDemos(context: BrowserContext) {
  const pages = Object.fromEntries(
    Object.entries(DEMOS).map(([url, file]) => [url, () => withDemoStyle(readFileSync(join(PAGES, file), 'utf8'))]),
  );
  return servePages(context, pages);
}

/** Waits until a badge is shown (in its closed shadow root, read through the DevTools protocol). */
async function firstBadge(page: Page) {
  for (let tries = 0; tries < 150; tries++) {
    const [badge] = await queryClosed(page, 'button.badge');
    if (badge) return badge;
    await page.waitForTimeout(100);
  }
  throw new Error(`no badge appeared on ${page.url()}`);
}

async function waitForBadges(page: Page) {
  await firstBadge(page);
  await page.waitForTimeout(500);
}

async function screenshots(dir: string) {
  mkdirSync(dir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const { context } = await launchWithExtension({ colorScheme: scheme });
    await serveDemos(context);
    for (const [url, file] of Object.entries(DEMOS)) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1100, height: 760 });
      await page.goto(url);
      await waitForBadges(page);
      // Open the first badge's card, as a reader hovering it would.
      await focusNode(page, await firstBadge(page));
      for (let tries = 0; tries < 50 && (await queryClosed(page, '.card')).length === 0; tries++) await page.waitForTimeout(100);
      await page.waitForTimeout(400);
      const name = `page-${file.replace(/\.html$/, '')}-${scheme}.png`;
      await page.screenshot({ path: join(dir, name) });
      console.log(`wrote ${join(dir, name)}`);
      await page.close();
    }
    await context.close();
  }
}

async function browse() {
  const { context } = await launchWithExtension({ headless: false });
  await serveDemos(context);
  for (const url of Object.keys(DEMOS)) await (await context.newPage()).goto(url);
  console.log('Chromium is open on the demo pages; close it to finish.');
  await new Promise((resolve) => context.on('close', resolve));
}

async function main() {
  run('npx', ['wxt', 'build']);
  const samples = readdirSync(join(ROOT, 'samples')).filter((f) => f.endsWith('.log')).map((f) => join('samples', f));
  console.log(`\nDiagnosing ${samples.join(', ')} with the CLI:\n`);
  try {
    run('node', ['bin/faultline.mjs', 'diagnose', ...samples]);
  } catch {
    // Exit code 1 means "known errors found": expected for the samples.
  }
  const dir = argValue('--screenshots');
  if (dir) return screenshots(dir);
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
    console.log('\nNo display found. Run `npm start -- --screenshots DIR` to write PNGs of the demo pages instead.');
    return;
  }
  return browse();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
