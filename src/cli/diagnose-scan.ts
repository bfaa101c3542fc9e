/**
 * Runs the engine over one input read in segments and locates each match by line and
 * column, in the input's own numbering (a match on a line cut into segments keeps the
 * column it has on that line).
 */
import type { Engine } from '../engine/diagnose';
import type { Entry, FiredCue, Confidence } from '../engine/types';
import { countLineBreaks, readSegments } from './read-input';

export interface CauseReport {
  id: string;
  title: string;
  /** The cause in a few words (null where the knowledge gives none). */
  label: string | null;
  /** Kept for scripts written against earlier versions; `confidence` and `evidence` say more. */
  score: number;
  confidence: Confidence;
  /** Everything found for (weight > 0) and against (weight < 0) the cause, nearest first. */
  evidence: FiredCue[];
  /** The text cues among the evidence. */
  cues: FiredCue[];
  sources: string[];
}

export interface MatchReport {
  id: string;
  title: string;
  start: number;
  end: number;
  text: string;
  causes: CauseReport[];
}

/** A match with where it is, for the human and annotation outputs. */
export interface LocatedMatch extends MatchReport {
  line: number;
  column: number;
}

export async function scanInput(source: NodeJS.ReadableStream | string, engine: Engine, byId: Map<string, Entry>): Promise<LocatedMatch[]> {
  const located: LocatedMatch[] = [];
  const seen = new Set<string>();
  for await (const segment of readSegments(source)) {
    // Matches come in text order, so lines are counted once, from the previous match on.
    let countedTo = 0;
    let line = segment.line;
    for (const d of engine.diagnoseText(segment.text)) {
      line += countLineBreaks(segment.text, countedTo, d.start);
      countedTo = d.start;
      const start = segment.offset + d.start;
      const key = `${d.entryId}:${start}`;
      if (seen.has(key)) continue; // found again in an overlap
      seen.add(key);
      const entry = byId.get(d.entryId) as Entry;
      const lineStart = d.start === 0 ? -1 : segment.text.lastIndexOf('\n', d.start - 1);
      located.push({
        id: d.entryId,
        title: d.title,
        start,
        end: segment.offset + d.end,
        text: d.text,
        causes: d.causes.map((c) => ({
          id: c.id,
          title: c.title,
          label: c.label ?? null,
          score: c.score,
          confidence: c.confidence,
          evidence: c.cues,
          cues: c.cues.filter((q) => q.kind === 'cue'),
          sources: entry.causes.find((ec) => ec.id === c.id)?.sources ?? [],
        })),
        line,
        column: lineStart < 0 ? segment.column + d.start : d.start - lineStart,
      });
    }
  }
  return located;
}

/** Repeats of one diagnosis (same entry, same top cause) in one input. */
export interface MatchGroup {
  first: LocatedMatch;
  count: number;
  lastLine: number;
}

export function groupRepeats(matches: LocatedMatch[]): MatchGroup[] {
  const groups = new Map<string, MatchGroup>();
  for (const m of matches) {
    const key = `${m.id}\u0000${m.causes[0]?.id ?? ''}`;
    const group = groups.get(key);
    if (group) {
      group.count++;
      group.lastLine = m.line;
    } else groups.set(key, { first: m, count: 1, lastLine: m.line });
  }
  return [...groups.values()];
}
