/**
 * The content script: picks the site adapter, builds the prefilter over the bundled and
 * the person's own anchors, and runs a scanner that has the background diagnose what the
 * prefilter finds, restarting it on SPA navigation and settings changes. Everything stops
 * with the context's signal (extension reload or update), leaving the page as it was.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createPrefilterSteps, prefilterAnchors, type Prefilter } from '../engine/prefilter';
import { toMatchSignature } from '../knowledge/compile';
import bundledAnchors from '../knowledge/generated/anchors.json';
import { customSignaturesItem } from '../platform/custom-signatures';
import { storedCustomEntries } from '../platform/custom-stored';
import type { FindingSummary } from '../platform/messages';
import { sendMessage } from '../platform/send';
import { loadSettings, sanitizeSettings, settingsItem } from '../platform/settings';
import { blocksOfCandidate, candidatesIn } from '../sites/blocks-in';
import { applyLanguageSetting } from '../ui/i18n';
import { pickAdapter } from './pick-adapter';
import { runInSlices } from './run-in-slices';
import { requireTrustedEvents } from '../ui/trusted';
import { createScanner, type Scanner } from './scanner';

/** Set by the background just before it injects us for "Scan this page". */
const SCAN_REQUEST = '__faultlineScanRequest';

export async function startContentScript(ctx: ContentScriptContext): Promise<void> {
  const scope = globalThis as Record<string, unknown>;
  const onDemand = scope[SCAN_REQUEST] === true;
  delete scope[SCAN_REQUEST];

  let settings = await loadSettings();
  let custom = storedCustomEntries(await customSignaturesItem.getValue());
  if (ctx.isInvalid) return;
  applyLanguageSetting(settings.language);
  // Badges act only on real input: a page can dispatch events, not make trusted ones.
  requireTrustedEvents();

  // Built in idle slices. Only anchors: signatures, causes and cues stay in the background,
  // which diagnoses the blocks the prefilter finds (engine/prefilter.ts).
  let prefilter: Promise<Prefilter> | undefined;
  const getPrefilter = () =>
    (prefilter ??= runInSlices(
      createPrefilterSteps(custom.length > 0 ? [...new Set([...bundledAnchors, ...prefilterAnchors(custom.map(toMatchSignature))])] : bundledAnchors),
      window,
      ctx.signal,
    ));
  let generation = 0;

  let scanner: Scanner | undefined;
  let scannerAbort: AbortController | undefined;
  let href = location.href;

  function reportFindings(findings: FindingSummary[]) {
    if (ctx.isInvalid) return;
    sendMessage({ type: 'page:findings', url: location.href, findings }).catch(() => {});
  }

  async function restart() {
    const current = ++generation;
    scannerAbort?.abort();
    scanner = undefined;
    const adapter = pickAdapter(new URL(location.href), settings, onDemand);
    if (!adapter) {
      reportFindings([]);
      return;
    }
    const built = await getPrefilter().catch(() => undefined);
    // A newer restart (navigation, settings) or the end of the context overtook us.
    if (!built || current !== generation || ctx.isInvalid) return;
    scannerAbort = new AbortController();
    ctx.signal.addEventListener('abort', () => scannerAbort?.abort(), { once: true });
    scanner = createScanner({
      doc: document,
      adapter,
      prefilter: built,
      settings,
      signal: scannerAbort.signal,
      candidatesIn,
      blocksOfCandidate,
      report: reportFindings,
      loadDetails: (entryId, causeId) => sendMessage({ type: 'page:cause-details', entryId, causeId }),
      diagnose: (request) => sendMessage({ type: 'page:diagnose', ...request }),
      openDiagnosis: (entryId, context) => {
        sendMessage({ type: 'page:open-diagnosis', entryId, context }).catch(() => {});
      },
    });
  }

  // SPA navigation: WXT's location watcher, GitHub's Turbo, and history traversal.
  const onNavigate = () => {
    if (location.href === href) return;
    href = location.href;
    void restart();
  };
  ctx.addEventListener(window, 'wxt:locationchange', onNavigate);
  ctx.addEventListener(document, 'turbo:render', onNavigate);
  ctx.addEventListener(window, 'popstate', onNavigate);

  const unwatchSettings = settingsItem.watch((value) => {
    const next = sanitizeSettings(value);
    const sitesChanged = JSON.stringify([next.sites, next.disabledHosts]) !== JSON.stringify([settings.sites, settings.disabledHosts]);
    const languageChanged = next.language !== settings.language;
    settings = next;
    applyLanguageSetting(settings.language);
    if (sitesChanged || languageChanged) void restart();
    else scanner?.applySettings(settings);
  });
  const unwatchCustom = customSignaturesItem.watch((value) => {
    custom = storedCustomEntries(value);
    prefilter = undefined;
    void restart();
  });
  ctx.onInvalidated(() => {
    unwatchSettings();
    unwatchCustom();
    scannerAbort?.abort();
  });

  void restart();
}
