/**
 * Compiles checked entries into what the runtime ships: full entries (background,
 * diagnosis page, CLI), match-only signatures (the source of the content script's
 * prefilter anchors and of the options page's id checks), and the search docs + index.
 */
import { buildSearchIndex, toSearchDoc, type SearchDoc } from '../engine/search';
import type { Entry, SignatureSpec } from '../engine/types';

export interface CompiledKnowledge {
  entries: Entry[];
  /** Match-only signatures, no cause texts (see toMatchSignature). */
  signatures: SignatureSpec[];
  searchDocs: SearchDoc[];
  searchIndex: unknown;
}

export function toSignature(entry: Entry): SignatureSpec {
  return {
    id: entry.id,
    title: entry.title,
    ...(entry.title_zh ? { title_zh: entry.title_zh } : {}),
    patterns: entry.patterns,
    causes: entry.causes.map((c) => ({
      id: c.id,
      title: c.title,
      ...(c.title_zh ? { title_zh: c.title_zh } : {}),
      ...(c.label ? { label: c.label } : {}),
      ...(c.label_zh ? { label_zh: c.label_zh } : {}),
      likelihood: c.likelihood,
      cues: c.cues,
      ...(c.platform ? { platform: c.platform } : {}),
      ...(c.affectedRanges ? { affectedRanges: c.affectedRanges } : {}),
      ...(c.fixedIn ? { fixedIn: c.fixedIn } : {}),
    })),
    ...(entry.obsolete ? { obsolete: entry.obsolete } : {}),
    ...(entry.context ? { context: entry.context } : {}),
  };
}

/**
 * What the content script gets of an entry: enough to match it and to pick between
 * entries that claim the same words. Causes, cues and texts stay in the background,
 * which ranks on request, so the content script does not grow with them.
 */
export function toMatchSignature(entry: Entry | SignatureSpec): SignatureSpec {
  return {
    id: entry.id,
    title: entry.title,
    ...(entry.title_zh ? { title_zh: entry.title_zh } : {}),
    patterns: entry.patterns,
    causes: [],
    ...(entry.obsolete ? { obsolete: entry.obsolete } : {}),
    ...(entry.context ? { context: entry.context } : {}),
  };
}

export function compileKnowledge(entries: Entry[]): CompiledKnowledge {
  const sorted = [...entries].sort((a, b) => a.id.localeCompare(b.id));
  const searchDocs = sorted.map(toSearchDoc);
  return {
    entries: sorted,
    signatures: sorted.map(toMatchSignature),
    searchDocs,
    searchIndex: buildSearchIndex(searchDocs),
  };
}
