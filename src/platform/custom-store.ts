/**
 * Changes to the stored custom signatures. Each change builds the complete next set,
 * checks it with compileCustomFiles, and writes once only when the whole set is valid:
 * a refused change leaves what was saved untouched.
 */
import { compileCustomFiles, mergeCustomFiles, withoutCustomFile, type CustomCheck } from './custom-import';
import { customSignaturesItem, EMPTY_CUSTOM, type CustomFile, type CustomSignatures } from './custom-signatures';

export async function loadCustom(): Promise<CustomSignatures> {
  const value = await customSignaturesItem.getValue();
  return value && Array.isArray(value.files) && Array.isArray(value.entries) ? value : EMPTY_CUSTOM;
}

async function replaceCustomFiles(next: CustomFile[], bundledIds: ReadonlySet<string>): Promise<CustomCheck> {
  const check = compileCustomFiles(next, bundledIds);
  if (check.ok) await customSignaturesItem.setValue(check.value);
  return check;
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
