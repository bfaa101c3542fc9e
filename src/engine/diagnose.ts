/**
 * Diagnosis of a plain text: every match with its causes ranked by the cues in the
 * lines around it (the block) and in the whole text (the page).
 */
import { blockAround } from './blocks';
import { runSteps } from './automaton';
import { createMatcherSteps, type Matcher } from './matcher';
import { normalize, toOriginalRange } from './normalize';
import { ContextTexts, RankCache, rankCauses, type RankingContext } from './rank';
import type { Diagnosis, SignatureSpec } from './types';

type Around = Omit<RankingContext, 'block'>;

export interface Engine {
  readonly matcher: Matcher;
  /** Diagnoses a plain text; blocks are found by blank lines. */
  diagnoseText(text: string): Diagnosis[];
  /**
   * Diagnoses one block of a page, ranking causes with the surrounding texts. `around`
   * may be a function: it is then called only when something matched, so texts that
   * are costly to read (a comment, the thread) are not read for blocks without errors.
   * Pass the same `cache` for every block of a page so shared texts are worked on once.
   */
  diagnoseBlock(block: string, around?: Around | (() => Around), cache?: RankCache): Diagnosis[];
}

export function createEngine(signatures: readonly SignatureSpec[]): Engine {
  return runSteps(createEngineSteps(signatures));
}

/** `createEngine` as a generator that pauses now and then, for building in idle slices. */
export function* createEngineSteps(signatures: readonly SignatureSpec[]): Generator<void, Engine> {
  const matcher = yield* createMatcherSteps(signatures);

  function diagnose(
    text: string,
    blockFor: (start: number, end: number) => RankingContext,
    cache = new RankCache(),
  ): Diagnosis[] {
    const norm = normalize(text);
    const matches = matcher.matchNormalized(norm);
    if (matches.length === 0) return [];
    cache.normalized.set(text, norm.text);
    return matches.map((m) => {
      const signature = signatures[m.signature];
      const { start, end } = toOriginalRange(norm, m.from, m.to);
      const texts = new ContextTexts(blockFor(start, end), cache);
      return {
        entryId: signature.id,
        start,
        end,
        text: text.slice(start, end),
        title: signature.title,
        ...(signature.title_zh ? { title_zh: signature.title_zh } : {}),
        causes: rankCauses(signature, texts),
      };
    });
  }

  return {
    matcher,
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
