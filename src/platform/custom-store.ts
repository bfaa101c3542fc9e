/**
 * Changes to the stored custom signatures. Each change builds the complete next set,
 * checks it with compileCustomFiles, and writes once only when the whole set is valid:
 * a refused change leaves what was saved untouched.
 */
import type { Entry } from '../engine/types';
import { getBundledIds } from './custom-bundled-ids';
import { compileCustomFiles, customIdOf, mergeCustomFiles, withoutCustomFile, type CustomCheck } from './custom-import';
import { storedCustomEntries, storedCustomFiles } from './custom-stored';
import { customSignaturesItem, EMPTY_CUSTOM, type CustomFile, type CustomSignatures } from './custom-signatures';
import { isObject } from './messages';

export interface LoadedCustom {
  custom: CustomSignatures;
  /** What was wrong with the stored value and what was done about it; empty when intact. */
  problems: string[];
  /** Whether `custom` differs from what is stored (then `repairCustom` writes it). */
  repaired: boolean;
}

/**
 * The stored set, checked: the files are the source of truth, and the compiled entries
 * are rebuilt from them when they do not match. A file that no longer compiles is kept
 * (so export still gives it back) but has no entry, and is reported.
 */
export async function loadCustomChecked(bundledIds: ReadonlySet<string> = getBundledIds()): Promise<LoadedCustom> {
  let raw: unknown;
  try {
    raw = await customSignaturesItem.getValue();
  } catch (error) {
    return { custom: EMPTY_CUSTOM, problems: [`stored custom signatures could not be read: ${(error as Error).message}`], repaired: false };
  }
  const problems: string[] = [];
  const rawFiles = isObject(raw) && Array.isArray(raw.files) ? raw.files : [];
  const files = storedCustomFiles(raw);
  if (raw !== undefined && raw !== null && !(isObject(raw) && Array.isArray(raw.files))) problems.push('stored custom signatures were not in the expected shape');
  if (rawFiles.length > files.length) problems.push(`${rawFiles.length - files.length} stored file(s) had no name or text and were left out`);
  const entries = storedCustomEntries(raw);
  const ids = files.map((f) => customIdOf(f.name)).sort().join('\n');
  if (entries.length === files.length && entries.map((e) => e.id).sort().join('\n') === ids) {
    return { custom: { files, entries }, problems, repaired: problems.length > 0 };
  }
  // Rebuild the entries from the files: the whole set if it passes, else file by file.
  const whole = compileCustomFiles(files, bundledIds);
  if (whole.ok) return { custom: whole.value, problems, repaired: true };
  const rebuilt: Entry[] = [];
  for (const file of files) {
    const one = compileCustomFiles([file], bundledIds);
    if (one.ok) rebuilt.push(...one.value.entries);
    else problems.push(...one.problems);
  }
  return { custom: { files, entries: rebuilt }, problems, repaired: true };
}

export async function loadCustom(): Promise<CustomSignatures> {
  return (await loadCustomChecked()).custom;
}

/** Writes back a repaired set (background start-up), so pages get the rebuilt entries. */
export async function repairCustom(): Promise<string[]> {
  const loaded = await loadCustomChecked();
  if (loaded.repaired) await customSignaturesItem.setValue(loaded.custom);
  return loaded.problems;
}

async function replaceCustomFiles(next: CustomFile[], bundledIds: ReadonlySet<string>): Promise<CustomCheck> {
  const check = compileCustomFiles(next, bundledIds);
  if (!check.ok) return check;
  const written = await writeCustom(check.value);
  return written ?? check;
}

/** Writes the set; a refusal by storage (quota) comes back as a problem, never silently. */
export async function writeCustom(value: CustomSignatures): Promise<CustomCheck | undefined> {
  try {
    await customSignaturesItem.setValue(value);
    return undefined;
  } catch (error) {
    return { ok: false, problems: [storageProblem(error)] };
  }
}

/** Words a storage failure for the person: quota is the usual one. */
export function storageProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /quota/i.test(message)
    ? `the browser's storage for this extension is full (${message}); delete some signatures or shorten them, then try again`
    : `the browser refused to save (${message})`;
}

/** Adds files, replacing those with the same name (import, add, edit). */
export async function putCustomFiles(incoming: CustomFile[], bundledIds: ReadonlySet<string>): Promise<CustomCheck> {
  const current = await loadCustom();
  return replaceCustomFiles(mergeCustomFiles(current.files, incoming), bundledIds);
}

/** Refused, like any change, when what remains is invalid (another file's `related` names it). */
export async function deleteCustomFile(name: string, bundledIds: ReadonlySet<string>): Promise<CustomCheck> {
  const current = await loadCustom();
  return replaceCustomFiles(withoutCustomFile(current.files, name), bundledIds);
}
