/**
 * Signature patterns: literal text with typed placeholders, compiled to a bounded
 * verifier regex plus the literal anchor the automaton looks for.
 */
import { foldLiteral } from './normalize';
import { maxMatchLength } from './regex-syntax';
import type { PatternSpec } from './types';

interface Placeholder {
  regex: string;
  maxLength: number;
}

/** Every placeholder is bounded, so a verifier never scans more than a small window. */
export const PLACEHOLDERS: Record<string, Placeholder> = {
  number: { regex: '-?\\d{1,20}(?:\\.\\d{1,20})?', maxLength: 42 },
  int: { regex: '\\d{1,20}', maxLength: 20 },
  hex: { regex: '(?:0x)?[0-9a-f]{1,64}', maxLength: 66 },
  version: { regex: 'v?\\d{1,6}(?:\\.\\d{1,6}){0,3}(?:[-+][0-9a-z.]{1,40})?', maxLength: 70 },
  name: { regex: '[\\p{L}\\p{N}_@$][\\p{L}\\p{N}_@$./:+\\-]{0,199}', maxLength: 200 },
  path: { regex: '[^\\s"\'`<>|]{1,400}', maxLength: 400 },
  quoted: { regex: '(?:"[^"\\n]{0,300}"|\'[^\'\\n]{0,300}\'|`[^`\\n]{0,300}`)', maxLength: 302 },
  url: { regex: 'https?://[^\\s"\'<>()]{1,500}', maxLength: 508 },
  any: { regex: '[^\\n]{0,200}?', maxLength: 200 },
};

/** Longest window a raw regex may span; used to bound its verification window. */
export const MAX_REGEX_SPAN = 2000;
export const MIN_ANCHOR_LENGTH = 4;

export type PatternToken = { kind: 'literal'; text: string } | { kind: 'placeholder'; name: string };

export class PatternError extends Error {}

/** Splits a pattern into literal runs and placeholders; `{{` and `}}` are literal braces. */
export function tokenizePattern(source: string): PatternToken[] {
  const tokens: PatternToken[] = [];
  let literal = '';
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (ch === '{' && source[i + 1] === '{') {
      literal += '{';
      i += 2;
    } else if (ch === '}' && source[i + 1] === '}') {
      literal += '}';
      i += 2;
    } else if (ch === '{') {
      const close = source.indexOf('}', i);
      if (close < 0) throw new PatternError(`unclosed "{" at character ${i + 1}; write "{{" for a literal brace`);
      const name = source.slice(i + 1, close);
      if (!Object.hasOwn(PLACEHOLDERS, name)) {
        throw new PatternError(
          `unknown placeholder {${name}}; use one of ${Object.keys(PLACEHOLDERS).map((p) => `{${p}}`).join(', ')}, or "{{" for a literal brace`,
        );
      }
      if (literal) tokens.push({ kind: 'literal', text: literal });
      literal = '';
      tokens.push({ kind: 'placeholder', name });
      i = close + 1;
    } else if (ch === '}') {
      throw new PatternError(`unmatched "}" at character ${i + 1}; write "}}" for a literal brace`);
    } else {
      literal += ch;
      i += 1;
    }
  }
  if (literal) tokens.push({ kind: 'literal', text: literal });
  return tokens;
}

// Only syntax characters may be escaped in unicode mode (`\-` outside a class is an error).
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** A folded literal as regex source; a space also matches a line break. */
export function escapeLiteral(folded: string): string {
  // A space in a pattern also matches a line break (wrapped or reflowed text).
  return folded.replace(REGEX_SYNTAX, '\\$&').replace(/ /g, '[ \\n]');
}

export interface CompiledPattern {
  /** Verifier source, used with flags `iu`. */
  regex: string;
  /** Folded literal the automaton searches for (it folds case itself). */
  anchor: string;
  /** Most characters a match can extend before the anchor's start. */
  before: number;
  /** Most characters a match can extend after the anchor's end. */
  after: number;
}

/** Compiles a placeholder pattern or a raw regex spec. Throws PatternError on a fault. */
export function compilePattern(spec: PatternSpec): CompiledPattern {
  if (spec.kind === 'regex') {
    const anchor = foldLiteral(spec.anchor);
    if (anchor.trim().length < MIN_ANCHOR_LENGTH) {
      throw new PatternError(`anchor must be a literal of at least ${MIN_ANCHOR_LENGTH} characters`);
    }
    // A match contains the anchor and spans at most `span` characters, so that much on
    // each side of the anchor is all a verifier needs to read.
    const span = Math.min(MAX_REGEX_SPAN, maxMatchLength(spec.regex));
    return { regex: spec.regex, anchor, before: span, after: span };
  }
  const tokens = tokenizePattern(spec.text);
  const parts: { regex: string; maxLength: number; literal?: string }[] = [];
  for (const token of tokens) {
    if (token.kind === 'literal') {
      const folded = foldLiteral(token.text);
      if (folded) parts.push({ regex: escapeLiteral(folded), maxLength: folded.length, literal: folded });
    } else {
      const p = PLACEHOLDERS[token.name];
      parts.push({ regex: p.regex, maxLength: p.maxLength });
    }
  }
  // Trim spaces at the pattern's edges: they would demand a space the text may not have.
  const first = parts[0];
  if (first?.literal && first.literal.startsWith(' ')) {
    first.literal = first.literal.trimStart();
    first.regex = escapeLiteral(first.literal);
    first.maxLength = first.literal.length;
  }
  const last = parts[parts.length - 1];
  if (last?.literal && last.literal.endsWith(' ')) {
    last.literal = last.literal.trimEnd();
    last.regex = escapeLiteral(last.literal);
    last.maxLength = last.literal.length;
  }
  let best = -1;
  for (let k = 0; k < parts.length; k++) {
    const literal = parts[k].literal;
    if (literal === undefined) continue;
    if (best < 0 || literal.trim().length > (parts[best].literal as string).trim().length) best = k;
  }
  if (best < 0 || (parts[best].literal as string).trim().length < MIN_ANCHOR_LENGTH) {
    throw new PatternError(`needs a literal run of at least ${MIN_ANCHOR_LENGTH} characters between placeholders`);
  }
  let before = 0;
  for (let k = 0; k < best; k++) before += parts[k].maxLength;
  let after = 0;
  for (let k = best + 1; k < parts.length; k++) after += parts[k].maxLength;
  return {
    regex: parts.map((p) => p.regex).join(''),
    anchor: parts[best].literal as string,
    before,
    after,
  };
}
