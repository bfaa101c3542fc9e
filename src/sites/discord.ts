/**
 * Discord web client: the message list of a channel, DM or thread. Off by default.
 * Messages re-render and are virtualized, so the content script must rescan added nodes;
 * class names carry build hashes (`messageContent_f9f2ca`), so selectors use ids and
 * ARIA wiring or `[class*=]` prefixes only.
 *
 * Sources (public userscripts and extensions that read Discord's DOM, found by code
 * search 2026-08; the index names no repository for them):
 * - message items `li[id^="chat-messages-"]` (id `chat-messages-<channel>-<message>`)
 *   inside `ol[data-list-id="chat-messages"]`; content `[id^="message-content-"]`;
 *   `[id^="message-accessories-"]` holds embeds (`article[class*="embed"]`).
 * - code blocks `pre > code.hljs` (highlight.js), e.g. Arashiryuu/crap
 *   `Miscellanious/jsMaterialThemeCodeblocks.plugin.js` (`.markup pre code.hljs`).
 * - theme: `theme-dark` / `theme-light` (and `theme-darker`, `theme-midnight`) on `html`.
 */
import { systemTheme, type ExampleUrls, type SiteAdapter, type Theme } from './types';

export const EXAMPLE_URLS: ExampleUrls = {
  matches: [
    'https://discord.com/channels/1234567890123456789/1234567890123456790',
    'https://discord.com/channels/1234567890123456789/1234567890123456790/1234567890123456791', // message link
    'https://discord.com/channels/@me/1234567890123456790', // direct message
    'https://ptb.discord.com/channels/1234567890123456789/1234567890123456790',
    'https://canary.discord.com/channels/1234567890123456789/1234567890123456790',
  ],
  rejects: [
    'https://discord.com/', // marketing
    'https://discord.com/app',
    'https://discord.com/login',
    'https://discord.com/channels/@me', // friends list
    'https://discord.com/channels/1234567890123456789', // server without a channel
    'https://discord.com/developers/docs/intro',
    'https://discord.gg/abc',
  ],
};

const HOSTS = new Set(['discord.com', 'ptb.discord.com', 'canary.discord.com']);

export function isDiscordChannel(url: URL): boolean {
  return HOSTS.has(url.hostname) && /^\/channels\/(?:@me|\d+)\/\d+(?:\/\d+)?\/?$/.test(url.pathname);
}

export function discordTheme(doc: Document): Theme {
  const html = doc.documentElement.classList;
  if (html.contains('theme-light')) return 'light';
  if (['theme-dark', 'theme-darker', 'theme-midnight'].some((name) => html.contains(name))) return 'dark';
  return systemTheme(doc);
}

export const discord: SiteAdapter = {
  id: 'discord',
  name: 'Discord',
  matches: ['https://discord.com/*', 'https://ptb.discord.com/*', 'https://canary.discord.com/*'],
  defaultOn: false,
  isPage: isDiscordChannel,
  blocks: [
    '[id^="message-content-"]', // the message's own Markdown text
    '[id^="message-accessories-"] article', // embeds (link previews, bot embeds)
    'pre', // code blocks
  ].join(', '),
  comment: 'li[id^="chat-messages-"], [data-list-item-id^="chat-messages"]',
  thread: 'ol[data-list-id="chat-messages"]',
  skip: [
    '[id^="message-reply-context-"]', // the quoted message a reply points to: scanned where it lives
    '[class*="repliedTextPreview"]',
    'form', // the composer (a Slate contenteditable)
    '[role="textbox"]',
  ].join(', '),
  theme: discordTheme,
};
