/**
 * The content script's half of matching: it only has to know *where a known error might
 * be*, not which one. Every pattern already has a literal anchor that each of its matches
 * contains; a short prefix of it is enough to find every candidate, and prefixes that
 * contain a shorter one add nothing. So the page carries a few thousand short strings
 * instead of the knowledge base, and the background (which holds the full signatures)
 * verifies, picks between entries and ranks. The page's cost no longer grows with what
 * the entries say, only (slowly) with how many distinct anchors they have.
 */
import { buildAutomatonSteps, foldCode } from './automaton';
import { normalize, toOriginalRange } from './normalize';
import { compilePattern } from './pattern';
import type { SignatureSpec } from './types';

/**
 * Anchors are cut to this many characters. Long enough to stay rare in ordinary text
 * ("mcp error -32000", "eresolve unable"), short enough that the list stays small.
 */
export const PREFILTER_ANCHOR_CHARS = 16;

export interface Prefilter {
  /** How many anchors it looks for (tests and the benchmark read this). */
  readonly anchorCount: number;
  /**
   * Offsets in `text` (original, not normalized) where an anchor begins, in text order,
   * one per distinct offset. Empty means no known error can be in the text.
   */
  hits(text: string): number[];
}

/** Folds as the automaton folds text: code unit by code unit (surrogates pass through unchanged). */
const fold = (s: string) => {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(foldCode(s.charCodeAt(i)));
  return out;
};

/**
 * The prefilter's anchors for some signatures: each pattern's anchor, folded as the
 * automaton folds text and cut to PREFILTER_ANCHOR_CHARS (by code point, never inside a
 * surrogate pair), without duplicates and without any anchor that contains another (a text
 * holding the longer one holds the shorter). Retired entries never badge, so they add none.
 */
export function prefilterAnchors(signatures: readonly SignatureSpec[]): string[] {
  const cut = new Set<string>();
  for (const signature of signatures) {
    if (signature.obsolete) continue;
    for (const spec of signature.patterns) {
      const anchor = Array.from(fold(compilePattern(spec).anchor)).slice(0, PREFILTER_ANCHOR_CHARS).join('').trim();
      if (anchor.length > 0) cut.add(anchor);
    }
  }
  // Shortest first: an anchor is dropped when a kept one occurs inside it.
  const kept: string[] = [];
  for (const anchor of [...cut].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))) {
    if (!kept.some((k) => anchor.includes(k))) kept.push(anchor);
  }
  return kept.sort();
}

/** Builds the prefilter as a generator that pauses now and then (see buildAutomatonSteps). */
export function* createPrefilterSteps(anchors: readonly string[]): Generator<void, Prefilter> {
  const automaton = yield* buildAutomatonSteps(anchors);
  return {
    anchorCount: anchors.length,
    hits(text) {
      const norm = normalize(text);
      const starts: number[] = [];
      let last = -1;
      automaton.scan(norm.text, (anchor, end) => {
        const from = end - anchors[anchor].length;
        const start = toOriginalRange(norm, from, end).start;
        if (start !== last) starts.push((last = start));
      });
      // The automaton reports by end offset; two anchors ending together may start out of order.
      return starts.length > 1 ? [...new Set(starts)].sort((a, b) => a - b) : starts;
    },
  };
}
