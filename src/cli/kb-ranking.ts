/**
 * `faultline kb:ranking [FOLDER]...`: how ranking does. Lists each entry's cause
 * examples that do not rank their cause first, then the held-back set's figures in
 * aggregate only (its individual results are never printed, so nobody tunes to them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../engine/diagnose';
import { checkCauseExamples } from '../knowledge/cause-examples';
import { toSignature } from '../knowledge/compile';
import { parseHeldBack, scoreHeldBack, type HeldBackRecord } from '../knowledge/held-back';
import { loadKnowledgeFolder } from '../knowledge/load-folder';
import type { CliIo } from './io';

const percent = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)}%`);

export function runKbRanking(args: string[], io: CliIo, knowledgeDir: string, heldBackDir: string): number {
  const prefixes = args.map((a) => a.replace(/\\/g, '/').replace(/\/$/, '').replace(/^(?!knowledge\/)/, 'knowledge/'));
  const { entries, parsed } = loadKnowledgeFolder(knowledgeDir, undefined, { crossCheck: false });
  const engine = createEngine(entries.map(toSignature));
  const inScope = prefixes.length === 0 ? parsed : parsed.filter((p) => prefixes.some((prefix) => p.entry.file.startsWith(prefix)));
  const results = checkCauseExamples(inScope, engine);

  const byEntry = new Map<string, typeof results>();
  for (const r of results) byEntry.set(r.entryId, [...(byEntry.get(r.entryId) ?? []), r]);
  let failures = 0;
  for (const [entryId, rs] of byEntry) {
    const failed = rs.filter((r) => r.rank !== 1);
    if (failed.length === 0) continue;
    failures += failed.length;
    io.stdout.write(`${entryId}: ${rs.length - failed.length}/${rs.length} cause examples first\n`);
    for (const r of failed) {
      const what = r.rank === 0 ? `not recognized (matched: ${r.instead})` : `${r.causeId} ranked ${r.rank} (first: ${r.instead})`;
      io.stdout.write(`  ${r.file}:${r.line}: ${r.field}: ${what}  ${r.source}\n`);
    }
  }
  const multi = inScope.filter((p) => p.entry.causes.length > 1);
  const causes = multi.reduce((n, p) => n + p.entry.causes.length, 0);
  const withExamples = multi.reduce((n, p) => n + new Set(p.causeExamples.map((e) => e.causeId)).size, 0);
  const noExample = multi.reduce((n, p) => n + p.noExample.length, 0);
  io.stdout.write(
    `cause examples: ${results.length - failures}/${results.length} rank their cause first; ` +
      `multi-cause entries: ${multi.length}, causes ${causes}, with examples ${withExamples}, no_example ${noExample}\n`,
  );

  const records: HeldBackRecord[] = [];
  const files = existsSync(heldBackDir) ? readdirSync(heldBackDir).filter((f) => /^held-back.*\.jsonl$/.test(f)).sort() : [];
  for (const file of files) {
    const { records: rs, errors } = parseHeldBack(readFileSync(join(heldBackDir, file), 'utf8'), file);
    for (const error of errors) io.stderr.write(`${error}\n`);
    if (errors.length > 0) return 2;
    records.push(...rs);
  }
  if (records.length > 0 && prefixes.length === 0) {
    const f = scoreHeldBack(records, engine);
    io.stdout.write(
      `held-back set (${files.join(', ')}): ${f.records} pastes; recognized ${f.recognized}/${f.records} (${percent(f.recognized, f.records)}); ` +
        `right cause first ${f.topRight}/${f.recognized} of those (${percent(f.topRight, f.recognized)}); ` +
        `top cause with confidence none ${f.confidenceNone}/${f.recognized} (${percent(f.confidenceNone, f.recognized)}); ` +
        `established cause not in the entry: ${f.unknownCause}; ` +
        `right cause first where the entry has it ${f.topRight}/${f.recognizedKnown} (${percent(f.topRight, f.recognizedKnown)})\n`,
    );
  }
  return failures > 0 ? 1 : 0;
}
