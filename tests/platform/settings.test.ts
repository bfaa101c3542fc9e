import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { BADGE_CAP_RANGE, DEFAULT_SETTINGS, loadSettings, sanitizeSettings, settingsItem, updateSettings } from '../../src/platform/settings';

describe('sanitizeSettings', () => {
  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'dark'],
    ['an array', []],
    ['an empty object', {}],
  ])('gives the defaults for %s', (_, raw) => {
    expect(sanitizeSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid values', () => {
    const settings = { sites: { github: false, docs: true }, disabledHosts: ['a.example'], badgeStyle: 'dot', highlight: false, badgeCap: 7, language: 'zh_CN' };
    expect(sanitizeSettings(settings)).toEqual(settings);
  });

  it('drops what is wrong, field by field, and keeps the rest', () => {
    expect(
      sanitizeSettings({ sites: { github: 'no', docs: true }, disabledHosts: ['a.example', 3], badgeStyle: 'huge', highlight: 'yes', language: 'fr', extra: 1 }),
    ).toEqual({ ...DEFAULT_SETTINGS, sites: { docs: true }, disabledHosts: ['a.example'] });
  });

  it.each([
    [0, BADGE_CAP_RANGE.min],
    [-5, BADGE_CAP_RANGE.min],
    [12.6, 13],
    [1e6, BADGE_CAP_RANGE.max],
    [Number.NaN, DEFAULT_SETTINGS.badgeCap],
    ['20', DEFAULT_SETTINGS.badgeCap],
  ])('clamps badge cap %s to %s', (badgeCap, expected) => {
    expect(sanitizeSettings({ badgeCap }).badgeCap).toBe(expected);
  });
});

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  // Stored without version metadata, as WXT reads anything written before versioning: v1.
  it('repairs a hand-edited or partial stored value on load', async () => {
    await fakeBrowser.storage.local.set({ settings: { badgeStyle: 'dot', badgeCap: 999, sites: 'all' } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, badgeStyle: 'dot', badgeCap: BADGE_CAP_RANGE.max });
  });

  it('writes only sanitized values', async () => {
    await updateSettings((s) => ({ ...s, badgeCap: 0, language: 'xx' as never }));
    expect(await settingsItem.getValue()).toEqual({ ...DEFAULT_SETTINGS, badgeCap: BADGE_CAP_RANGE.min });
  });
});
