/**
 * Slack in the browser (app.slack.com/client): channel, DM and thread messages. Off by
 * default. The message list is a virtual list: items mount and unmount as you scroll.
 *
 * Sources (public userscripts, extensions and tests that read Slack's DOM, found by code
 * search 2026-08; the index names no repository for them):
 * - message item `.c-virtual_list__item` (with `data-item-key`, the message ts) holding
 *   `[data-qa="message_container"]` / `.c-message_kit__message`;
 * - text `.c-message_kit__blocks` > `.p-block_kit_renderer` > `.p-rich_text_block` >
 *   `.p-rich_text_section`; code `pre.c-mrkdwn__pre`, inline `code.c-mrkdwn__code`;
 * - composer `[data-qa="message_input"]` (a Quill `.ql-editor` contenteditable);
 * - theme `sk-client-theme--dark` / `sk-client-theme--light` on `body` (or a wrapper).
 */
import { systemTheme, type ExampleUrls, type SiteAdapter, type Theme } from './types';

export const EXAMPLE_URLS: ExampleUrls = {
  matches: [
    'https://app.slack.com/client/T0123ABCD/C0456EFGH',
    'https://app.slack.com/client/T0123ABCD/C0456EFGH/thread/C0456EFGH-1700000000.123456',
    'https://app.slack.com/client/T0123ABCD/D0789IJKL', // direct message
    'https://app.slack.com/client/E0123ABCD/G0456EFGH', // Enterprise Grid, private group
  ],
  rejects: [
    'https://app.slack.com/client/T0123ABCD', // workspace home
    'https://app.slack.com/client/T0123ABCD/unreads',
    'https://app.slack.com/client/T0123ABCD/activity',
    'https://app.slack.com/client/T0123ABCD/browse-channels',
    'https://slack.com/',
    'https://example.slack.com/archives/C0456EFGH',
  ],
};

export function isSlackConversation(url: URL): boolean {
  return url.hostname === 'app.slack.com' && /^\/client\/[TE][A-Z0-9]+\/[CDG][A-Z0-9]+(?:\/|$)/.test(url.pathname);
}

export function slackTheme(doc: Document): Theme {
  if (doc.querySelector('.sk-client-theme--dark')) return 'dark';
  if (doc.querySelector('.sk-client-theme--light')) return 'light';
  return systemTheme(doc);
}

export const slack: SiteAdapter = {
  id: 'slack',
  name: 'Slack',
  matches: ['https://app.slack.com/*'],
  defaultOn: false,
  isPage: isSlackConversation,
  blocks: [
    '.c-message_kit__blocks', // the message body
    '.p-rich_text_section',
    'pre.c-mrkdwn__pre',
    '.c-message_attachment', // unfurls and bot attachments
  ].join(', '),
  comment: '.c-virtual_list__item, [data-qa="message_container"]',
  thread: '[data-qa="message_pane"], .p-workspace__primary_view, .c-message_list',
  skip: [
    '[data-qa="message_input"]', // composer
    '.ql-editor',
    '.c-texty_input',
    '.c-message_kit__editor', // editing an existing message
  ].join(', '),
  theme: slackTheme,
};
