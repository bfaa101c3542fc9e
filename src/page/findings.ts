/** What a tab's badges add up to, for the toolbar count and the popup's "On this page". */
import type { Diagnosis } from '../engine/types';
import type { FindingSummary } from '../platform/messages';

export function summarize(diagnoses: Iterable<Diagnosis>): FindingSummary[] {
  const byEntry = new Map<string, FindingSummary>();
  for (const d of diagnoses) {
    const known = byEntry.get(d.entryId);
    if (known) {
      known.count += 1;
      continue;
    }
    const top = d.causes[0];
    byEntry.set(d.entryId, {
      entryId: d.entryId,
      title: d.title,
      ...(d.title_zh ? { title_zh: d.title_zh } : {}),
      count: 1,
      ...(top ? { topCause: { id: top.id, title: top.title, ...(top.title_zh ? { title_zh: top.title_zh } : {}) } } : {}),
    });
  }
  return [...byEntry.values()];
}

export function totalCount(findings: FindingSummary[]): number {
  return findings.reduce((sum, f) => sum + f.count, 0);
}
