/**
 * Stack Overflow and the Stack Exchange sites (and their meta sites): the question,
 * its answers and every comment.
 *
 * Sources of the selectors (2026-08):
 * - SPECTRIC = SpectricSO/stack-scripts: `scripts/LinkPreview/v1.0/script.user.js`
 *   (`.js-post-body`, `.comment .comment-copy`), `scripts/link-finder/v1/script.user.js`
 *   (`.answer` with `data-answerid`), `scripts/reply-overflow/v1/script.user.js`
 *   (`.js-post-comments-component`, `.comment-text`, `.comment-body`),
 *   `scripts/CommentAssist/v1.2/script.user.js` (`.js-comment-text-input` textarea)
 * - THEME = gist patrickroberts/b0c62bddd710f3a3dca5f1d2cadfd678 ("Stack Overflow Theme
 *   Toggle"): `body.theme-system` follows prefers-color-scheme, else `body.theme-dark`.
 * - Stacks (StackExchange/Stacks) classes `s-prose`, `s-code-block`.
 */
import { systemTheme, type ExampleUrls, type SiteAdapter, type Theme } from './types';

export const EXAMPLE_URLS: ExampleUrls = {
  matches: [
    'https://stackoverflow.com/questions/9722407/how-do-you-resolve-eresolve',
    'https://stackoverflow.com/questions/9722407',
    'https://stackoverflow.com/q/9722407', // short share link
    'https://stackoverflow.com/a/9722408', // answer share link
    'https://meta.stackoverflow.com/questions/251938/title',
    'https://pt.stackoverflow.com/questions/1/title', // localized Stack Overflow
    'https://superuser.com/questions/1135343/title',
    'https://serverfault.com/questions/1/title',
    'https://askubuntu.com/questions/1465218/pip-error-externally-managed-environment',
    'https://meta.askubuntu.com/questions/1/title',
    'https://unix.stackexchange.com/questions/1/title',
    'https://meta.unix.stackexchange.com/questions/1/title',
  ],
  rejects: [
    'https://stackoverflow.com/', // home
    'https://stackoverflow.com/questions', // list
    'https://stackoverflow.com/questions/tagged/npm',
    'https://stackoverflow.com/questions/ask',
    'https://stackoverflow.com/users/1/jeff-atwood',
    'https://stackexchange.com/questions/1', // the network hub has no question pages
    'https://chat.stackexchange.com/rooms/1/sandbox',
    'https://chat.stackoverflow.com/rooms/17/javascript',
    'https://notstackoverflow.com/questions/1',
  ],
};

const SITES = ['stackoverflow.com', 'superuser.com', 'serverfault.com', 'askubuntu.com'];

function isStackExchangeHost(host: string): boolean {
  if (host.startsWith('chat.')) return false;
  if (SITES.some((site) => host === site || host.endsWith(`.${site}`))) return true;
  return host.endsWith('.stackexchange.com');
}

export function isStackExchangeQuestion(url: URL): boolean {
  return isStackExchangeHost(url.hostname) && /^\/(?:questions|q|a)\/\d+(?:\/|$)/.test(url.pathname);
}

/** THEME: `theme-system` follows the system; `theme-dark` forces dark (also `theme-highcontrast theme-dark`). */
export function stackExchangeTheme(doc: Document): Theme {
  const body = doc.body?.classList;
  if (!body) return 'light';
  if (body.contains('theme-system')) return systemTheme(doc);
  return body.contains('theme-dark') ? 'dark' : 'light';
}

export const stackexchange: SiteAdapter = {
  id: 'stackexchange',
  name: 'Stack Overflow and Stack Exchange',
  matches: [
    'https://stackoverflow.com/*',
    'https://*.stackoverflow.com/*',
    'https://superuser.com/*',
    'https://*.superuser.com/*',
    'https://serverfault.com/*',
    'https://*.serverfault.com/*',
    'https://askubuntu.com/*',
    'https://*.askubuntu.com/*',
    'https://*.stackexchange.com/*',
  ],
  defaultOn: true,
  isPage: isStackExchangeQuestion,
  blocks: [
    '.js-post-body', // SPECTRIC LinkPreview: question and answer bodies (`.s-prose`)
    '.comment-copy', // SPECTRIC LinkPreview: one comment's text
    'pre', // `pre.s-code-block`
  ].join(', '),
  comment: [
    '.comment', // SPECTRIC LinkPreview: `li.comment`
    '.answer', // SPECTRIC link-finder: `div.answer[data-answerid]`
    '.question', // `#question.question`
  ].join(', '),
  thread: '#mainbar',
  skip: [
    '.js-comment-form-layout', // "Add a comment" form (SPECTRIC CommentAssist)
    '.wmd-preview', // live preview of your answer draft (`#wmd-preview`)
    '#post-form', // "Your Answer" editor
    '.js-stacks-validation-message',
  ].join(', '),
  theme: stackExchangeTheme,
};
