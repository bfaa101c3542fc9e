/**
 * Keys to move between badges: Alt+Shift+J to the next badge, Alt+Shift+K to the previous
 * one (the card says so). J and K because GitHub and many readers use them for "next" and
 * "previous"; with Alt+Shift they do not collide with the page's own bare j/k, and keys
 * typed into an editable field are left alone. Only real key presses count: a page's
 * synthetic events do not move the person's focus.
 */
export const NEXT_BADGE_KEY = 'KeyJ';
export const PREVIOUS_BADGE_KEY = 'KeyK';

export interface BadgeStop {
  element: Element;
  focus(): void;
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.closest !== 'function') return false;
  return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]');
}

/** The badge after (or before) the focused one, or after the top of the viewport when none has focus. */
export function nextStop(stops: BadgeStop[], active: Element | null, forward: boolean): BadgeStop | undefined {
  if (stops.length === 0) return undefined;
  const index = active ? stops.findIndex((s) => s.element === active) : -1;
  if (index >= 0) return stops[(index + (forward ? 1 : stops.length - 1)) % stops.length];
  // Nothing of ours has focus: start from what is on screen (client coordinates: the
  // viewport's top is 0).
  const tops = stops.map((s) => s.element.getBoundingClientRect().top);
  if (forward) return stops[tops.findIndex((t) => t >= 0)] ?? stops[0];
  const before = tops.map((t, k) => (t < 0 ? k : -1)).filter((k) => k >= 0);
  return stops[before[before.length - 1] ?? stops.length - 1];
}

export function listenForBadgeKeys(doc: Document, stops: () => BadgeStop[], signal: AbortSignal): void {
  doc.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      if (event.code !== NEXT_BADGE_KEY && event.code !== PREVIOUS_BADGE_KEY) return;
      if (isEditable(event.target)) return;
      const target = nextStop(stops(), doc.activeElement, event.code === NEXT_BADGE_KEY);
      if (!target) return;
      event.preventDefault();
      target.focus();
    },
    { signal, capture: true },
  );
}
