/** `faultline diagnose [--json] [FILE|-]...`: the engine over files or stdin. */
import { createEngine } from '../engine/diagnose';
import type { Confidence, Entry, FiredCue } from '../engine/types';
import type { CliIo } from './io';
import { BinaryInputError, countLineBreaks, readSegments } from './read-input';

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

export interface InputReport {
  input: string;
  matches: MatchReport[];
}

/** Matches with their line numbers, for the human output. */
interface LocatedMatch extends MatchReport {
  line: number;
  column: number;
}

export async function runDiagnose(args: string[], io: CliIo, entries: Entry[]): Promise<number> {
  let json = false;
  const inputs: string[] = [];
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '-' || !arg.startsWith('-')) inputs.push(arg);
    else {
      io.stderr.write(`faultline: diagnose: unknown option "${arg}" (usage: faultline diagnose [--json] [FILE|-]...)\n`);
      return 2;
    }
  }
  if (inputs.length === 0) inputs.push('-');
  if (inputs.filter((i) => i === '-').length > 1) {
    io.stderr.write('faultline: diagnose: stdin ("-") can be read only once\n');
    return 2;
  }

  const byId = new Map(entries.map((e) => [e.id, e]));
  const engine = createEngine(entries);
  const reports: InputReport[] = [];
  let readError = false;
  let matched = false;

  for (const input of inputs) {
    const located: LocatedMatch[] = [];
    const seen = new Set<string>();
    try {
      for await (const segment of readSegments(input === '-' ? io.stdin : input)) {
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
            column: d.start - (d.start === 0 ? 0 : segment.text.lastIndexOf('\n', d.start - 1) + 1) + 1,
          });
        }
      }
    } catch (error) {
      const message = error instanceof BinaryInputError ? error.message : describeReadError(error);
      io.stderr.write(`faultline: ${input === '-' ? 'stdin' : input}: ${message}\n`);
      if (!(error instanceof BinaryInputError)) readError = true;
    }
    if (located.length > 0) matched = true;
    if (json) {
      reports.push({ input, matches: located.map(({ line: _line, column: _column, ...m }) => m) });
    } else {
      writeHuman(io, input, located, byId);
    }
  }
  if (json) io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  if (readError) return 2;
  return matched ? 0 : 1;
}

function describeReadError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EISDIR') return 'is a directory';
  if (e.code === 'EACCES') return 'permission denied';
  return e.message ?? String(error);
}

function writeHuman(io: CliIo, input: string, matches: LocatedMatch[], byId: Map<string, Entry>): void {
  const name = input === '-' ? '<stdin>' : input;
  if (matches.length === 0) {
    io.stdout.write(`${name}: no known errors\n`);
    return;
  }
  for (const m of matches) {
    const entry = byId.get(m.id) as Entry;
    io.stdout.write(`${name}:${m.line}:${m.column}: ${m.title}\n`);
    io.stdout.write(`  matched: ${oneLine(m.text)}\n`);
    const top = m.causes[0];
    if (top && top.confidence === 'none' && m.causes.length > 1) {
      io.stdout.write(`  no clue in this input; the usual causes:\n`);
    }
    m.causes.slice(0, 3).forEach((c, k) => {
      const where = (q: FiredCue) => (q.where === 'page' ? 'input' : q.where === 'inner' ? "the error's cause line" : q.where);
      const found = c.evidence.filter((q) => q.weight > 0).map((q) => `"${oneLine(q.text)}" in ${where(q)}`);
      const against = c.evidence.filter((q) => q.weight < 0).map((q) => `"${oneLine(q.text)}" in ${where(q)}`);
      const strength = c.confidence === 'none' ? '' : ` [${c.confidence} evidence]`;
      io.stdout.write(`  ${k + 1}. ${c.title}${strength}\n`);
      if (found.length) io.stdout.write(`     because: ${found.join(', ')}\n`);
      if (against.length) io.stdout.write(`     against: ${against.join(', ')}\n`);
    });
    if (m.causes.length > 3) io.stdout.write(`  ... ${m.causes.length - 3} more cause${m.causes.length - 3 === 1 ? '' : 's'}\n`);
    io.stdout.write(`  entry: ${entry.file}  (faultline show ${m.id})\n\n`);
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
