/**
 * Which entry claims a text when several match the same words. "You exceeded your
 * current quota" is OpenAI's and Gemini's; an entry's `context` says what near the text
 * makes it the one (`prefer`), what makes it not (`avoid`), and, for generic sentences,
 * what must be near for it to claim anything (`require`). Matches of entries without
 * `context` are left alone, so declaring context never costs another entry its badge.
 */
import type { NormalizedMatch } from './matcher';
import { cueEvidence, netEvidence, type ContextTexts } from './cues';
import type { CauseSignature, ClaimContext, CueSpec, SignatureSpec } from './types';

/** Context cues as a cause, so ranking's cue search (negation, locations, cache) serves them. */
const asCause = new WeakMap<object, CauseSignature>();
function cuesAsCause(key: object, cues: () => CueSpec[]): CauseSignature {
  let cause = asCause.get(key);
  if (!cause) {
    cause = { id: 'context', title: 'context', likelihood: 'common', cues: cues() };
    asCause.set(key, cause);
  }
  return cause;
}

const patternCues = (patterns: ClaimContext['avoid']): CueSpec[] => patterns.map((pattern) => ({ pattern, weight: 1 }));

/**
 * What an entry without `prefer` counts as: a cue in the block, title or comment beats it,
 * a lone word elsewhere on the page (0.5 per weight) does not.
 */
const GENERIC_PREFERENCE = 1;

interface Claim {
  match: NormalizedMatch;
  /** How much the context says for this entry; undefined when the entry has no `prefer`. */
  preference?: number;
}

/** Whether the entry may claim the text at all, and how much the context prefers it. */
function judge(signature: SignatureSpec, match: NormalizedMatch, texts: ContextTexts): Claim | null {
  const context = signature.context;
  if (!context) return { match };
  if (context.require.length > 0) {
    const found = cueEvidence(cuesAsCause(context.require, () => patternCues(context.require)), texts, signature.id);
    if (found.length === 0) return null;
  }
  if (context.avoid.length > 0) {
    const found = cueEvidence(cuesAsCause(context.avoid, () => patternCues(context.avoid)), texts, signature.id);
    if (found.some((e) => e.where !== 'page')) return null;
  }
  if (context.prefer.length === 0) return { match };
  return { match, preference: netEvidence(cueEvidence(cuesAsCause(context.prefer, () => context.prefer), texts, signature.id)) };
}

/** The matches that stand: each group of overlapping matches with context keeps its best-fitting entry. */
export function resolveClaims(
  found: NormalizedMatch[],
  signatures: readonly SignatureSpec[],
  contextFor: (m: NormalizedMatch) => ContextTexts,
): NormalizedMatch[] {
  if (!found.some((m) => signatures[m.signature].context)) return found;
  const claims: Claim[] = [];
  for (const m of found) {
    const claim = judge(signatures[m.signature], m, contextFor(m));
    if (claim) claims.push(claim);
  }
  const out: NormalizedMatch[] = [];
  const taken = new Set<Claim>();
  // In text order every earlier claim is settled by the time a claim is reached, so its
  // group is found among the next ones that start before it ends (filtering all claims
  // for each one was quadratic: seconds for thousands of matches on one page).
  claims.sort((a, b) => a.match.from - b.match.from || a.match.signature - b.match.signature);
  for (let k = 0; k < claims.length; k++) {
    const claim = claims[k];
    if (taken.has(claim)) continue;
    const group = [claim];
    for (let j = k + 1; j < claims.length && claims[j].match.from < claim.match.to; j++) {
      if (!taken.has(claims[j])) group.push(claims[j]);
    }
    const contested = group.some((c) => signatures[c.match.signature].context);
    if (!contested || group.length === 1) {
      taken.add(claim);
      out.push(claim.match);
      continue;
    }
    // The best: the most preferred by context; with nothing deciding, the entry that asks
    // for no context (the generic one), then knowledge order.
    const score = (c: Claim) => (c.preference === undefined ? GENERIC_PREFERENCE : c.preference);
    const best = group.reduce((a, b) => (score(b) > score(a) ? b : a));
    for (const c of group) taken.add(c);
    out.push(best.match);
  }
  return out.sort((a, b) => a.from - b.from || a.signature - b.signature);
}
