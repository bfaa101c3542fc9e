/**
 * The engine without a ranker of its own: matching, claims between entries that share
 * words, and the texts around each match. diagnose.ts gives it the evidence ranking; the
 * ranker is a parameter so that tests can check matching and claims on their own.
 */
import { blockAround } from './blocks';
import { resolveClaims } from './claim';
import { createMatcherSteps, type Matcher } from './matcher';
import { normalize, toOriginalRange } from './normalize';
import { ContextTexts, RankCache, type NearbyError, type RankingContext } from './cues';
import type { Diagnosis, RankedCause, SignatureSpec } from './types';

/** Orders an entry's causes for the texts around one match. */
export type Ranker = (signature: SignatureSpec, texts: ContextTexts) => RankedCause[];

type Around = Omit<RankingContext, 'block'>;

export interface Engine {
  readonly matcher: Matcher;
  /** Diagnoses a plain text; blocks are found by blank lines. */
  diagnoseText(text: string): Diagnosis[];
  /**
   * Diagnoses one block of a page, ranking causes with the surrounding texts. `around`
   * may be a function: it is then called only when something matched, so texts that
   * are costly to read (a comment, the thread) are not read for blocks without errors.
   * Pass the same `cache` (from `newCache`) for every block of a page so shared texts
   * are worked on once.
   */
  diagnoseBlock(block: string, around?: Around | (() => Around), cache?: RankCache): Diagnosis[];
  /** A ranking cache that knows this engine's signatures (for `entry:` cues). */
  newCache(): RankCache;
}

/** The engine's build as a generator that pauses now and then, for building in idle slices. */
export function* createEngineCoreSteps(signatures: readonly SignatureSpec[], rank: Ranker): Generator<void, Engine> {
  const matcher = yield* createMatcherSteps(signatures);

  const findErrors = (text: string): NearbyError[] =>
    matcher.matchNormalizedText(text).map((m) => ({ entryId: signatures[m.signature].id, text: text.slice(m.from, m.to), start: m.from }));
  const newCache = () => new RankCache(findErrors);

  function diagnose(
    text: string,
    blockFor: (start: number, end: number) => RankingContext,
    cache = newCache(),
  ): Diagnosis[] {
    const norm = normalize(text);
    const found = matcher.matchNormalized(norm);
    if (found.length === 0) return [];
    cache.normalized.set(text, norm.text);
    const contexts = new Map<number, ContextTexts>();
    const contextFor = (m: { from: number; to: number }) => {
      let texts = contexts.get(m.from);
      if (!texts) {
        const { start, end } = toOriginalRange(norm, m.from, m.to);
        texts = new ContextTexts(blockFor(start, end), cache);
        contexts.set(m.from, texts);
      }
      return texts;
    };
    const claimed = resolveClaims(found, signatures, contextFor);
    return claimed.map((m) => {
      const signature = signatures[m.signature];
      const { start, end } = toOriginalRange(norm, m.from, m.to);
      return {
        entryId: signature.id,
        start,
        end,
        text: text.slice(start, end),
        title: signature.title,
        ...(signature.title_zh ? { title_zh: signature.title_zh } : {}),
        causes: rank(signature, contextFor(m)),
      };
    });
  }

  return {
    matcher,
    newCache,
    diagnoseText(text) {
      return diagnose(text, (start, end) => {
        const block = blockAround(text, start, end);
        return { block: text.slice(block.start, block.end), page: text };
      });
    },
    diagnoseBlock(block, around = {}, cache) {
      let texts: Around | undefined;
      return diagnose(block, () => ({ block, ...(texts ??= typeof around === 'function' ? around() : around) }), cache);
    },
  };
}
