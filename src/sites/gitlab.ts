/**
 * GitLab.com issues (also as work items), merge request overviews and epics.
 *
 * Sources of the selectors (GitLab's own Vue templates as found in public code, 2026-08):
 * - NOTE = `notes/components/note_body.vue` and work item `work_item_note_body.vue`:
 *   `.note-body > .note-text.md` (data-testid `work-item-note-body`), inside
 *   `timeline-entry-item` (`li.timeline-entry`) with class `note`.
 * - DESC = `work_item_description_rendered.vue`: `.work-item-description.description.md >
 *   [data-testid="work-item-description"]`; merge requests keep the HAML
 *   `.detail-page-description .description .md`.
 * - CODE = GitLab's Markdown code blocks `pre.code.highlight.js-syntax-highlight` with
 *   `span.line` children, wrapped in `.markdown-code-block`.
 * - THEME = `gl-dark` class on `html` (on `body` in older releases).
 */
import type { ExampleUrls, SiteAdapter, Theme } from './types';

export const EXAMPLE_URLS: ExampleUrls = {
  matches: [
    'https://gitlab.com/gitlab-org/gitlab/-/issues/337880',
    'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123456',
    'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123456#note_1',
    'https://gitlab.com/gitlab-org/gitlab/-/work_items/500', // issues opened as work items
    'https://gitlab.com/groups/gitlab-org/-/epics/123',
    'https://gitlab.com/gitlab-org/cli/-/issues/7', // top-level group, short path
    'https://gitlab.com/a/b/c/d/-/issues/12', // nested subgroups
  ],
  rejects: [
    'https://gitlab.com/gitlab-org/gitlab', // project home (code)
    'https://gitlab.com/gitlab-org/gitlab/-/issues', // issue list
    'https://gitlab.com/gitlab-org/gitlab/-/issues/new',
    'https://gitlab.com/gitlab-org/gitlab/-/merge_requests/123456/diffs', // diff view
    'https://gitlab.com/gitlab-org/gitlab/-/blob/master/README.md',
    'https://gitlab.com/gitlab-org/gitlab/-/tree/master/app',
    'https://gitlab.com/gitlab-org/gitlab/-/settings/ci_cd',
    'https://gitlab.com/-/profile',
    'https://github.com/gitlab-org/gitlab/issues/1',
  ],
};

const CONVERSATION_PATH = /^\/[^-/][^/]*(?:\/[^/]+)*\/-\/(?:issues|merge_requests|work_items|epics)\/\d+\/?$/;

export function isGitLabConversation(url: URL): boolean {
  return url.hostname === 'gitlab.com' && CONVERSATION_PATH.test(url.pathname);
}

export function gitlabTheme(doc: Document): Theme {
  return doc.documentElement.classList.contains('gl-dark') || doc.body?.classList.contains('gl-dark') ? 'dark' : 'light';
}

export const gitlab: SiteAdapter = {
  id: 'gitlab',
  name: 'GitLab',
  matches: ['https://gitlab.com/*'],
  defaultOn: true,
  isPage: isGitLabConversation,
  blocks: [
    '.note-text', // NOTE: one note's rendered Markdown
    '[data-testid="work-item-description"]', // DESC: work item / issue description
    '.description .md', // DESC: merge request description
    '.markdown-code-block', // CODE
    'pre.code',
    'pre',
  ].join(', '),
  comment: [
    '.note', // NOTE: one note (li.timeline-entry.note)
    '.timeline-entry',
    '.work-item-description', // DESC: the description is the first "comment"
    '.detail-page-description',
  ].join(', '),
  thread: [
    '[data-testid="work-item-detail"]',
    '.merge-request-details, .issue-details',
    '#content-body', // GitLab's main content column
  ].join(', '),
  skip: [
    '.note-edit-form', // editing an existing note
    '.js-main-target-form', // the new comment form at the bottom
    '.md-preview-holder', // live preview of a draft
    '.js-vue-markdown-field',
    '[data-testid="work-item-add-comment"]',
    '.discussion-reply-holder', // "Reply…" box under a thread
  ].join(', '),
  theme: gitlabTheme,
};
