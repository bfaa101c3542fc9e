/**
 * Reads and checks the whole `knowledge/` folder (Node only): the CLI, the build and
 * `kb:check` all go through here, so they report the same problems.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Entry } from '../engine/types';
import { idFromPath, parseEntry, type ParsedEntry, type Problem } from './parse-entry';
import { validateEntries } from './validate';

export interface LoadedKnowledge {
  entries: Entry[];
  parsed: ParsedEntry[];
  problems: Problem[];
}

/** Markdown files below `dir`, sorted, skipping README.md files (documentation). */
export function listEntryFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md') && name !== 'README.md') out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** Loads every entry under `knowledgeDir`; `root` is what file names are shown relative to. */
export function loadKnowledgeFolder(
  knowledgeDir: string,
  root: string = join(knowledgeDir, '..'),
  options: { crossCheck?: boolean; bundled?: boolean } = {},
): LoadedKnowledge {
  const parsed: ParsedEntry[] = [];
  const problems: Problem[] = [];
  const ids = new Set<string>();
  for (const full of listEntryFiles(knowledgeDir)) {
    const file = relative(root, full).replace(/\\/g, '/');
    const id = idFromPath(relative(knowledgeDir, full));
    ids.add(id);
    const result = parseEntry(file, id, readFileSync(full, 'utf8'), { bundled: options.bundled ?? true });
    problems.push(...result.problems);
    if (result.parsed) parsed.push(result.parsed);
  }
  // Cross-entry checks run every example through every entry; the CLI's diagnose skips them.
  if (options.crossCheck !== false) problems.push(...validateEntries(parsed, ids));
  problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { entries: parsed.map((p) => p.entry), parsed, problems };
}
