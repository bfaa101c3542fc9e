/**
 * The person's settings: one typed storage item with a version, so later shapes can
 * migrate old data instead of dropping it (https://wxt.dev/storage#versioning).
 */
import { storage } from 'wxt/utils/storage';

export type BadgeStyle = 'label' | 'dot';
export type Language = 'auto' | 'en' | 'zh_CN';

export interface Settings {
  /** Site adapter id → on/off. Missing ids use the adapter's default. */
  sites: Record<string, boolean>;
  /** Hosts the person switched off from the popup, whatever the adapter says. */
  disabledHosts: string[];
  badgeStyle: BadgeStyle;
  highlight: boolean;
  /** Most badges on one page; the rest are summarised as "+N more". */
  badgeCap: number;
  language: Language;
}

export const DEFAULT_SETTINGS: Settings = {
  sites: {},
  disabledHosts: [],
  badgeStyle: 'label',
  highlight: true,
  badgeCap: 30,
  language: 'auto',
};

/**
 * Whether the person has a site adapter switched on: their choice when they made one,
 * else the adapter's default. (Optional sites also need their host access granted.)
 */
export function isSiteSwitchedOn(site: { id: string; defaultOn: boolean }, settings: Settings): boolean {
  return settings.sites[site.id] ?? site.defaultOn;
}

export const BADGE_CAP_RANGE = { min: 1, max: 200 } as const;

/** Coerces whatever is stored (old versions, hand edits) into valid settings. */
export function sanitizeSettings(raw: unknown): Settings {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const sites: Record<string, boolean> = {};
  if (typeof value.sites === 'object' && value.sites !== null) {
    for (const [key, on] of Object.entries(value.sites)) if (typeof on === 'boolean') sites[key] = on;
  }
  const cap = typeof value.badgeCap === 'number' && Number.isFinite(value.badgeCap) ? Math.round(value.badgeCap) : DEFAULT_SETTINGS.badgeCap;
  return {
    sites,
    disabledHosts: Array.isArray(value.disabledHosts) ? value.disabledHosts.filter((h): h is string => typeof h === 'string') : [],
    badgeStyle: value.badgeStyle === 'dot' ? 'dot' : 'label',
    highlight: typeof value.highlight === 'boolean' ? value.highlight : true,
    badgeCap: Math.min(BADGE_CAP_RANGE.max, Math.max(BADGE_CAP_RANGE.min, cap)),
    language: value.language === 'en' || value.language === 'zh_CN' ? value.language : 'auto',
  };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  // Each later shape adds `n: (old) => new` here; sanitizeSettings then repairs what a
  // hand edit or a partial write left behind.
  migrations: {},
});

export async function loadSettings(): Promise<Settings> {
  return sanitizeSettings(await settingsItem.getValue());
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = sanitizeSettings(change(await loadSettings()));
  await settingsItem.setValue(next);
  return next;
}
