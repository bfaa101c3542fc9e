/**
 * Syntax check for raw `regex:` patterns: they must compile, use only bounded repetition
 * and no backreferences. Whether their verification is fast enough whatever the text is
 * decided for every compiled pattern by `regex-bound.ts`.
 */
import { parseBoundedRegex, RegexSyntaxError } from '../engine/regex-syntax';

export const MAX_REPEAT = 500;

/** Returns a problem description, or null when the regex is acceptable. */
export function checkRegexSafety(source: string, anchor: string): string | null {
  try {
    new RegExp(source, 'iu');
  } catch (error) {
    return `does not compile as a JavaScript regex with flags "iu": ${(error as Error).message}`;
  }
  try {
    parseBoundedRegex(source, { maxRepeat: MAX_REPEAT });
  } catch (error) {
    if (error instanceof RegexSyntaxError) return error.message;
    throw error;
  }
  if (anchor.trim().length < 4) return 'anchor must be a literal of at least 4 characters';
  return null;
}
