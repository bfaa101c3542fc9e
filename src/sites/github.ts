/**
 * GitHub conversations: issues (React issue viewer and the classic view), pull request
 * conversations, discussions and commit comments. Not code browsing, diffs or settings.
 *
 * Sources of the selectors (read 2026-08):
 * - RGH = refined-github/refined-github `source/` (features and github-helpers)
 * - URLDET = refined-github/github-url-detection `index.ts` (URL predicates + examples)
 * - GHUI = GitHub's `@github-ui/commenting` TEST_IDS as mirrored in public code
 *   (`commentViewerOuterBox`, `markdownBody`, `commentComposer`, `markdown-editor-*`)
 * - STATICPH = StaticPH/Userscripts `legacy_browser_workarounds/github_show_issue_comments_workaround.user.js`
 *   (a rebuild of the React issue comment markup, used for the fixtures)
 */
import { systemTheme, type ExampleUrls, type SiteAdapter, type Theme } from './types';

export const EXAMPLE_URLS: ExampleUrls = {
  matches: [
    'https://github.com/sindresorhus/refined-github/issues/146', // URLDET isIssue
    'https://github.com/modelcontextprotocol/python-sdk/issues/2610#issuecomment-1',
    'https://github.com/sindresorhus/refined-github/pull/148', // URLDET isPRConversation
    'https://github.com/sindresorhus/refined-github/pull/148/', // trailing slash
    'https://github.com/tophf/mpiv/discussions/50', // URLDET isDiscussion
    'https://github.com/orgs/community/discussions/11202', // URLDET isDiscussion (org)
    'https://github.com/sindresorhus/refined-github/commit/5b614b9035f2035b839f48b4db7bd5c3298d526f', // URLDET isSingleCommit
    'https://github.com/sindresorhus/refined-github/commit/5b614',
  ],
  rejects: [
    'https://github.com/sindresorhus/refined-github', // repo root (code)
    'https://github.com/sindresorhus/refined-github/blob/master/.gitattributes', // URLDET isSingleFile
    'https://github.com/sindresorhus/refined-github/tree/main/source', // URLDET isRepoTree
    'https://github.com/sindresorhus/refined-github/settings', // URLDET isRepoSettings
    'https://github.com/sindresorhus/refined-github/issues', // issue list
    'https://github.com/sindresorhus/refined-github/issues/new', // URLDET isNewIssue
    'https://github.com/sindresorhus/refined-github/pull/148/files', // URLDET isPRFiles
    'https://github.com/sindresorhus/refined-github/pull/148/commits/1e27d79', // URLDET isPRCommit (diff)
    'https://github.com/tophf/mpiv/discussions', // URLDET isDiscussionList
    'https://github.com/orgs/refined-github/teams/core-team/discussions/1', // URLDET isTeamDiscussion
    'https://github.com/settings/profile',
    'https://github.com/notifications',
    'https://gist.github.com/fregante/2205329b71218fa2c1d3',
    'https://gitlab.com/gitlab-org/gitlab/-/issues/1',
  ],
};

// First path segments that are GitHub pages, not owners (a subset of URLDET's reserved names).
const RESERVED_OWNERS = new Set([
  'settings', 'orgs', 'organizations', 'notifications', 'marketplace', 'sponsors', 'topics',
  'apps', 'features', 'enterprise', 'login', 'search', 'explore', 'pulls', 'issues', 'new',
  'codespaces', 'collections', 'trending', 'users', 'site', 'about', 'pricing', 'security',
]);

/** Path-level precision after URLDET's isIssue / isPRConversation / isDiscussion / isSingleCommit. */
export function isGitHubConversation(url: URL): boolean {
  if (url.hostname !== 'github.com') return false;
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'orgs') return parts.length === 4 && parts[2] === 'discussions' && /^\d+$/.test(parts[3]);
  if (parts.length !== 4 || RESERVED_OWNERS.has(parts[0])) return false;
  const [, , kind, id] = parts;
  if (kind === 'issues' || kind === 'pull' || kind === 'discussions') return /^\d+$/.test(id);
  return kind === 'commit' && /^[\da-f]{5,40}$/.test(id);
}

/** `html[data-color-mode]` picks the day or night theme; `auto` follows the system (RGH night-not-found.css). */
export function githubTheme(doc: Document): Theme {
  const html = doc.documentElement;
  const mode = html.getAttribute('data-color-mode');
  const day = html.getAttribute('data-light-theme') ?? 'light';
  const night = html.getAttribute('data-dark-theme') ?? 'dark';
  const active = mode === 'dark' ? night : mode === 'light' ? day : systemTheme(doc) === 'dark' ? night : day;
  // Theme names: light, light_high_contrast, dark, dark_dimmed, dark_high_contrast, ...
  return active.startsWith('dark') ? 'dark' : 'light';
}

export const github: SiteAdapter = {
  id: 'github',
  name: 'GitHub',
  matches: ['https://github.com/*'],
  defaultOn: true,
  isPage: isGitHubConversation,
  blocks: [
    '.comment-body', // classic comment bodies (RGH hide-low-quality-comments, scrollable-areas)
    '.markdown-body', // every rendered Markdown container (RGH dom-formatters `.markdown-body code`)
    '[data-testid="markdown-body"]', // React viewers (GHUI markdownBody, RGH scrollable-areas)
    '.highlight', // fenced code wrapper (RGH dom-formatters `:is(.snippet-clipboard-content, .highlight) > pre`)
    '.snippet-clipboard-content',
    'pre',
  ].join(', '),
  comment: [
    '.react-issue-body', // React issue description (RGH get-comment-author)
    '.react-issue-comment', // React issue comment (RGH get-comment-author)
    '[data-testid^="comment-viewer-outer-box"]', // GHUI commentViewerOuterBox(id)
    '[data-testid="review-thread"] > div', // React commit view comment (RGH comments-time-machine-links)
    '.timeline-comment', // classic issue/PR/discussion comment (RGH conversation-activity-filter)
    '.review-comment', // PR review comment (RGH get-comment-author)
    '.js-comment-container', // classic timeline comment wrapper (RGH quick-mention)
  ].join(', '),
  thread: [
    '[data-testid="issue-viewer-container"]', // React issue viewer root (public userscripts)
    '#discussion_bucket', // classic PR conversation
    '.js-discussion', // classic conversation and discussion timeline (RGH closing-remarks)
    '#comments', // commit comments
  ].join(', '),
  skip: [
    '#react-issue-comment-composer', // RGH selectors.ts commentBoxHashIssue
    '[data-testid="comment-composer"]', // GHUI commentComposer
    '[data-testid^="markdown-editor-"]', // GHUI commentBox(postFix)
    '.js-comment-edit-form', // classic edit form (holds a hidden preview)
    '.js-comment-update',
    '.js-previewable-comment-form', // classic new-comment form
    '.js-preview-body', // classic live preview of your draft (RGH shorten-links)
    '.js-inline-comment-form',
    '.timeline-comment-actions', // menus
    '.zeroclipboard-container', // copy buttons next to code blocks
    // A reply's quote of an earlier comment ("Quote reply"): that comment has its own badge.
    '.react-issue-comment blockquote',
    '.review-comment blockquote',
  ].join(', '),
  theme: githubTheme,
};
