/**
 * `faultline kb:coverage [--misses]`: the share of real issues' key error lines the
 * knowledge recognizes, per sample in tests/coverage/. `--misses` lists what it does not.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../engine/diagnose';
import { toSignature } from '../knowledge/compile';
import { measureCoverage, parseCoverage } from '../knowledge/coverage';
import { loadKnowledgeFolder } from '../knowledge/load-folder';
import type { CliIo } from './io';

export function runKbCoverage(args: string[], io: CliIo, knowledgeDir: string, coverageDir: string): number {
  const files = existsSync(coverageDir) ? readdirSync(coverageDir).filter((f) => f.endsWith('.jsonl')).sort() : [];
  if (files.length === 0) {
    io.stderr.write(`faultline: kb:coverage: no samples in ${coverageDir}\n`);
    return 2;
  }
  const { entries } = loadKnowledgeFolder(knowledgeDir, undefined, { crossCheck: false });
  const engine = createEngine(entries.map(toSignature));
  for (const file of files) {
    const { records, errors } = parseCoverage(readFileSync(join(coverageDir, file), 'utf8'), file);
    for (const error of errors) io.stderr.write(`${error}\n`);
    if (errors.length > 0) return 2;
    const f = measureCoverage(records, engine);
    const share = f.withKeyLines === 0 ? '—' : `${((100 * f.recognized) / f.withKeyLines).toFixed(1)}%`;
    io.stdout.write(`${file}: ${f.records} issues, ${f.withKeyLines} with key error lines, recognized ${f.recognized}/${f.withKeyLines} (${share})\n`);
    if (args.includes('--misses')) for (const m of f.misses) io.stdout.write(`  ${m.id}  ${m.line.slice(0, 140)}  ${m.url}\n`);
  }
  return 0;
}
