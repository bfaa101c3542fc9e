/**
 * Blocks in plain text (logs, pastes): the lines around a match up to a blank line,
 * at most BLOCK_LINES either side. Pages give real blocks (a code block, a comment).
 */
export const BLOCK_LINES = 25;
/** A line longer than this is cut when looking for a block's edges, so a text without line breaks costs the same per match. */
const MAX_LINE = 10_000;
/**
 * Where a long line is cut, the cut snaps to a grid of this step: matches close together
 * on one huge line then get the same block text, so ranking reads it (and caches its
 * facts) once instead of once per match (837 matches on one 51 KB line took seconds).
 */
const CUT_STEP = MAX_LINE / 2;

const isBreak = (code: number) => code === 0x0a || code === 0x0d;
const cell = (pos: number) => pos - (pos % CUT_STEP);

/** Start of the line holding `pos` (after a `\n` or a lone `\r`), cut between MAX_LINE / 2 and MAX_LINE back. */
function lineStart(text: string, pos: number): number {
  const limit = Math.max(0, cell(pos) - CUT_STEP);
  let i = pos;
  while (i > limit && !isBreak(text.charCodeAt(i - 1))) i--;
  return i;
}

/** End of the line holding `pos` (its break, or the end of text), cut between MAX_LINE / 2 and MAX_LINE on. */
function lineEnd(text: string, pos: number): number {
  const limit = Math.min(text.length, cell(pos) + 2 * CUT_STEP);
  let i = pos;
  while (i < limit && !isBreak(text.charCodeAt(i))) i++;
  return i;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && !isBreak(c)) return false;
  }
  return true;
}

/** The block of `text` around [start, end) as a range of original offsets. */
export function blockAround(text: string, start: number, end: number): { start: number; end: number } {
  // Walk up: `from` is the start of the earliest non-blank line taken.
  let from = lineStart(text, start);
  for (let k = 0; k < BLOCK_LINES && from > 0 && isBreak(text.charCodeAt(from - 1)); k++) {
    let prevEnd = from - 1;
    if (prevEnd > 0 && text.charCodeAt(prevEnd) === 0x0a && text.charCodeAt(prevEnd - 1) === 0x0d) prevEnd--;
    const prevStart = lineStart(text, prevEnd);
    if (isBlank(text, prevStart, prevEnd)) break;
    from = prevStart;
  }
  // Walk down: `to` is the end of the last non-blank line taken.
  let to = lineEnd(text, Math.max(start, end - 1));
  for (let k = 0; k < BLOCK_LINES && to < text.length && isBreak(text.charCodeAt(to)); k++) {
    let nextStart = to + 1;
    if (text.charCodeAt(to) === 0x0d && text.charCodeAt(nextStart) === 0x0a) nextStart++;
    const nextEnd = lineEnd(text, nextStart);
    if (isBlank(text, nextStart, nextEnd)) break;
    to = nextEnd;
  }
  return { start: from, end: to };
}
