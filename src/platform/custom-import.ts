/**
 * Checks the person's own signatures with the same parser and validator as the bundled
 * knowledge base (knowledge/README.md), so a custom file behaves exactly like a bundled
 * one. Pure functions: a change is computed as a whole new set and checked before
 * anything is written (see custom-store.ts), so a bad file never half-applies.
 */
import { idFromPath, parseEntry, formatProblem, type ParsedEntry, type Problem } from '../knowledge/parse-entry';
import { validateEntries } from '../knowledge/validate';
import type { CustomFile, CustomSignatures } from './custom-signatures';

/** Custom files live in their own folder, so their ids (`custom/<name>`) read as theirs. */
export const CUSTOM_FOLDER = 'custom';
/** chrome.storage.local holds 10 MB; these keep one person's set far below it. */
export const MAX_CUSTOM_FILES = 500;
export const MAX_CUSTOM_FILE_CHARS = 100_000;

const CUSTOM_NAME = new RegExp(`^${CUSTOM_FOLDER}/[^/]+\\.md$`);

export type CustomCheck =
  | { ok: true; value: CustomSignatures }
  | { ok: false; problems: string[] };

/** Stored name for an uploaded or typed file name: `widget.md` → `custom/widget.md`. */
export function toCustomName(fileName: string): string {
  const base = fileName.replace(/\\/g, '/').split('/').pop() ?? '';
  return `${CUSTOM_FOLDER}/${base.endsWith('.md') ? base : `${base}.md`}`;
}

/** Entry id of a stored name: `custom/widget.md` → `custom/widget`. */
export function customIdOf(name: string): string {
  return idFromPath(name);
}

/** `current` with `incoming` added; a file with the same name is replaced (an update). */
export function mergeCustomFiles(current: readonly CustomFile[], incoming: readonly CustomFile[]): CustomFile[] {
  const byName = new Map(current.map((f) => [f.name, f]));
  for (const file of incoming) byName.set(file.name, file);
  return [...byName.values()];
}

export function withoutCustomFile(current: readonly CustomFile[], name: string): CustomFile[] {
  return current.filter((f) => f.name !== name);
}

/**
 * Parses and validates a whole set of custom files. `bundledIds` are the shipped
 * entries' ids: `related` may point at them, and a custom id may not take one.
 */
export function compileCustomFiles(files: readonly CustomFile[], bundledIds: ReadonlySet<string>): CustomCheck {
  const problems: Problem[] = [];
  const report = (file: string, field: string, message: string) => problems.push({ file, line: 1, field, message });
  if (files.length > MAX_CUSTOM_FILES) report(CUSTOM_FOLDER, 'files', `${files.length} files; at most ${MAX_CUSTOM_FILES}`);

  const seen = new Set<string>();
  const parsed: ParsedEntry[] = [];
  const knownIds = new Set(bundledIds);
  for (const file of files) {
    if (!CUSTOM_NAME.test(file.name)) {
      report(file.name, 'name', `must be "${CUSTOM_FOLDER}/<name>.md"`);
      continue;
    }
    if (seen.has(file.name)) {
      report(file.name, 'name', 'two files have this name');
      continue;
    }
    seen.add(file.name);
    if (file.text.length > MAX_CUSTOM_FILE_CHARS) {
      report(file.name, 'file', `is ${file.text.length} characters; at most ${MAX_CUSTOM_FILE_CHARS}`);
      continue;
    }
    const id = customIdOf(file.name);
    if (bundledIds.has(id)) {
      report(file.name, 'id', `"${id}" is the id of a bundled entry; rename the file`);
      continue;
    }
    knownIds.add(id);
    const result = parseEntry(file.name, id, file.text);
    problems.push(...result.problems);
    if (result.parsed) parsed.push(result.parsed);
  }
  problems.push(...validateEntries(parsed, knownIds));

  if (problems.length > 0) {
    problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return { ok: false, problems: problems.map(formatProblem) };
  }
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
  const entries = parsed.map((p) => p.entry).sort((a, b) => a.id.localeCompare(b.id));
  return { ok: true, value: { files: sorted.map((f) => ({ name: f.name, text: f.text })), entries } };
}
