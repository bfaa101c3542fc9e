/** The full knowledge entries (bundled and the person's own), for cause details. */
import type { Cause, Entry } from '../engine/types';
import entries from '../knowledge/generated/entries.json';
import { customSignaturesItem } from '../platform/custom-signatures';
import { storedCustomEntries } from '../platform/custom-stored';
import type { CauseDetails } from '../platform/messages';

const bundled = new Map((entries as Entry[]).map((e) => [e.id, e]));

export async function findEntry(id: string): Promise<Entry | undefined> {
  const known = bundled.get(id);
  if (known) return known;
  return storedCustomEntries(await customSignaturesItem.getValue()).find((e) => e.id === id);
}

/** Markdown links and emphasis reduced to their text: the card shows plain text. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]{1,200})\]\((https?:[^)\s]{1,500})\)/g, '$1')
    .replace(/\*\*([^*\n]{1,500})\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Sources a card shows and a Markdown reply cites. */
const CARD_SOURCES = 3;

export function causeDetails(cause: Cause, entry?: Entry): CauseDetails {
  return {
    ...(cause.fix[0] ? { fix: plainText(cause.fix[0]) } : {}),
    ...(cause.fix.length > 0 ? { steps: cause.fix.map(plainText) } : {}),
    ...(cause.affected ? { affected: cause.affected } : {}),
    ...(cause.fixed ? { fixed: cause.fixed } : {}),
    ...(cause.sources.length > 0 ? { sources: cause.sources.slice(0, CARD_SOURCES) } : {}),
    ...(cause.support ? { support: cause.support } : {}),
    ...(entry?.checked ? { checked: entry.checked } : {}),
  };
}
