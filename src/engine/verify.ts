/**
 * Verifiers: a compiled pattern's regex, run only in a bounded window around an anchor
 * occurrence, so its cost is fixed whatever the size of the text.
 */
import { escapeLiteral, type CompiledPattern } from './pattern';

export interface Verifier {
  compiled: CompiledPattern;
  readonly regex: RegExp;
}

/**
 * The regex is compiled on first use: most verifiers of a knowledge base never run on a
 * given page, and compiling hundreds of them up front would delay the first scan.
 */
export function createVerifier(compiled: CompiledPattern): Verifier {
  let regex: RegExp | undefined;
  return {
    compiled,
    get regex() {
      return (regex ??= new RegExp(compiled.regex, 'giu'));
    },
  };
}

/**
 * Finds a match of the verifier that contains the anchor occurrence
 * [anchorStart, anchorEnd) of the normalized `text`, or null.
 */
export function verifyAround(
  verifier: Verifier,
  text: string,
  anchorStart: number,
  anchorEnd: number,
): { start: number; end: number } | null {
  const { before, after } = verifier.compiled;
  const windowStart = Math.max(0, anchorStart - before);
  const windowEnd = Math.min(text.length, anchorEnd + after);
  const window = text.slice(windowStart, windowEnd);
  const regex = verifier.regex;
  const relStart = anchorStart - windowStart;
  const relEnd = anchorEnd - windowStart;
  regex.lastIndex = 0;
  for (;;) {
    const m = regex.exec(window);
    if (!m) return null;
    if (m.index > relStart) return null;
    if (m.index + m[0].length >= relEnd) return { start: windowStart + m.index, end: windowStart + m.index + m[0].length };
    regex.lastIndex = m.index + 1;
  }
}

/** A case-insensitive regex for a folded anchor literal (a space also matches a line break). */
export function anchorRegex(anchor: string): RegExp {
  return new RegExp(escapeLiteral(anchor), 'giu');
}
