/**
 * Checks across entries: every example matches its own entry, no counterexample does,
 * no other entry claims an example unless the two declare `overlaps`, and `related` /
 * `overlaps` ids exist.
 */
import { createEngine } from '../engine/diagnose';
import { causeExampleProblem, checkCauseExamples } from './cause-examples';
import { toSignature } from './compile';
import type { Entry } from '../engine/types';
import type { ParsedEntry, Problem } from './parse-entry';

/**
 * @param knownIds every id that has a file, parsed or not, so one broken entry does not
 * cascade into "no entry has the id" reports in the entries that name it.
 */
export function validateEntries(parsed: ParsedEntry[], knownIds: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  const entries = parsed.map((p) => p.entry);
  const byId = new Map<string, Entry>(entries.map((e) => [e.id, e]));
  // Examples are checked as the page would see them: after `context` has picked between
  // entries that share words (claim.ts), with every signature in play (obsolete ones too).
  const engine = createEngine(entries.map((e) => ({ ...toSignature(e), obsolete: undefined })));
  const matcher = engine.matcher;
  const claimedBy = (text: string) => new Set(engine.diagnoseBlock(text).map((d) => d.entryId));

  for (const p of parsed) {
    const { entry } = p;
    const report = (line: number, field: string, message: string) => problems.push({ file: entry.file, line, field, message });

    for (const ref of [...p.related, ...p.overlaps, ...p.entryRefs]) {
      if (ref.value === entry.id) report(ref.line, ref.field, 'an entry cannot refer to itself');
      else if (!byId.has(ref.value) && !knownIds.has(ref.value)) report(ref.line, ref.field, `no entry has the id "${ref.value}"`);
    }

    for (const example of p.examples) {
      const ids = new Set(matcher.match(example.value).map((m) => m.entryId));
      if (!ids.has(entry.id)) {
        report(example.line, example.field, 'does not match any pattern of this entry');
      } else if (!claimedBy(example.value).has(entry.id)) {
        report(example.line, example.field, "matches, but the entries' context gives the text to another entry (or this entry's require/avoid drops it)");
      }
      for (const other of ids) {
        if (other === entry.id) continue;
        const declared = entry.overlaps.includes(other) || (byId.get(other)?.overlaps.includes(entry.id) ?? false);
        if (!declared) {
          report(example.line, example.field, `is also matched by "${other}"; narrow the patterns, or declare overlaps: [${other}]`);
        }
      }
    }

    for (const counter of p.counterexamples) {
      if (claimedBy(counter.value).has(entry.id)) report(counter.line, counter.field, 'matches this entry but is a counterexample');
    }
  }
  // Cause examples must rank their cause first, with every entry in play (claims, entry cues).
  for (const result of checkCauseExamples(parsed, engine)) {
    const problem = causeExampleProblem(result);
    if (problem) problems.push(problem);
  }
  return problems;
}
