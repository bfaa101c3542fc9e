/**
 * Cause ranking: a cause is likelier when its cues appear near the error. A cue found in
 * the same block counts most, then the same comment, then anywhere on the page (or in
 * the whole input). Without any cue, the cause's stated likelihood orders it.
 */
import { normalize } from './normalize';
import { compilePattern } from './pattern';
import type { CauseSignature, CueLocation, FiredCue, Likelihood, PatternSpec, RankedCause, SignatureSpec } from './types';
import { anchorRegex, createVerifier, findFirst, type Verifier } from './verify';

export const LOCATION_FACTOR: Record<CueLocation, number> = { block: 3, comment: 2, page: 1 };
export const PRIOR: Record<Likelihood, number> = { common: 1, occasional: 0.6, rare: 0.3 };

/** The texts around a match, nearest first. Plain (not normalized) text. */
export interface RankingContext {
  block: string;
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
    cues = cause.cues.filter((cue) => cue.pattern).map((cue) => {
      const compiled = compilePattern(cue.pattern!);
      return {
        label: describePattern(cue.pattern!),
        weight: cue.weight,
        verifier: createVerifier(compiled),
        anchor: anchorRegex(compiled.anchor),
      };
    });
    cueCache.set(cause, cues);
  }
  return cues;
}

type Hit = { start: number; end: number } | null;

/**
 * What ranking remembers between matches of one page: each context text normalized
 * once, and each cue's first hit in each text found once. A page with many matches
 * shares its comment and thread texts, so without this the thread would be normalized
 * and searched again for every badge.
 */
export class RankCache {
  readonly normalized = new Map<string, string>();
  private readonly hits = new Map<string, Map<CompiledCue, Hit>>();

  normalize(raw: string): string {
    let text = this.normalized.get(raw);
    if (text === undefined) {
      text = normalize(raw).text;
      this.normalized.set(raw, text);
    }
    return text;
  }

  findCue(cue: CompiledCue, text: string): Hit {
    let perText = this.hits.get(text);
    if (!perText) {
      perText = new Map();
      this.hits.set(text, perText);
    }
    let hit = perText.get(cue);
    if (hit === undefined) {
      hit = findFirst(cue.verifier, cue.anchor, text);
      perText.set(cue, hit);
    }
    return hit;
  }
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

  get(where: CueLocation): string | undefined {
    const raw = this.context[where];
    return raw === undefined ? undefined : this.cache.normalize(raw);
  }
}

const LOCATIONS: CueLocation[] = ['block', 'comment', 'page'];

export function rankCauses(signature: SignatureSpec, context: RankingContext | ContextTexts): RankedCause[] {
  const texts = context instanceof ContextTexts ? context : new ContextTexts(context);
  const ranked = signature.causes.map((cause, order) => {
    const fired: FiredCue[] = [];
    let score = PRIOR[cause.likelihood];
    for (const cue of compileCues(cause)) {
      for (const where of LOCATIONS) {
        const text = texts.get(where);
        if (text === undefined) continue;
        const hit = texts.cache.findCue(cue, text);
        if (hit) {
          fired.push({ cue: cue.label, text: text.slice(hit.start, hit.end), where, weight: cue.weight });
          score += cue.weight * LOCATION_FACTOR[where];
          break;
        }
      }
    }
    return {
      order,
      cause: {
        id: cause.id,
        title: cause.title,
        ...(cause.title_zh ? { title_zh: cause.title_zh } : {}),
        score: Math.round(score * 100) / 100,
        cues: fired,
      },
    };
  });
  ranked.sort((a, b) => b.cause.score - a.cause.score || a.order - b.order);
  return ranked.map((r) => r.cause);
}
