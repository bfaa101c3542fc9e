/** `faultline kb:stats [--json]`: knowledge coverage report. */
import { loadKnowledgeFolder } from '../knowledge/load-folder';
import { computeStats } from '../knowledge/stats';
import type { CliIo } from './io';

export function runKbStats(args: string[], io: CliIo, knowledgeDir: string): number {
  const { entries, parsed } = loadKnowledgeFolder(knowledgeDir, undefined, { crossCheck: false });
  const multi = parsed.filter((p) => p.entry.causes.length > 1);
  const stats = computeStats(
    entries,
    parsed.map((p) => p.examples.length),
    {
      withExamples: multi.reduce((n, p) => n + new Set(p.causeExamples.map((e) => e.causeId)).size, 0),
      noExample: multi.reduce((n, p) => n + p.noExample.length, 0),
    },
  );
  if (args.includes('--json')) {
    io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    return 0;
  }
  const table = (title: string, rows: Record<string, { entries: number; causes: number }>) => {
    io.stdout.write(`\n${title.padEnd(22)} entries  causes\n`);
    for (const [key, v] of Object.entries(rows).sort((a, b) => b[1].entries - a[1].entries || a[0].localeCompare(b[0]))) {
      io.stdout.write(`  ${key.padEnd(20)} ${String(v.entries).padStart(7)} ${String(v.causes).padStart(7)}\n`);
    }
  };
  io.stdout.write(
    `entries: ${stats.entries} (each once, by folder: AI coding tools world ${stats.aiEntries}, everyday ${stats.everydayEntries})\ncauses: ${stats.causes}\n`,
  );
  if (stats.causesWithExamples !== undefined) {
    io.stdout.write(`causes of multi-cause entries: ${stats.causesWithExamples} with cause examples, ${stats.causesWithoutExample} with no_example\n`);
  }
  io.stdout.write(`sources per cause: min ${stats.sourcesPerCause.min}, mean ${stats.sourcesPerCause.mean}, max ${stats.sourcesPerCause.max}\n`);
  if (stats.examplesPerEntry) {
    io.stdout.write(`examples per entry: min ${stats.examplesPerEntry.min}, mean ${stats.examplesPerEntry.mean}, max ${stats.examplesPerEntry.max}\n`);
  }
  io.stdout.write(`entries with a single cause: ${stats.singleCauseEntries}\n`);
  table('per folder', stats.perFolder);
  table('per tool', stats.perTool);
  table('per category', stats.perCategory);
  io.stdout.write(`\nentries without any version range (${stats.entriesWithoutVersions.length}):\n`);
  for (const id of stats.entriesWithoutVersions) io.stdout.write(`  ${id}\n`);
  return 0;
}
