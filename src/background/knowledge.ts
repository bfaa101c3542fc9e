/** The full knowledge entries (bundled and the person's own), for cause details. */
import type { Cause, Entry } from '../engine/types';
import entries from '../knowledge/generated/entries.json';
import { customSignaturesItem } from '../platform/custom-signatures';
import type { CauseDetails } from '../platform/messages';

const bundled = new Map((entries as Entry[]).map((e) => [e.id, e]));

export async function findEntry(id: string): Promise<Entry | undefined> {
  const known = bundled.get(id);
  if (known) return known;
  const custom = await customSignaturesItem.getValue();
  return custom.entries.find((e) => e.id === id);
}

/** Markdown links and emphasis reduced to their text: the card shows plain text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]{1,200})\]\((https?:[^)\s]{1,500})\)/g, '$1')
    .replace(/\*\*([^*\n]{1,500})\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function causeDetails(cause: Cause): CauseDetails {
  return {
    ...(cause.fix[0] ? { fix: plainText(cause.fix[0]) } : {}),
    ...(cause.affected ? { affected: cause.affected } : {}),
    ...(cause.fixed ? { fixed: cause.fixed } : {}),
  };
}
