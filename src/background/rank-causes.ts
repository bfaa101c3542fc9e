/**
 * Ranking for content scripts. The causes, their cues, platforms and version ranges live
 * here, not in the page: a content script sends the texts around its matches and gets
 * back each cause's confidence, label and evidence.
 */
import type { Entry, RankedCause } from '../engine/types';
import entries from '../knowledge/generated/entries.json';
import { toSignature } from '../knowledge/compile';
import { customSignaturesItem } from '../platform/custom-signatures';
import { storedCustomEntries } from '../platform/custom-stored';
import type { RankRequest } from '../platform/messages';
import { createPageRanker, type PageRanker } from './page-ranker';

const bundled = (entries as Entry[]).map(toSignature);

/** Built on first use over bundled and custom signatures; rebuilt when the custom set changes. */
let ranker: PageRanker | undefined;
let watching = false;

async function currentRanker(): Promise<PageRanker> {
  if (!watching) {
    watching = true;
    customSignaturesItem.watch(() => {
      ranker = undefined;
    });
  }
  if (!ranker) {
    const custom = storedCustomEntries(await customSignaturesItem.getValue());
    // Bundled ids win over a custom entry with the same id, as in findEntry (knowledge.ts).
    // The options page refuses such collisions, so they occur only in hand-edited storage.
    ranker = createPageRanker([...bundled, ...custom.map(toSignature)]);
  }
  return ranker;
}

export async function rankForPage(request: RankRequest): Promise<Array<Array<RankedCause[] | null>>> {
  return (await currentRanker())(request);
}
