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
    cues = cause.cues.map((cue) => {
      const compiled = compilePattern(cue.pattern);
      return {
        label: describePattern(cue.pattern),
        weight: cue.weight,
        verifier: createVerifier(compiled),
        anchor: anchorRegex(compiled.anchor),
      };
    });
    cueCache.set(cause, cues);
  }
  return cues;
}

/** Normalizes each context text once; ranking several matches reuses it. */
export class ContextTexts {
  /**
   * @param cache normalized forms shared between contexts of one diagnosis, so a page
   * text is normalized once however many matches it holds.
   */
  constructor(
    private readonly context: RankingContext,
    private readonly cache: Map<string, string> = new Map(),
  ) {}

  get(where: CueLocation): string | undefined {
    const raw = this.context[where];
    if (raw === undefined) return undefined;
    let text = this.cache.get(raw);
    if (text === undefined) {
      text = normalize(raw).text;
      this.cache.set(raw, text);
    }
    return text;
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
        const hit = findFirst(cue.verifier, cue.anchor, text);
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
