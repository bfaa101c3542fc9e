/** Coverage figures for `kb:stats`. */
import type { Entry } from '../engine/types';
import { worldOf } from './vocabulary';

export interface KnowledgeStats {
  entries: number;
  causes: number;
  /** Entries counted once each, by folder. */
  aiEntries: number;
  everydayEntries: number;
  perFolder: Record<string, { entries: number; causes: number }>;
  /** Causes of multi-cause entries with cause examples, and with `no_example`. */
  causesWithExamples?: number;
  causesWithoutExample?: number;
  perTool: Record<string, { entries: number; causes: number }>;
  perCategory: Record<string, { entries: number; causes: number }>;
  sourcesPerCause: { min: number; mean: number; max: number };
  examplesPerEntry?: { min: number; mean: number; max: number };
  entriesWithoutVersions: string[];
  singleCauseEntries: number;
}

const spread = (values: number[]) => ({
  min: values.length ? Math.min(...values) : 0,
  mean: values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100 : 0,
  max: values.length ? Math.max(...values) : 0,
});

export function computeStats(
  entries: Entry[],
  examplesPerEntry?: number[],
  causeExamples?: { withExamples: number; noExample: number },
): KnowledgeStats {
  const perTool: KnowledgeStats['perTool'] = {};
  const perFolder: KnowledgeStats['perFolder'] = {};
  const perCategory: KnowledgeStats['perCategory'] = {};
  for (const e of entries) {
    for (const tool of e.tools) {
      perTool[tool] ??= { entries: 0, causes: 0 };
      perTool[tool].entries++;
      perTool[tool].causes += e.causes.length;
    }
    const folder = e.id.split('/')[0];
    perFolder[folder] ??= { entries: 0, causes: 0 };
    perFolder[folder].entries++;
    perFolder[folder].causes += e.causes.length;
    perCategory[e.category] ??= { entries: 0, causes: 0 };
    perCategory[e.category].entries++;
    perCategory[e.category].causes += e.causes.length;
  }
  const causes = entries.flatMap((e) => e.causes);
  return {
    entries: entries.length,
    causes: causes.length,
    aiEntries: entries.filter((e) => worldOf(e.id) === 'ai').length,
    everydayEntries: entries.filter((e) => worldOf(e.id) === 'everyday').length,
    perFolder,
    ...(causeExamples ? { causesWithExamples: causeExamples.withExamples, causesWithoutExample: causeExamples.noExample } : {}),
    perTool,
    perCategory,
    sourcesPerCause: spread(causes.map((c) => c.sources.length)),
    ...(examplesPerEntry ? { examplesPerEntry: spread(examplesPerEntry) } : {}),
    entriesWithoutVersions: entries.filter((e) => !e.causes.some((c) => c.affected || c.fixed)).map((e) => e.id),
    singleCauseEntries: entries.filter((e) => e.causes.length === 1).length,
  };
}
