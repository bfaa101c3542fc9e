/**
 * Handlers that act for the person (open a tab, copy, jump, show all) run only for events
 * the browser made from real input. In a content script a page cannot reach inside our
 * closed roots, but it can dispatch events; `isTrusted` is false for every event a script
 * creates, so a page cannot act for the person. Extension pages and unit tests (whose
 * events are synthetic) leave the check off; the content script turns it on.
 */
let required = false;

export function requireTrustedEvents(): void {
  required = true;
}

export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (required && !event.isTrusted) return;
    handler(event);
  };
}
