/** A heading whose level follows its place on the page, so the outline never skips a level. */
import { h, type ComponentChildren } from 'preact';

export function Heading({ level, children, ...rest }: { level: number; id?: string; class?: string; children: ComponentChildren }) {
  return h(`h${Math.min(6, Math.max(1, level))}`, rest, children);
}
