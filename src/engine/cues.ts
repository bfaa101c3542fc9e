/**
 * Cues and the texts they are searched in: each context text normalized once, each
 * cue's first hit (not under a negation; inside an inner-cause line when there is one)
 * found once, and other known errors nearby. Ranking (rank.ts) and claim resolution
 * (claim.ts) share it; it compares no versions, so the content script can carry it.
 */
import { innerCauseRanges, isNegated, platformFacts, versionFacts, type PlatformFact, type VersionFact } from './evidence';
import { normalize } from './normalize';
import { compilePattern } from './pattern';
import type { CauseSignature, CueLocation, FiredCue, PatternSpec } from './types';
import { anchorRegex, createVerifier, verifyAround, type Verifier } from './verify';

/**
 * Evidence by distance. The rest of the page (other comments, other people's setups) only
 * breaks near-ties: a weight-3 cue there adds 0.75, less than a cue of weight 1 in the
 * paste's own comment.
 */
export const LOCATION_FACTOR: Record<CueLocation, number> = { inner: 4, block: 3, title: 2, comment: 2, page: 0.25 };
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
  private readonly versions = new Map<string, Map<string, VersionFact[]>>();
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
    let perProduct = this.versions.get(text);
    if (!perProduct) this.versions.set(text, (perProduct = new Map()));
    let found = perProduct.get(product);
    if (!found) perProduct.set(product, (found = versionFacts(text, product)));
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

export const TEXT_LOCATIONS = ['block', 'title', 'comment', 'page'] as const;

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

