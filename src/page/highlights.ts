/**
 * Matched text is marked with the CSS Custom Highlight API: ranges registered under one
 * name and styled by `::highlight()`, so the page's DOM is never wrapped or split.
 * https://developer.mozilla.org/docs/Web/API/CSS_Custom_Highlight_API
 *
 * The registry (`CSS.highlights`) and the style rule are the page's to read: registered
 * ranges would tell a page script exactly which text matched (a custom signature's error
 * text, say). So ranges are marked only while the card that explains them is open, under
 * a name that changes on every page load, and nothing is registered otherwise.
 */
import { markOwn, randomLetters } from './badge-host';

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
  clear(): void;
  readonly size: number;
}

export interface Highlights {
  /** Marks ranges (a card opened); they stay marked until `remove`. */
  add(ranges: Range[]): void;
  remove(ranges: Range[]): void;
  setEnabled(on: boolean): void;
  dispose(): void;
}

/** Marks ranges in `doc`; a no-op where the browser lacks the API (older Firefox). */
export function createHighlights(doc: Document, enabled: boolean): Highlights {
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = (view?.CSS as { highlights?: Map<string, HighlightLike> } | undefined)?.highlights;
  const HighlightCtor = (view as unknown as { Highlight?: new () => HighlightLike } | null)?.Highlight;
  if (!registry || !HighlightCtor) {
    return { add() {}, remove() {}, setEnabled() {}, dispose() {} };
  }
  const name = randomLetters(12);
  const highlight = new HighlightCtor();
  const style = doc.createElement('style');
  markOwn(style);
  style.textContent = `::highlight(${name}) { background-color: rgba(255, 138, 61, 0.28); text-decoration: underline wavy rgba(217, 72, 15, 0.9); text-decoration-thickness: 1px; }`;
  let on = enabled;
  /** Registered (and styled) only while enabled and holding ranges. */
  const sync = () => {
    const show = on && highlight.size > 0;
    if (show && !registry.has(name)) {
      registry.set(name, highlight);
      (doc.head ?? doc.documentElement).append(style);
    } else if (!show && registry.has(name)) {
      registry.delete(name);
      style.remove();
    }
  };
  return {
    add(ranges) {
      ranges.forEach((r) => highlight.add(r));
      sync();
    },
    remove(ranges) {
      ranges.forEach((r) => highlight.delete(r));
      sync();
    },
    setEnabled(next) {
      on = next;
      sync();
    },
    dispose() {
      highlight.clear();
      sync();
    },
  };
}
