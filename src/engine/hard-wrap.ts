/**
 * Terminal hard-wraps: a terminal breaks a long line at its column width, and a copy
 * keeps the break, often in the middle of a word. We treat a paste as hard-wrapped when
 * its longest line length W (at least 60) occurs at least twice (or once, when W is a
 * common terminal width) and no line is longer: then every line of exactly W characters
 * continues on the next one.
 */
const MIN_WIDTH = 60;
const COMMON_TERMINAL_WIDTHS = new Set([80, 100, 120, 132, 160, 200]);

/** Offsets of the line breaks (`\n` or the `\r` of `\r\n`) that are terminal wraps. */
export function findHardWrapBreaks(text: string): Set<number> {
  const breaks: number[] = [];
  const lengths: number[] = [];
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      breaks.push(i);
      lengths.push(i - lineStart);
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      lineStart = i + 1;
    }
  }
  const wraps = new Set<number>();
  if (breaks.length < 2) return wraps;
  const lastLength = text.length - lineStart;
  let width = lastLength;
  for (const length of lengths) if (length > width) width = length;
  if (width < MIN_WIDTH) return wraps;
  let atWidth = 0;
  for (const length of lengths) if (length === width) atWidth++;
  // One line at a common terminal width is enough; otherwise ask for two.
  if (atWidth < 2 && !(atWidth === 1 && COMMON_TERMINAL_WIDTHS.has(width))) return wraps;
  for (let k = 0; k < breaks.length; k++) {
    if (lengths[k] === width) wraps.add(breaks[k]);
  }
  return wraps;
}
