/**
 * A badge host: a `<faultline-badge>` element placed beside a block (never inside the
 * text someone copies), holding its own shadow root where Preact renders the badges.
 */
import { h, render } from 'preact';
import { BadgeGroup, type BadgeItem } from '../ui/badge-group';
import badgeCss from '../ui/badge.css?inline';
import type { Theme } from '../sites/types';
import type { BadgeStyle } from '../platform/settings';

export const HOST_TAG = 'faultline-badge';

export interface BadgeHost {
  element: HTMLElement;
  update(items: BadgeItem[], look: { theme: Theme; badgeStyle: BadgeStyle }): void;
  /** Brings the host's `index`-th badge into view and focuses it (a repeat marker's target). */
  focusBadge(index: number): void;
  dispose(): void;
}

let hostCount = 0;
let sharedSheet: CSSStyleSheet | undefined;

/**
 * One constructed stylesheet shared by every badge's shadow root, so a page with many
 * badges (or one that re-renders them) does not parse the CSS again per badge. Where a
 * content script cannot adopt constructed sheets (Firefox's Xray wrappers), a <style>.
 */
export function adoptBadgeStyles(doc: Document, shadow: ShadowRoot): void {
  try {
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet;
    if (Sheet) {
      if (!sharedSheet) {
        sharedSheet = new Sheet();
        sharedSheet.replaceSync(badgeCss);
      }
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    }
  } catch {
    // fall through to a <style> element
  }
  const style = doc.createElement('style');
  style.textContent = badgeCss;
  shadow.append(style);
}

/**
 * A `<faultline-badge>` element marked as our UI (`data-faultline-ui`, which the scanner
 * never reads), with a styled shadow root and the element Preact renders into.
 */
export function createShadowMount(doc: Document, marker = ''): { element: HTMLElement; mount: HTMLElement } {
  const element = doc.createElement(HOST_TAG);
  element.setAttribute('data-faultline-ui', marker);
  // Mode "open" lets tests and assistive tech reach the badges; pages learn nothing they
  // could not already see (the badge is visible).
  const shadow = element.attachShadow({ mode: 'open' });
  adoptBadgeStyles(doc, shadow);
  const mount = doc.createElement('div');
  shadow.append(mount);
  return { element, mount };
}

export function createBadgeHost(doc: Document): BadgeHost {
  const { element, mount } = createShadowMount(doc);
  const idPrefix = `faultline-${++hostCount}`;
  return {
    element,
    update(items, look) {
      element.setAttribute('data-theme', look.theme);
      render(h(BadgeGroup, { items, badgeStyle: look.badgeStyle, idPrefix }), mount);
    },
    focusBadge(index) {
      const button = mount.querySelectorAll<HTMLElement>('.badge-wrap > button.badge')[index];
      button?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      button?.focus({ preventScroll: true });
    },
    dispose() {
      render(null, mount);
      element.remove();
    },
  };
}

/** Elements whose text flows inline: a badge after them would land inside a sentence. */
const INLINE = new Set(['A', 'ABBR', 'B', 'CODE', 'EM', 'I', 'KBD', 'MARK', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TT', 'VAR']);

/**
 * Where the badge for a match goes: after the part of the block that holds the match
 * (a code block, a paragraph, a closed `<details>` as a whole), or after the block
 * itself; never after an inline element, so copied sentences stay whole.
 */
export function anchorFor(block: Element, matchNode: Node): Element {
  let anchor: Element = block;
  // The child of `block` that contains the match, when it is block-level.
  let node: Node | null = matchNode;
  while (node && node.parentNode !== block) node = node.parentNode;
  if (node && node.nodeType === 1 && !INLINE.has((node as Element).tagName.toUpperCase())) anchor = node as Element;
  // A match inside <details> (maybe closed): badge after the outermost <details>, where
  // it is visible either way. The block may be the code block inside it.
  let outer: Element | undefined;
  for (let up = matchNode.parentElement?.closest('details'); up; up = up.parentElement?.closest('details')) outer = up;
  if (outer) anchor = outer;
  // Inline anchors (a block that is itself inline code): climb to a block-level parent.
  while (INLINE.has(anchor.tagName.toUpperCase()) && anchor.parentElement && anchor.parentElement.tagName !== 'PRE') {
    anchor = anchor.parentElement;
  }
  if (anchor.tagName === 'CODE' && anchor.parentElement?.tagName === 'PRE') anchor = anchor.parentElement;
  return anchor;
}
