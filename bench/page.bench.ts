/**
 * `npm run bench:page`: the content script's cost on real Chromium, with and without
 * the extension in the same run. Pages are generated (bench/page/issue-page.ts) and
 * served at a GitHub issue URL so the real adapter runs. Main-thread time is read from
 * a Chromium trace and attributed to the extension by script URL (bench/page/trace.ts).
 * Needs a built extension: `npm run build` first (or FAULTLINE_OUT=… for another build).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { loadKnowledgeFolder } from '../src/knowledge/load-folder';
import { queryClosed } from '../scripts/closed-shadow';
import { launchWithExtension, servePages } from '../scripts/launch-chromium';
import { deepPage, hugeBlockPage, issuePage, rewritingPage } from './page/issue-page';
import { mainThreadStats, startTrace, stopTrace, type MainThreadStats } from './page/trace';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parsed } = loadKnowledgeFolder(join(root, 'knowledge'), root, { crossCheck: false });
// Single-line examples of entries whose first example is short: real pastes.
const errors = parsed.map((p) => p.examples[0]?.value).filter((e): e is string => !!e && e.length < 300);
const MCP = 'McpError: MCP error -32000: Connection closed';

const URL_ = 'https://github.com/bench/page/issues/1';

interface Scenario {
  name: string;
  html: string;
  /** How long to watch the page after load, ms. */
  watchMs: number;
}

const SCENARIOS: Scenario[] = [
  { name: '40-comment issue, 4 pastes', html: issuePage(40, errors), watchMs: 4_000 },
  { name: '1,000-comment issue', html: issuePage(1_000, errors), watchMs: 6_000 },
  { name: 'no errors, 1,000 comments', html: issuePage(1_000, ['all good'], 1_000_000), watchMs: 4_000 },
  { name: '20 MB code block', html: hugeBlockPage(20 * 1024 * 1024, MCP), watchMs: 8_000 },
  { name: 'nesting 2,000 deep', html: deepPage(2_000, MCP), watchMs: 4_000 },
  { name: 'DOM rewritten every frame', html: rewritingPage(MCP), watchMs: 10_000 },
];

interface Run extends MainThreadStats {
  badges: number;
  firstBadgeMs?: number;
  heapStartMb: number;
  heapEndMb: number;
}

async function heapMb(page: Page, cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  void page;
  return used / 1024 / 1024;
}

async function measure(scenario: Scenario, withExtension: boolean): Promise<Run> {
  const { context } = await launchWithExtension({ withExtension });
  try {
    await servePages(context, { [URL_]: () => scenario.html });
    const page = await context.newPage();
    // Records when the first badge appears, in the page's clock (ms since navigation). The
    // page sees only that an element it did not make appeared (a custom-element name; the
    // benchmark pages have none of their own), which is all any page can see of a badge.
    await page.addInitScript(() => {
      new MutationObserver((records, observer) => {
        if (records.some((r) => [...r.addedNodes].some((n) => n.nodeType === 1 && (n as Element).tagName.includes('-')))) {
          (window as unknown as { __firstBadge: number }).__firstBadge = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await startTrace(cdp);
    await page.goto(URL_, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForTimeout(1_000);
    const heapStartMb = await heapMb(page, cdp);
    await page.waitForTimeout(scenario.watchMs);
    const heapEndMb = await heapMb(page, cdp);
    const stats = mainThreadStats(await stopTrace(cdp), URL_);
    // DevTools cannot serialize a 2,000-deep DOM in one piece (CBOR stack limit in newer
    // Chromium); the first-badge time still says whether a badge came.
    const badges = await queryClosed(page, 'button.badge:not(.more)').then(
      (found) => found.length,
      () => undefined,
    );
    const firstBadgeMs = await page.evaluate(() => (window as unknown as { __firstBadge?: number }).__firstBadge);
    return { ...stats, badges, firstBadgeMs, heapStartMb, heapEndMb };
  } finally {
    await context.close();
  }
}

const f = (n: number | undefined, digits = 1) => (n === undefined ? '—' : n.toFixed(digits));

async function main() {
  console.log('Content script on real Chromium (headless), same run; times in ms, heap in MB.\n');
  console.log('| page | badges | extension JS ms | most extension JS in one task ms | longest task with extension JS ms (page alone: longest task) | first badge ms | main thread ms without → with (ratio) | heap MB without → with (start → end) |');
  console.log('| --- | ---: | ---: | ---: | --- | ---: | --- | --- |');
  // `npm run bench:page -- 20 MB` runs only the pages whose name contains "20 MB".
  const only = process.argv.slice(2).join(' ').trim();
  for (const scenario of SCENARIOS.filter((sc) => !only || sc.name.includes(only))) {
    const without = await measure(scenario, false);
    const withExt = await measure(scenario, true);
    const ratio = withExt.totalMs / Math.max(1, without.totalMs);
    console.log(
      `| ${scenario.name} | ${withExt.badges ?? '— (DOM too deep to read)'} | ${f(withExt.extensionMs)} | ${f(withExt.extensionLongestRunMs)} | ${f(withExt.extensionLongestTaskMs)} (${f(without.longestTaskMs)}) | ${f(withExt.firstBadgeMs, 0)} | ${f(without.totalMs, 0)} → ${f(withExt.totalMs, 0)} (${ratio.toFixed(2)}×) | ${f(without.heapStartMb)} → ${f(without.heapEndMb)} · ${f(withExt.heapStartMb)} → ${f(withExt.heapEndMb)} |`,
    );
  }
  console.log('\nBudget (DESIGN.md): no task over 50 ms caused by the extension (its JavaScript in one task); heap must not grow without bound on a page that keeps changing.');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
