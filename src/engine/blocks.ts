/**
 * Blocks in plain text (logs, pastes): the lines around a match up to a blank line,
 * at most BLOCK_LINES either side. Pages give real blocks (a code block, a comment).
 */
export const BLOCK_LINES = 25;

const isBlank = (text: string, from: number, to: number) => text.slice(from, to).trim() === '';

/** The block of `text` around [start, end) as a range of original offsets. */
export function blockAround(text: string, start: number, end: number): { start: number; end: number } {
  // Walk up: `from` is the start of the earliest non-blank line taken.
  let from = text.lastIndexOf('\n', start - 1) + 1;
  for (let k = 0; k < BLOCK_LINES && from > 0; k++) {
    const prevStart = text.lastIndexOf('\n', from - 2) + 1;
    if (isBlank(text, prevStart, from - 1)) break;
    from = prevStart;
  }
  // Walk down: `to` is the end of the last non-blank line taken.
  let to = text.indexOf('\n', Math.max(start, end - 1));
  if (to < 0) to = text.length;
  for (let k = 0; k < BLOCK_LINES && to < text.length; k++) {
    let nextEnd = text.indexOf('\n', to + 1);
    if (nextEnd < 0) nextEnd = text.length;
    if (isBlank(text, to + 1, nextEnd)) break;
    to = nextEnd;
  }
  return { start: from, end: to };
}
