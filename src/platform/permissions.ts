/**
 * Optional sites (docs hosts, chat apps): host access is asked for only when the person
 * turns one on, and the content script is then registered for exactly the granted hosts
 * (https://developer.chrome.com/docs/extensions/reference/api/scripting#method-registerContentScripts).
 * Default-on sites need none of this: their hosts are in the manifest.
 */
import { browser } from 'wxt/browser';
import { SITE_ADAPTERS } from '../sites';
import type { SiteAdapter } from '../sites/types';
import { isSiteSwitchedOn, loadSettings, updateSettings } from './settings';

export const OPTIONAL_SCRIPT_ID = 'faultline-optional';
/** What WXT builds `entrypoints/content.ts` into. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/content.js';

type Adapters = readonly Pick<SiteAdapter, 'id' | 'matches' | 'defaultOn'>[];

/**
 * Asks for the adapter's hosts and, when granted, switches it on. Call it straight from
 * the click handler: `permissions.request` needs the user gesture, so nothing may be
 * awaited before it.
 */
export async function enableOptionalSite(adapter: Pick<SiteAdapter, 'id' | 'matches'>, adapters: Adapters = SITE_ADAPTERS): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [...adapter.matches] });
  if (!granted) return false;
  await updateSettings((s) => ({ ...s, sites: { ...s.sites, [adapter.id]: true } }));
  await syncRegisteredContentScripts(adapters);
  return true;
}

/** Switches the adapter off, gives back the hosts it alone needed and unregisters them. */
export async function disableOptionalSite(adapter: Pick<SiteAdapter, 'id' | 'matches'>, adapters: Adapters = SITE_ADAPTERS): Promise<void> {
  await updateSettings((s) => ({ ...s, sites: { ...s.sites, [adapter.id]: false } }));
  await releaseUnusedOptionalHosts(adapters);
}

/**
 * Gives back host access held for optional sites that are now off (after switching one
 * off, a reset or an import), keeping hosts a switched-on site still needs, and makes
 * the registered content script match. Access is asked for again when turned back on.
 */
export async function releaseUnusedOptionalHosts(adapters: Adapters = SITE_ADAPTERS): Promise<void> {
  const settings = await loadSettings();
  const isOn = (a: Adapters[number]) => isSiteSwitchedOn(a, settings);
  const needed = new Set(adapters.filter((a) => a.defaultOn || isOn(a)).flatMap((a) => a.matches));
  const unused = [...new Set(adapters.filter((a) => !a.defaultOn && !isOn(a)).flatMap((a) => a.matches))].filter((m) => !needed.has(m));
  if (unused.length > 0) await browser.permissions.remove({ origins: unused });
  await syncRegisteredContentScripts(adapters);
}

/** Hosts of the optional adapters that are switched on and whose access is granted. */
export async function enabledOptionalOrigins(adapters: Adapters = SITE_ADAPTERS): Promise<string[]> {
  const settings = await loadSettings();
  const origins: string[] = [];
  for (const adapter of adapters) {
    if (adapter.defaultOn || !isSiteSwitchedOn(adapter, settings) || adapter.matches.length === 0) continue;
    if (await browser.permissions.contains({ origins: [...adapter.matches] })) origins.push(...adapter.matches);
  }
  return [...new Set(origins)];
}

/**
 * Makes the one registered content script cover exactly the enabled optional hosts:
 * registers, updates or unregisters it. Safe to call at any time (startup, after a
 * permission was revoked in the browser's own settings, after an import).
 */
export async function syncRegisteredContentScripts(adapters: Adapters = SITE_ADAPTERS): Promise<string[]> {
  const matches = await enabledOptionalOrigins(adapters);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [OPTIONAL_SCRIPT_ID] });
  if (matches.length === 0) {
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [OPTIONAL_SCRIPT_ID] });
    return matches;
  }
  const script = { id: OPTIONAL_SCRIPT_ID, matches, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle' as const };
  if (existing.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return matches;
}

/** For the options page: which optional adapters currently have their hosts granted. */
export async function grantedOptionalSites(adapters: Adapters = SITE_ADAPTERS): Promise<Record<string, boolean>> {
  const out: Record<string, boolean> = {};
  for (const adapter of adapters) {
    if (adapter.defaultOn || adapter.matches.length === 0) continue;
    out[adapter.id] = await browser.permissions.contains({ origins: [...adapter.matches] });
  }
  return out;
}
