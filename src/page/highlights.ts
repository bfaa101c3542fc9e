/**
 * Matched text is marked with the CSS Custom Highlight API: ranges registered under one
 * name and styled by `::highlight()`, so the page's DOM is never wrapped or split.
 * https://developer.mozilla.org/docs/Web/API/CSS_Custom_Highlight_API
 */
export const HIGHLIGHT_NAME = 'faultline-match';

const RULE = `::highlight(${HIGHLIGHT_NAME}) { background-color: rgba(255, 138, 61, 0.28); text-decoration: underline wavy rgba(217, 72, 15, 0.9); text-decoration-thickness: 1px; }`;

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
  clear(): void;
}

export interface Highlights {
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
  const highlight = new HighlightCtor();
  const style = doc.createElement('style');
  style.setAttribute('data-faultline-ui', '');
  style.textContent = RULE;
  let on = false;
  const setEnabled = (next: boolean) => {
    if (next === on) return;
    on = next;
    if (on) {
      registry.set(HIGHLIGHT_NAME, highlight);
      (doc.head ?? doc.documentElement).append(style);
    } else {
      registry.delete(HIGHLIGHT_NAME);
      style.remove();
    }
  };
  setEnabled(enabled);
  return {
    add: (ranges) => ranges.forEach((r) => highlight.add(r)),
    remove: (ranges) => ranges.forEach((r) => highlight.delete(r)),
    setEnabled,
    dispose() {
      highlight.clear();
      setEnabled(false);
    },
  };
}
