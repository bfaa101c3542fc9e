/** Background service worker: registers message handlers and menus. */
export function startBackground(): void {
  // Filled in by the background features.
}
