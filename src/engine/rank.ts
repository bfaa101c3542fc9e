/**
 * Cause ranking from evidence. Each cause collects what the texts around the error say
 * for and against it: its cues (text, or another known error nearby), the platform, and
 * versions compared with its affected and fixed ranges. Evidence counts by where it was
 * found (the error's own inner-cause lines and its block far more than the thread);
 * mentions under a negation do not count. A cause with no evidence gets confidence
 * `none`, and then only how common it is orders it.
 */
import { innerCauseRanges, isNegated, platformFacts, versionFacts, type PlatformFact, type VersionFact } from './evidence';
import { normalize } from './normalize';
import { compilePattern } from './pattern';
import type {
  CauseSignature,
  Confidence,
  CueLocation,
  FiredCue,
  Likelihood,
  PatternSpec,
  Platform,
  RankedCause,
  SignatureSpec,
} from './types';
import { PRODUCTS, atOrAbove, inRange } from './versions';
import { anchorRegex, createVerifier, verifyAround, type Verifier } from './verify';

/**
 * Evidence by distance. The rest of the page (other comments, other people's setups) only
 * breaks near-ties: a weight-3 cue there adds 0.75, less than a cue of weight 1 in the
 * paste's own comment.
 */
export const LOCATION_FACTOR: Record<CueLocation, number> = { inner: 4, block: 3, title: 2, comment: 2, page: 0.25 };
export const PRIOR: Record<Likelihood, number> = { common: 1, occasional: 0.6, rare: 0.3 };
/** Net evidence from which a cause counts as strongly supported: a weight-2 cue in the block, say. */
export const STRONG_EVIDENCE = 6;
/** Evidence weights of facts (cues state their own). */
const PLATFORM_MATCH = 2;
const PLATFORM_CONTRADICTS = -3;
const VERSION_IN_RANGE = 2;
const VERSION_OUT_OF_RANGE = -2;
const FIXED_VERSION_IN_USE = -3;
/** Anchor occurrences tried per cue and text: bounds the work on a text that repeats a cue under negations. */
const MAX_HITS_PER_CUE = 32;

/** The texts around a match, nearest first. Plain (not normalized) text. */
export interface RankingContext {
  block: string;
  /** The thread's or question's title. */
  title?: string;
  comment?: string;
  page?: string;
}

interface CompiledCue {
  label: string;
  weight: number;
  verifier: Verifier;
  anchor: RegExp;
}

const cueCache = new WeakMap<CauseSignature, CompiledCue[]>();

export function describePattern(spec: PatternSpec): string {
  return spec.kind === 'text' ? spec.text : spec.regex;
}

function compileCues(cause: CauseSignature): CompiledCue[] {
  let cues = cueCache.get(cause);
  if (!cues) {
    cues = cause.cues.flatMap((cue) => {
      if (!cue.pattern) return [];
      const compiled = compilePattern(cue.pattern);
      return [{ label: describePattern(cue.pattern), weight: cue.weight, verifier: createVerifier(compiled), anchor: anchorRegex(compiled.anchor) }];
    });
    cueCache.set(cause, cues);
  }
  return cues;
}

type Hit = { start: number; end: number; inner: boolean } | null;
type Range = { start: number; end: number };

/** A known error found in a context text: another entry's match. */
export interface NearbyError {
  entryId: string;
  text: string;
  start: number;
}

/**
 * What ranking remembers between matches of one page: each context text normalized
 * once, and each cue's hit, the facts and the known errors of each text found once. A
 * page with many matches shares its comment and thread texts, so without this the
 * thread would be normalized and searched again for every badge.
 */
export class RankCache {
  readonly normalized = new Map<string, string>();
  private readonly hits = new Map<string, Map<CompiledCue, Hit>>();
  private readonly platforms = new Map<string, PlatformFact[]>();
  private readonly versions = new Map<string, VersionFact[]>();
  private readonly inner = new Map<string, Range[]>();
  private readonly errors = new Map<string, NearbyError[]>();

  /** @param findErrors the known errors in a normalized text (the engine's matcher); none without it. */
  constructor(private readonly findErrors?: (normalizedText: string) => NearbyError[]) {}

  normalize(raw: string): string {
    let text = this.normalized.get(raw);
    if (text === undefined) {
      text = normalize(raw).text;
      this.normalized.set(raw, text);
    }
    return text;
  }

  /** Each kind of fact is read only when a cause asks for it, once per text (a 5 MB log is searched once, if at all). */
  platformsOf(text: string): PlatformFact[] {
    let found = this.platforms.get(text);
    if (!found) this.platforms.set(text, (found = platformFacts(text)));
    return found;
  }

  versionsOf(text: string, product: string): VersionFact[] {
    const key = `${product}\u0000${text}`;
    let found = this.versions.get(key);
    if (!found) this.versions.set(key, (found = versionFacts(text, product)));
    return found;
  }

  innerOf(text: string): Range[] {
    let found = this.inner.get(text);
    if (!found) this.inner.set(text, (found = innerCauseRanges(text)));
    return found;
  }

