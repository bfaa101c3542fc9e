/**
 * Cause examples prove the ranking: each is a real paste from a thread that established
 * its cause, with the context a page gives (its block, the rest of its comment, the
 * thread title). The engine must recognize the entry in it and rank that cause first,
 * the way rustc doctests its error index.
 */
import type { Engine } from '../engine/diagnose';
import type { ParsedEntry, Problem } from './parse-entry';

export interface CauseExampleResult {
  entryId: string;
  file: string;
  causeId: string;
  causeIndex: number;
  line: number;
  field: string;
  source: string;
  /** 1 when the cause came first; 0 when the entry was not recognized. */
  rank: number;
  /** What came first instead, or what matched instead of the entry. */
  instead?: string;
}

function ordinal(n: number): string {
  const suffix = n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

export function checkCauseExamples(parsed: ParsedEntry[], engine: Engine): CauseExampleResult[] {
  const results: CauseExampleResult[] = [];
  for (const p of parsed) {
    for (const example of p.causeExamples) {
      const diagnoses = engine.diagnoseBlock(example.block, { title: example.title, ...(example.comment ? { comment: example.comment } : {}) });
      const mine = diagnoses.find((d) => d.entryId === p.entry.id);
      const causeIndex = p.entry.causes.findIndex((c) => c.id === example.causeId);
      const base = {
        entryId: p.entry.id,
        file: p.entry.file,
        causeId: example.causeId,
        causeIndex,
        line: example.line,
        field: example.field,
        source: example.source,
      };
      if (!mine) {
        const others = [...new Set(diagnoses.map((d) => d.entryId))];
        results.push({ ...base, rank: 0, instead: others.length ? others.join(', ') : 'nothing' });
        continue;
      }
      const rank = mine.causes.findIndex((c) => c.id === example.causeId) + 1;
      results.push({ ...base, rank, ...(rank === 1 ? {} : { instead: mine.causes[0].id }) });
    }
  }
  return results;
}

/** A failing cause example as a `file:line: causes[i].examples[j]: …` problem. */
export function causeExampleProblem(result: CauseExampleResult): Problem | undefined {
  if (result.rank === 1) return undefined;
  const message =
    result.rank === 0
      ? `the entry does not recognize this paste (matched: ${result.instead})`
      : `ranked ${ordinal(result.rank)} (first: ${result.instead})`;
  return { file: result.file, line: result.line, field: result.field, message };
}
