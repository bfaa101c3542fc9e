/**
 * Any page, on demand: what "Scan this page" uses where no adapter applies. Code-like
 * elements and, failing those, paragraphs and list items, since docs and blogs often
 * paste errors as plain text.
 */
import { systemTheme, type SiteAdapter } from './types';

export const anyPage: SiteAdapter = {
  id: 'any-page',
  name: 'Any page (on demand)',
  matches: [],
  defaultOn: false,
  isPage: (url) => url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'file:',
  blocks: 'pre, code, samp, blockquote, p, li, td',
  comment: 'article, section, main',
  thread: 'main, body',
  skip: 'nav, header, footer, aside',
  theme: systemTheme,
};
