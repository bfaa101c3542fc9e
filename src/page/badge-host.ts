/**
 * A badge host: an element placed beside a block (never inside the text someone copies),
 * holding a closed shadow root where Preact renders the badges.
 *
 * What the page can learn: that something matched (a badge appears, with its size), and
 * nothing else. The root is closed, so page scripts cannot read the badge's text, card or
 * cause, nor click inside it; no attribute names an entry; the tag name is random per
 * page load, so a page cannot select or style our hosts by name.
 */
import { h, render } from 'preact';
import { BadgeGroup, type BadgeItem } from '../ui/badge-group';
import badgeCss from '../ui/badge.css?inline';
import type { Theme } from '../sites/types';
import type { BadgeStyle } from '../platform/settings';

/** `n` random lowercase letters: names of ours a page cannot predict. */
export const randomLetters = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => String.fromCharCode(97 + (b % 26))).join('');
/** A valid custom-element name, different on every page load. */
export const HOST_TAG = `${randomLetters(5)}-${randomLetters(6)}`;

/** Our elements in the page (hosts, the highlight style): the scanner never reads them. */
const ownElements = new WeakSet<Element>();
/** The closed roots, reachable only from this (isolated) world. */
const shadowRoots = new WeakMap<Element, ShadowRoot>();

export function markOwn(element: Element): void {
  ownElements.add(element);
}

export function isOwnElement(element: Element | null): boolean {
  for (let el = element; el; el = el.parentElement) if (ownElements.has(el)) return true;
  return false;
}

/** A host's closed shadow root (for the badge host itself, and for unit tests in this world). */
export function shadowRootOf(host: Element): ShadowRoot | undefined {
  return shadowRoots.get(host);
}

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
 * A host element marked as ours (which the scanner never reads), with a styled closed
 * shadow root and the element Preact renders into. Assistive technology reads closed
 * roots like open ones; only page scripts cannot.
 */
export function createShadowMount(doc: Document): { element: HTMLElement; mount: HTMLElement } {
  const element = doc.createElement(HOST_TAG);
  markOwn(element);
  const shadow = element.attachShadow({ mode: 'closed' });
  shadowRoots.set(element, shadow);
  adoptBadgeStyles(doc, shadow);
  const mount = doc.createElement('div');
  shadow.append(mount);
  return { element, mount };
}

export function createBadgeHost(doc: Document): BadgeHost {
  const { element, mount } = createShadowMount(doc);
  const idPrefix = `b${++hostCount}`;
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
