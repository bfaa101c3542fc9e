import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createBackup, exportBackup, importBackup, parseBackup } from '../../src/platform/custom-backup';
import { getBundledIds } from '../../src/platform/custom-bundled-ids';
import { customSignaturesItem } from '../../src/platform/custom-signatures';
import { putCustomFiles } from '../../src/platform/custom-store';
import { DEFAULT_SETTINGS, settingsItem, updateSettings } from '../../src/platform/settings';

const FIXTURES = join(__dirname, '..', 'fixtures', 'custom');
const VALID = { name: 'custom/valid-signature.md', text: readFileSync(join(FIXTURES, 'valid-signature.md'), 'utf8') };
const BROKEN = { name: 'custom/broken-signature.md', text: readFileSync(join(FIXTURES, 'broken-signature.md'), 'utf8') };
const bundled = getBundledIds();

const backupWith = (change: (b: Record<string, unknown>) => void) => {
  const backup = createBackup({ ...DEFAULT_SETTINGS, badgeStyle: 'dot' }, { files: [VALID], entries: [] }) as unknown as Record<string, unknown>;
  change(backup);
  return JSON.stringify(backup);
};

describe('parseBackup', () => {
  it.each([
    ['not JSON', '{"format": ', 'json'],
    ['another JSON file', '{"name": "package"}', 'format'],
    ['a JSON array', '[]', 'format'],
    ['a later version', backupWith((b) => (b.version = 2)), 'version'],
  ])('refuses %s', (_, text, kind) => {
    const check = parseBackup(text, bundled);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error.kind).toBe(kind);
  });

  it.each([
    ['settings', (b: Record<string, unknown>) => (b.settings = 'dark')],
    ['settings.badgeStyle', (b: Record<string, unknown>) => ((b.settings as Record<string, unknown>).badgeStyle = 'huge')],
    ['settings.badgeCap', (b: Record<string, unknown>) => ((b.settings as Record<string, unknown>).badgeCap = 5000)],
    ['settings.sites', (b: Record<string, unknown>) => ((b.settings as Record<string, unknown>).sites = { github: 'yes' })],
    ['settings.language', (b: Record<string, unknown>) => ((b.settings as Record<string, unknown>).language = 'fr')],
    ['customSignatures', (b: Record<string, unknown>) => (b.customSignatures = {})],
    ['customSignatures[0]', (b: Record<string, unknown>) => (b.customSignatures = [{ name: 'custom/x.md' }])],
  ])('names the wrong field %s', (field, change) => {
    expect(parseBackup(backupWith(change), bundled)).toEqual({ ok: false, error: { kind: 'field', field } });
  });

  it('refuses a backup with an invalid signature, listing its problems', () => {
    const check = parseBackup(backupWith((b) => (b.customSignatures = [VALID, BROKEN])), bundled);
    expect(check).toEqual({
      ok: false,
      error: { kind: 'signatures', problems: ['custom/broken-signature.md:2: causes: missing required field'] },
    });
  });

  it('fills fields a backup leaves out with their defaults', () => {
    const check = parseBackup(JSON.stringify({ format: 'faultline-backup', version: 1, settings: { highlight: false } }), bundled);
    expect(check).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, highlight: false } });
  });

  it('refuses a backup with neither settings nor signatures', () => {
    expect(parseBackup(JSON.stringify({ format: 'faultline-backup', version: 1 }), bundled)).toEqual({ ok: false, error: { kind: 'field', field: 'settings' } });
  });
});

describe('backup storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips settings and custom signatures through export and import', async () => {
    await updateSettings((s) => ({ ...s, badgeCap: 12, language: 'zh_CN', sites: { docs: true }, disabledHosts: ['example.com'] }));
    await putCustomFiles([VALID], bundled);
    const text = await exportBackup();
    const settings = await settingsItem.getValue();
    const custom = await customSignaturesItem.getValue();

    fakeBrowser.reset();
    expect((await customSignaturesItem.getValue()).files).toEqual([]);
    const check = await importBackup(text, bundled);
    expect(check.ok).toBe(true);
    expect(await settingsItem.getValue()).toEqual(settings);
    expect(await customSignaturesItem.getValue()).toEqual(custom);
  });

  it('a backup without signatures leaves the stored signatures alone; one without settings leaves the settings', async () => {
    await updateSettings((s) => ({ ...s, highlight: false }));
    await putCustomFiles([VALID], bundled);
    const custom = await customSignaturesItem.getValue();
    const settingsOnly = JSON.stringify({ format: 'faultline-backup', version: 1, settings: { badgeCap: 7 } });
    expect((await importBackup(settingsOnly, bundled)).ok).toBe(true);
    expect(await customSignaturesItem.getValue()).toEqual(custom);
    expect((await settingsItem.getValue()).badgeCap).toBe(7);
    const signaturesOnly = JSON.stringify({ format: 'faultline-backup', version: 1, customSignatures: [] });
    expect((await importBackup(signaturesOnly, bundled)).ok).toBe(true);
    expect((await customSignaturesItem.getValue()).files).toEqual([]);
    expect((await settingsItem.getValue()).badgeCap).toBe(7);
  });

  it('reports a storage refusal (quota) and changes nothing', async () => {
    await putCustomFiles([VALID], bundled);
    const custom = await customSignaturesItem.getValue();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const check = await importBackup(backupWith(() => {}), bundled);
    expect(check).toEqual({ ok: false, error: { kind: 'storage', detail: expect.stringMatching(/storage for this extension is full/) } });
    vi.restoreAllMocks();
    expect(await customSignaturesItem.getValue()).toEqual(custom);
  });

  it.each([
    ['bad JSON', '{ nope'],
    ['the wrong shape', JSON.stringify({ format: 'faultline-backup', version: 1, settings: [] })],
    ['an invalid signature', backupWith((b) => (b.customSignatures = [BROKEN]))],
  ])('keeps what was there after an import with %s', async (_, text) => {
    await updateSettings((s) => ({ ...s, highlight: false }));
    await putCustomFiles([VALID], bundled);
    const settings = await settingsItem.getValue();
    const custom = await customSignaturesItem.getValue();
    expect((await importBackup(text, bundled)).ok).toBe(false);
    expect(await settingsItem.getValue()).toEqual(settings);
    expect(await customSignaturesItem.getValue()).toEqual(custom);
  });
});
