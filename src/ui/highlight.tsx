/** Renders text with fuse.js match ranges as <mark>, without any HTML injection. */
import type { ComponentChildren } from 'preact';

type Range = readonly [number, number];

/**
 * Fuse reports every run of matched characters, so a typo-tolerant match also marks
 * scattered pairs ("ck", "il"). When longer runs exist, only those are marked: they are
 * what the person recognises as their query.
 */
const MIN_RUN = 3;
function meaningful(ranges: readonly Range[]): Range[] {
  const long = ranges.filter(([start, end]) => end - start + 1 >= MIN_RUN);
  return long.length > 0 ? long : [...ranges];
}

export function Highlight({ text, ranges }: { text: string; ranges?: readonly Range[] }) {
  if (!ranges || ranges.length === 0) return <>{text}</>;
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const [start, end] of meaningful(ranges).sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end + 1)}</mark>);
    at = end + 1;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
