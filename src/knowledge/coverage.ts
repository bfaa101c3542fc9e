/**
 * Coverage samples: GitHub issues taken as a search returned them (not chosen for errors
 * we know), each with the key error lines its reporter pasted. The share of those lines
 * the engine recognizes is what a reader of those trackers meets.
 */
import type { Engine } from '../engine/diagnose';
import { parseJsonLines } from './json-lines';

export interface CoverageRecord {
  id: string;
  url: string;
  title: string;
  /** The error line(s) a reader would search for; empty when the issue pasted none. */
  key_lines: string[];
}

export interface CoverageFigures {
  records: number;
  withKeyLines: number;
  recognized: number;
  /** Key lines not recognized, for choosing what to write next. */
  misses: Array<{ id: string; url: string; line: string }>;
}

/** Parses JSON Lines; a broken line is reported by its number. */
export function parseCoverage(text: string, file: string): { records: CoverageRecord[]; errors: string[] } {
  return parseJsonLines<CoverageRecord>(text, file, (r) => {
    const ok =
      typeof r.id === 'string' && typeof r.url === 'string' && typeof r.title === 'string' &&
      Array.isArray(r.key_lines) && r.key_lines.every((l) => typeof l === 'string');
    return ok ? null : 'needs string id, url, title and a list of key_lines';
  });
}

export function measureCoverage(records: CoverageRecord[], engine: Engine): CoverageFigures {
  const figures: CoverageFigures = { records: records.length, withKeyLines: 0, recognized: 0, misses: [] };
  for (const r of records) {
    if (r.key_lines.length === 0) continue;
    figures.withKeyLines++;
    // The key lines are read together, as the paste they come from (the title is context).
    if (engine.diagnoseBlock(r.key_lines.join('\n'), { title: r.title }).length > 0) figures.recognized++;
    else figures.misses.push({ id: r.id, url: r.url, line: r.key_lines[0] });
  }
  return figures;
}
