/**
 * Multi-signature matching: normalize once, run one automaton pass over all anchors,
 * verify only candidates, report offsets into the original text.
 */
import { buildAutomatonSteps, runSteps, type Automaton } from './automaton';
import { normalize, toOriginalRange, type NormalizedText } from './normalize';
import { compilePattern } from './pattern';
import type { Match, SignatureSpec } from './types';
import { createVerifier, verifyAround, type Verifier } from './verify';

interface AnchorTarget {
  signature: number;
  verifier: Verifier;
}

export interface NormalizedMatch {
  signature: number;
  /** Range in the normalized text. */
  from: number;
  to: number;
}

export interface Matcher {
  readonly signatures: readonly SignatureSpec[];
  readonly automaton: Automaton;
  /** Matches in a normalized text (the caller normalizes once and reuses it). */
  matchNormalized(norm: NormalizedText): NormalizedMatch[];
  /** Matches in text that is already normalized (ranking's context texts, kept without offset maps). */
  matchNormalizedText(text: string): NormalizedMatch[];
  /** Matches in an original text, with original offsets. */
  match(text: string): Match[];
}

export function createMatcher(signatures: readonly SignatureSpec[]): Matcher {
  return runSteps(createMatcherSteps(signatures));
}

/** See matchNormalizedText: at most this many failed verifications of one pattern per stretch. */
export const MAX_FAILURES_PER_STRETCH = 256;
const FAILURE_STRETCH = 64 * 1024;

/** Signatures compiled between two pauses of a resumable build. */
const SIGNATURES_PER_STEP = 32;

/** `createMatcher` as a generator that pauses now and then (see buildAutomatonSteps). */
export function* createMatcherSteps(signatures: readonly SignatureSpec[]): Generator<void, Matcher> {
  const anchorIndex = new Map<string, number>();
  const anchors: string[] = [];
  const targets: AnchorTarget[][] = [];
  for (let s = 0; s < signatures.length; s++) {
    const signature = signatures[s];
    if (s % SIGNATURES_PER_STEP === SIGNATURES_PER_STEP - 1) yield;
    if (signature.obsolete) continue; // retired entries stay addressable but never badge
    for (const spec of signature.patterns) {
      const compiled = compilePattern(spec);
      const key = compiled.anchor.toLowerCase();
      let index = anchorIndex.get(key);
      if (index === undefined) {
        index = anchors.length;
        anchorIndex.set(key, index);
        anchors.push(compiled.anchor);
        targets.push([]);
      }
      targets[index].push({ signature: s, verifier: createVerifier(compiled) });
    }
  }
  const automaton = yield* buildAutomatonSteps(anchors);

  function matchNormalizedText(text: string): NormalizedMatch[] {
    const found: NormalizedMatch[] = [];
    const seen = new Set<string>();
    // Failed verifications per pattern, counted per stretch of text: a text that repeats
    // a near-miss of one pattern thousands of times stops costing once a stretch has had
    // its share, while real matches keep being verified.
    const failures = new Map<Verifier, { stretch: number; count: number }>();
    automaton.scan(text, (anchor, end) => {
      const start = end - anchors[anchor].length;
      const stretch = Math.floor(end / FAILURE_STRETCH);
      for (const target of targets[anchor]) {
        let failed = failures.get(target.verifier);
        if (!failed || failed.stretch !== stretch) failures.set(target.verifier, (failed = { stretch, count: 0 }));
        if (failed.count >= MAX_FAILURES_PER_STRETCH) continue;
        const hit = verifyAround(target.verifier, text, start, end);
        if (!hit) {
          failed.count += 1;
          continue;
        }
        const key = `${target.signature}:${hit.start}:${hit.end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push({ signature: target.signature, from: hit.start, to: hit.end });
      }
    });
    return mergeOverlaps(found);
  }

  return {
    signatures,
    automaton,
    matchNormalized: (norm) => matchNormalizedText(norm.text),
    matchNormalizedText,
    match(text) {
      const norm = normalize(text);
      return matchNormalizedText(norm.text).map((m) => {
        const { start, end } = toOriginalRange(norm, m.from, m.to);
        return { entryId: signatures[m.signature].id, start, end, text: text.slice(start, end) };
      });
    },
  };
}

/** One match per signature per overlapping region: the widest wins. */
function mergeOverlaps(found: NormalizedMatch[]): NormalizedMatch[] {
  found.sort((a, b) => a.signature - b.signature || a.from - b.from || b.to - a.to);
  const merged: NormalizedMatch[] = [];
  for (const m of found) {
    const last = merged[merged.length - 1];
    if (last && last.signature === m.signature && m.from < last.to) {
      last.to = Math.max(last.to, m.to);
      continue;
    }
    merged.push({ ...m });
  }
  return merged.sort((a, b) => a.from - b.from || a.signature - b.signature);
}
