/**
 * A site adapter says, declaratively, where Faultline looks on one family of pages.
 * Adapters hold data and small predicates only: no DOM mutation, no browser APIs.
 */

export type Theme = 'light' | 'dark';

export interface SiteAdapter {
  /** Stable id, also the file name: `src/sites/<id>.ts`. Used as the settings key. */
  id: string;
  /** Human name shown in the options page. */
  name: string;
  /** Host match patterns (manifest syntax) this adapter covers. */
  matches: readonly string[];
  /** On without the person's action (host permission in the manifest). */
  defaultOn: boolean;
  /** True when this adapter handles the page at `url` (path-level precision). */
  isPage(url: URL): boolean;
  /**
   * CSS selector for the blocks to scan: code blocks, comment or post bodies, chat
   * messages. A block inside another matched block is scanned as part of the outer one
   * only when the outer one is not a comment body, see `comment`.
   */
  blocks: string;
  /** CSS selector of one comment / post / message: the "comment" ranking context. */
  comment: string;
  /** CSS selector of the thread root: the "page" ranking context. Falls back to body. */
  thread: string;
  /** Subtrees never scanned inside a block (editors, reply boxes, hidden previews). */
  skip: string;
  /** The page's current theme. */
  theme(doc: Document): Theme;
}

/**
 * URLs that prove an adapter's `isPage`: each `matches` URL must be handled (and be
 * covered by a host pattern in `matches`), each `rejects` URL must not. Replayed by
 * tests/sites/adapters.test.ts.
 */
export interface ExampleUrls {
  matches: readonly string[];
  rejects: readonly string[];
}

/**
 * Always skipped, whatever the adapter says: editable text. Our own UI needs no selector:
 * its hosts hold nothing but a closed shadow root, which text extraction never enters.
 */
export const ALWAYS_SKIP =
  'textarea, input, select, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], .cm-editor, .monaco-editor, .CodeMirror, .ace_editor';

/** Theme from `prefers-color-scheme`, for sites that follow the system. */
export function systemTheme(doc: Document): Theme {
  return doc.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
