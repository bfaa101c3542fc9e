/** Which adapter scans a page, given the person's settings and how we were started. */
import { isSiteSwitchedOn, type Settings } from '../platform/settings';
import { adapterFor, ON_DEMAND_ADAPTER } from '../sites';
import type { SiteAdapter } from '../sites/types';

/**
 * On demand ("Scan this page") every page is scanned, with its site's adapter when one
 * exists; otherwise only pages of an adapter that is on, on a host not switched off.
 */
export function pickAdapter(url: URL, settings: Settings, onDemand: boolean): SiteAdapter | undefined {
  const adapter = adapterFor(url);
  if (onDemand) return adapter ?? ON_DEMAND_ADAPTER;
  if (!adapter || !isSiteSwitchedOn(adapter, settings)) return undefined;
  if (settings.disabledHosts.includes(url.hostname)) return undefined;
  return adapter;
}
