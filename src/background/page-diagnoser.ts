/**
 * Diagnoses the blocks a content script sends: its prefilter found an anchor in each, and
 * here the full signatures verify the match, pick between entries that share words and
 * rank the causes with the texts around it. Pure: the background wraps it with the
 * knowledge it holds, tests call it directly.
 */
import { createEngine } from '../engine/diagnose';
import type { SignatureSpec } from '../engine/types';
import { LIMITS, type DiagnoseRequest, type FoundError } from '../platform/messages';

export type PageDiagnoser = (request: DiagnoseRequest) => FoundError[][];

/** @param signatures full signatures (with causes); where two share an id, the first one's badge is shown. */
export function createPageDiagnoser(signatures: readonly SignatureSpec[]): PageDiagnoser {
  const engine = createEngine(signatures);
  return (request) => {
    // One cache per batch: the thread excerpt and shared comments are read once.
    const cache = engine.newCache();
    return request.items.map((item) => {
      const comment = item.comment === undefined ? undefined : request.comments?.[item.comment];
      const around = {
        ...(request.title ? { title: request.title } : {}),
        ...(comment ? { comment } : {}),
        ...(request.page ? { page: request.page } : {}),
      };
      return engine
        .diagnoseBlock(item.block, around, cache)
        .slice(0, LIMITS.rankEntries)
        .map((d) => ({
          entryId: d.entryId,
          start: d.start,
          end: d.end,
          title: d.title,
          ...(d.title_zh ? { title_zh: d.title_zh } : {}),
          causes: d.causes,
        }));
    });
  };
}
