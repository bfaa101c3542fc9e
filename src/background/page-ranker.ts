/**
 * Ranks the causes of a page's matches from the texts a content script sends. Pure: the
 * background wraps it with the knowledge it holds, tests call it directly.
 */
import { createEngine } from '../engine/diagnose';
import { ContextTexts, rankCauses } from '../engine/rank';
import type { RankedCause, SignatureSpec } from '../engine/types';
import type { RankRequest } from '../platform/messages';

export type PageRanker = (request: RankRequest) => Array<Array<RankedCause[] | null>>;

/** @param signatures full signatures (with causes); the first of an id wins. */
export function createPageRanker(signatures: readonly SignatureSpec[]): PageRanker {
  const engine = createEngine(signatures);
  const byId = new Map<string, SignatureSpec>();
  for (const s of signatures) if (!byId.has(s.id)) byId.set(s.id, s);
  return (request) => {
    // One cache per batch: the thread excerpt and shared comments are read once.
    const cache = engine.newCache();
    return request.items.map((item) => {
      const comment = item.comment === undefined ? undefined : request.comments?.[item.comment];
      const texts = new ContextTexts(
        {
          block: item.block,
          ...(request.title ? { title: request.title } : {}),
          ...(comment ? { comment } : {}),
          ...(request.page ? { page: request.page } : {}),
        },
        cache,
      );
      return item.entries.map((id) => {
        const signature = byId.get(id);
        return signature ? rankCauses(signature, texts) : null;
      });
    });
  };
}
