/**
 * Backup of everything the person set: settings and custom signature files, as one
 * JSON file. Import checks the whole file (JSON, shape, every signature with the
 * knowledge validator) before writing both items in one storage call, so a broken
 * backup changes nothing.
 */
import { storage } from 'wxt/utils/storage';
import { compileCustomFiles } from './custom-import';
import { customSignaturesItem, type CustomFile, type CustomSignatures } from './custom-signatures';
import { loadCustom, storageProblem } from './custom-store';
import { isObject } from './messages';
import { BADGE_CAP_RANGE, loadSettings, sanitizeSettings, settingsItem, type Settings } from './settings';

export const BACKUP_FORMAT = 'faultline-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  settings: Settings;
  customSignatures: CustomFile[];
}

/** Why a backup was refused; the options page words each kind in the UI language. */
export type BackupError =
  | { kind: 'json'; detail: string }
  | { kind: 'format' }
  | { kind: 'version'; version: unknown }
  | { kind: 'field'; field: string }
  | { kind: 'signatures'; problems: string[] }
  | { kind: 'storage'; detail: string };

/** A backup may hold one section only; a section it does not hold is left as it is. */
export type BackupCheck =
  | { ok: true; settings?: Settings; custom?: CustomSignatures }
  | { ok: false; error: BackupError };

export function createBackup(settings: Settings, custom: CustomSignatures): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    settings,
    customSignatures: custom.files.map((f) => ({ name: f.name, text: f.text })),
  };
}

/**
 * The first field of `raw` with a wrong type, or undefined. Missing fields take their
 * defaults; present ones must be right, since silently dropping a value the person
 * exported would lose it.
 */
function findBadSettingsField(raw: Record<string, unknown>): string | undefined {
  if ('sites' in raw && (!isObject(raw.sites) || Object.values(raw.sites).some((v) => typeof v !== 'boolean'))) return 'settings.sites';
  if ('disabledHosts' in raw && (!Array.isArray(raw.disabledHosts) || raw.disabledHosts.some((h) => typeof h !== 'string'))) return 'settings.disabledHosts';
  if ('badgeStyle' in raw && raw.badgeStyle !== 'label' && raw.badgeStyle !== 'dot') return 'settings.badgeStyle';
  if ('highlight' in raw && typeof raw.highlight !== 'boolean') return 'settings.highlight';
  const cap = raw.badgeCap;
  if ('badgeCap' in raw && (typeof cap !== 'number' || !Number.isInteger(cap) || cap < BADGE_CAP_RANGE.min || cap > BADGE_CAP_RANGE.max)) return 'settings.badgeCap';
  if ('language' in raw && raw.language !== 'auto' && raw.language !== 'en' && raw.language !== 'zh_CN') return 'settings.language';
  return undefined;
}

export function parseBackup(text: string, bundledIds: ReadonlySet<string>): BackupCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: { kind: 'json', detail: (error as Error).message } };
  }
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT) return { ok: false, error: { kind: 'format' } };
  if (raw.version !== BACKUP_VERSION) return { ok: false, error: { kind: 'version', version: raw.version } };
  const hasSettings = 'settings' in raw;
  const hasSignatures = 'customSignatures' in raw;
  if (!hasSettings && !hasSignatures) return { ok: false, error: { kind: 'field', field: 'settings' } };
  if (hasSettings && !isObject(raw.settings)) return { ok: false, error: { kind: 'field', field: 'settings' } };
  const badField = hasSettings ? findBadSettingsField(raw.settings as Record<string, unknown>) : undefined;
  if (badField) return { ok: false, error: { kind: 'field', field: badField } };
  const settings = hasSettings ? sanitizeSettings(raw.settings) : undefined;
  if (!hasSignatures) return { ok: true, ...(settings ? { settings } : {}) };
  const files = raw.customSignatures;
  if (!Array.isArray(files)) return { ok: false, error: { kind: 'field', field: 'customSignatures' } };
  for (const [k, file] of files.entries()) {
    if (!isObject(file) || typeof file.name !== 'string' || typeof file.text !== 'string') {
      return { ok: false, error: { kind: 'field', field: `customSignatures[${k}]` } };
    }
  }
  const check = compileCustomFiles(files as CustomFile[], bundledIds);
  if (!check.ok) return { ok: false, error: { kind: 'signatures', problems: check.problems } };
  return { ok: true, ...(settings ? { settings } : {}), custom: check.value };
}

export async function exportBackup(): Promise<string> {
  const [settings, custom] = await Promise.all([loadSettings(), loadCustom()]);
  return `${JSON.stringify(createBackup(settings, custom), null, 2)}\n`;
}

/**
 * Replaces the sections the backup holds (settings, custom signatures) with its own, in
 * one storage call, or changes nothing; a storage refusal (quota) is returned, not thrown.
 */
export async function importBackup(text: string, bundledIds: ReadonlySet<string>): Promise<BackupCheck> {
  const check = parseBackup(text, bundledIds);
  if (!check.ok) return check;
  const writes = [
    ...(check.settings ? [{ item: settingsItem, value: check.settings }] : []),
    ...(check.custom ? [{ item: customSignaturesItem, value: check.custom }] : []),
  ];
  try {
    await storage.setItems(writes);
  } catch (error) {
    return { ok: false, error: { kind: 'storage', detail: storageProblem(error) } };
  }
  return check;
}
