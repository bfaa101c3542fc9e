/**
 * Cause ranking from evidence. Each cause collects what the texts around the error say
 * for and against it: its cues (text, or another known error nearby), the platform, and
 * versions compared with its affected and fixed ranges. Evidence counts by where it was
 * found (the error's own inner-cause lines and its block far more than the thread);
 * mentions under a negation do not count. A cause with no evidence gets confidence
 * `none`, and then only how common it is orders it.
 */
import { cueEvidence, netEvidence, TEXT_LOCATIONS, ContextTexts, type RankingContext } from './cues';
import type { CauseSignature, Confidence, CueLocation, FiredCue, Likelihood, Platform, RankedCause, SignatureSpec } from './types';
import { PRODUCTS, atOrAbove, inRange } from './versions';

// Ranking's building blocks live in cues.ts; their users import them from here too.
export { ContextTexts, RankCache, LOCATION_FACTOR, describePattern, cueEvidence, netEvidence } from './cues';
export type { NearbyError, RankingContext } from './cues';

export const PRIOR: Record<Likelihood, number> = { common: 1, occasional: 0.6, rare: 0.3 };
/** Net evidence from which a cause counts as strongly supported: a weight-2 cue in the block, say. */
export const STRONG_EVIDENCE = 6;
/** Evidence weights of facts (cues state their own). */
const PLATFORM_MATCH = 2;
const PLATFORM_CONTRADICTS = -3;
const VERSION_IN_RANGE = 2;
const VERSION_OUT_OF_RANGE = -2;
const FIXED_VERSION_IN_USE = -3;

/**
 * Whether a platform found in the text fits the platforms a cause states: `true` fits,
 * `false` contradicts, `undefined` says nothing. WSL and containers run Linux, so Linux
 * paths neither confirm nor contradict a WSL or container cause, and WSL or a container
 * fits a Linux cause.
 */
function platformFits(stated: Platform[], found: Platform): boolean | undefined {
  if (stated.includes(found)) return true;
  if (stated.includes('linux') && (found === 'wsl' || found === 'container')) return true;
  if (found === 'linux' && (stated.includes('wsl') || stated.includes('container'))) return undefined;
  return false;
}

/**
 * The platform of the paste's own author: from the block, the title and the comment only.
 * A platform named elsewhere on the page is usually someone else's.
 */
function platformEvidence(cause: CauseSignature, texts: ContextTexts): FiredCue | undefined {
  if (!cause.platform?.length) return undefined;
  for (const where of TEXT_LOCATIONS) {
    if (where === 'page') break;
    const text = texts.get(where);
    if (text === undefined) continue;
    const facts = texts.cache.platformsOf(text).filter((f) => !f.negated);
    if (facts.length === 0) continue;
    const stated = cause.platform.join(', ');
    const fitting = facts.find((f) => platformFits(cause.platform!, f.platform) === true);
    if (fitting) return { kind: 'platform', cue: stated, text: fitting.text, where, weight: PLATFORM_MATCH };
    const contradicting = facts.find((f) => platformFits(cause.platform!, f.platform) === false);
    if (contradicting) return { kind: 'platform', cue: stated, text: contradicting.text, where, weight: PLATFORM_CONTRADICTS };
    return undefined;
  }
  return undefined;
}

function versionEvidence(cause: CauseSignature, texts: ContextTexts): FiredCue[] {
  const out: FiredCue[] = [];
  const products = new Set([...(cause.affectedRanges ?? []), ...(cause.fixedIn ?? [])].map((r) => r.product));
  for (const product of products) {
    const { ecosystem } = PRODUCTS[product];
    for (const where of TEXT_LOCATIONS) {
      const text = texts.get(where);
      if (text === undefined) continue;
      const fact = texts.cache.versionsOf(text, product).find((f) => !f.negated);
      if (!fact) continue;
      const fixed = cause.fixedIn?.find((r) => r.product === product);
      if (fixed && atOrAbove(ecosystem, fact.version, fixed.range)) {
        out.push({ kind: 'version', cue: `${product} ${fixed.range} (fixed)`, text: fact.text, where, weight: FIXED_VERSION_IN_USE });
        break;
      }
      const affected = cause.affectedRanges?.filter((r) => r.product === product) ?? [];
      if (affected.length > 0) {
        const results = affected.map((r) => inRange(ecosystem, fact.version, r.range));
        if (results.some((r) => r === true)) {
          out.push({ kind: 'version', cue: `${product} ${affected.map((r) => r.range).join(' || ')}`, text: fact.text, where, weight: VERSION_IN_RANGE });
        } else if (results.every((r) => r === false)) {
          out.push({ kind: 'version', cue: `${product} ${affected.map((r) => r.range).join(' || ')}`, text: fact.text, where, weight: VERSION_OUT_OF_RANGE });
        }
      }
      break;
    }
  }
  return out;
}

export function confidenceOf(net: number, evidence: FiredCue[]): Confidence {
  if (!evidence.some((e) => e.weight > 0) || net <= 0) return 'none';
  return net >= STRONG_EVIDENCE ? 'strong' : 'some';
}

function samePlatformForAll(causes: readonly CauseSignature[]): boolean {
  const key = (c: CauseSignature) => [...(c.platform ?? [])].sort().join(',');
  const first = causes.length > 1 && causes[0].platform?.length ? key(causes[0]) : undefined;
  return first !== undefined && causes.every((c) => key(c) === first);
}

const LOCATION_ORDER: CueLocation[] = ['inner', 'block', 'title', 'comment', 'page'];

export function rankCauses(signature: SignatureSpec, context: RankingContext | ContextTexts): RankedCause[] {
  const texts = context instanceof ContextTexts ? context : new ContextTexts(context);
  // A platform every cause shares (a Windows-only error) tells the causes nothing apart;
  // counted, it marked each of them "strong evidence" on any paste that named Windows.
  const platformDecides = !samePlatformForAll(signature.causes);
  const ranked = signature.causes.map((cause, order) => {
    const evidence = [
      ...cueEvidence(cause, texts, signature.id),
      ...(platformDecides ? [platformEvidence(cause, texts)].filter((e): e is FiredCue => e !== undefined) : []),
      ...versionEvidence(cause, texts),
    ].sort((a, b) => LOCATION_ORDER.indexOf(a.where) - LOCATION_ORDER.indexOf(b.where) || b.weight - a.weight);
    const net = netEvidence(evidence);
    const score = PRIOR[cause.likelihood] + net;
    return {
      order,
      cause: {
        id: cause.id,
        title: cause.title,
        ...(cause.title_zh ? { title_zh: cause.title_zh } : {}),
        ...(cause.label ? { label: cause.label } : {}),
        ...(cause.label_zh ? { label_zh: cause.label_zh } : {}),
        score: Math.round(score * 100) / 100,
        confidence: confidenceOf(net, evidence),
        cues: evidence,
      },
    };
  });
  ranked.sort((a, b) => b.cause.score - a.cause.score || a.order - b.order);
  return ranked.map((r) => r.cause);
}