  errorsIn(text: string): NearbyError[] {
    let found = this.errors.get(text);
    if (!found) {
      found = this.findErrors?.(text) ?? [];
      this.errors.set(text, found);
    }
    return found;
  }

  /** The first hit of a cue that is not under a negation; in a block, one inside an inner-cause line wins. */
  findCue(cue: CompiledCue, text: string, inner: Range[]): Hit {
    let perText = this.hits.get(text);
    if (!perText) {
      perText = new Map();
      this.hits.set(text, perText);
    }
    let hit = perText.get(cue);
    if (hit === undefined) {
      hit = findCueHit(cue, text, inner);
      perText.set(cue, hit);
    }
    return hit;
  }
}

function findCueHit(cue: CompiledCue, text: string, inner: Range[]): Hit {
  let first: Hit = null;
  cue.anchor.lastIndex = 0;
  for (let tries = 0; tries < MAX_HITS_PER_CUE; tries++) {
    const a = cue.anchor.exec(text);
    if (!a) break;
    cue.anchor.lastIndex = a.index + 1;
    const hit = verifyAround(cue.verifier, text, a.index, a.index + a[0].length);
    if (!hit || isNegated(text, hit.start)) continue;
    const isInner = inner.some((r) => hit.start >= r.start && hit.end <= r.end);
    if (isInner) return { ...hit, inner: true };
    first ??= { ...hit, inner: false };
    if (inner.length === 0) break;
  }
  return first;
}

/** Normalizes each context text once; ranking several matches reuses it. */
export class ContextTexts {
  /**
   * @param cache shared between contexts of one diagnosis (or one page scan), so a page
   * text is normalized and searched once however many matches it holds.
   */
  constructor(
    private readonly context: RankingContext,
    readonly cache: RankCache = new RankCache(),
  ) {}

  get(where: Exclude<CueLocation, 'inner'>): string | undefined {
    const raw = this.context[where];
    return raw === undefined || raw === '' ? undefined : this.cache.normalize(raw);
  }
}

const TEXT_LOCATIONS = ['block', 'title', 'comment', 'page'] as const;
type TextLocation = (typeof TEXT_LOCATIONS)[number];

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

function errorEvidence(cause: CauseSignature, texts: ContextTexts, self: string): FiredCue[] {
  const out: FiredCue[] = [];
  for (const cue of cause.cues) {
    if (!cue.entry) continue;
    for (const where of TEXT_LOCATIONS) {
      if (where === 'title') continue;
      const text = texts.get(where);
      if (text === undefined) continue;
      const found = texts.cache.errorsIn(text).find((e) => e.entryId === cue.entry && e.entryId !== self && !isNegated(text, e.start));
      if (!found) continue;
      const inner = where === 'block' && texts.cache.innerOf(text).some((r) => found.start >= r.start && found.start < r.end);
      out.push({ kind: 'error', cue: cue.entry, text: found.text, where: inner ? 'inner' : where, weight: cue.weight });
      break;
    }
  }
  return out;
}

function patternEvidence(cause: CauseSignature, texts: ContextTexts): FiredCue[] {
  const out: FiredCue[] = [];
  for (const cue of compileCues(cause)) {
    for (const where of TEXT_LOCATIONS) {
      const text = texts.get(where);
      if (text === undefined) continue;
      const inner = where === 'block' ? texts.cache.innerOf(text) : [];
      const hit = texts.cache.findCue(cue, text, inner);
      if (hit) {
        out.push({ kind: 'cue', cue: cue.label, text: text.slice(hit.start, hit.end), where: hit.inner ? 'inner' : where, weight: cue.weight });
        break;
      }
    }
  }
  return out;
}

/** What a list of cues finds in the texts (claim resolution uses it for `context.prefer`). */
export function cueEvidence(cause: CauseSignature, texts: ContextTexts, self: string): FiredCue[] {
  return [...patternEvidence(cause, texts), ...errorEvidence(cause, texts, self)];
}

export function netEvidence(evidence: FiredCue[]): number {
  return evidence.reduce((sum, e) => sum + e.weight * LOCATION_FACTOR[e.where], 0);
}

export function confidenceOf(net: number, evidence: FiredCue[]): Confidence {
  if (!evidence.some((e) => e.weight > 0) || net <= 0) return 'none';
  return net >= STRONG_EVIDENCE ? 'strong' : 'some';
}

const LOCATION_ORDER: CueLocation[] = ['inner', 'block', 'title', 'comment', 'page'];

export function rankCauses(signature: SignatureSpec, context: RankingContext | ContextTexts): RankedCause[] {
  const texts = context instanceof ContextTexts ? context : new ContextTexts(context);
  const ranked = signature.causes.map((cause, order) => {
    const evidence = [
      ...cueEvidence(cause, texts, signature.id),
      ...[platformEvidence(cause, texts)].filter((e): e is FiredCue => e !== undefined),
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
