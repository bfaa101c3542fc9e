// Loads a page fixture into its own happy-dom window at the page's real URL, so adapters
// see the same document, URL and color-scheme preference they would in the browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';

export const PAGES_DIR = join(__dirname, '..', 'fixtures', 'pages');

export function loadPage(fixture: string, url: string, colorScheme: 'light' | 'dark' = 'light'): Document {
  const window = new Window({ url, settings: { device: { prefersColorScheme: colorScheme } } });
  window.document.write(readFileSync(join(PAGES_DIR, `${fixture}.html`), 'utf8'));
  return window.document as unknown as Document;
}

/** True when `pattern` (manifest match-pattern syntax, https only) covers `url`. */
export function patternCovers(pattern: string, url: URL): boolean {
  const m = /^(https|\*):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (url.hostname !== base && !url.hostname.endsWith(`.${base}`)) return false;
    } else if (url.hostname !== host) return false;
  }
  const pathRe = new RegExp(`^${path.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return pathRe.test(url.pathname + url.search);
}

/** Whether `pattern` is a valid host match pattern in manifest syntax. */
export function isValidMatchPattern(pattern: string): boolean {
  return /^(https?|\*):\/\/(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+)\/[^\s]*$/.test(pattern);
}
