/**
 * Diagnosis for content scripts. The signatures, causes, cues, platforms and version
 * ranges live here, not in the page: a content script sends the blocks where its
 * prefilter found an anchor, with the texts around them, and gets back the errors found
 * with each cause's confidence, label and evidence.
 */
import type { Entry } from '../engine/types';
import entries from '../knowledge/generated/entries.json';
import { toSignature } from '../knowledge/compile';
import { customSignaturesItem } from '../platform/custom-signatures';
import { storedCustomEntries } from '../platform/custom-stored';
import type { DiagnoseRequest, FoundError } from '../platform/messages';
import { createPageDiagnoser, type PageDiagnoser } from './page-diagnoser';

const bundled = (entries as Entry[]).map(toSignature);

/** Built on first use over bundled and custom signatures; rebuilt when the custom set changes. */
let diagnoser: PageDiagnoser | undefined;
let watching = false;

async function currentDiagnoser(): Promise<PageDiagnoser> {
  if (!watching) {
    watching = true;
    customSignaturesItem.watch(() => {
      diagnoser = undefined;
    });
  }
  if (!diagnoser) {
    const custom = storedCustomEntries(await customSignaturesItem.getValue());
    // Bundled ids win over a custom entry with the same id, as in findEntry (knowledge.ts).
    // The options page refuses such collisions, so they occur only in hand-edited storage.
    diagnoser = createPageDiagnoser([...bundled, ...custom.map(toSignature)]);
  }
  return diagnoser;
}

/**
 * Builds the diagnoser ahead of the first request (about a third of a second for the whole
 * knowledge base), while the content script that just connected builds its prefilter and
 * scans; otherwise the page's first badge waits for it.
 */
export function warmDiagnoser(): void {
  setTimeout(() => void currentDiagnoser().catch(() => {}), 0);
}

export async function diagnoseForPage(request: DiagnoseRequest): Promise<FoundError[][]> {
  return (await currentDiagnoser())(request);
}
