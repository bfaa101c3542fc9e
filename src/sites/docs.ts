/**
 * Documentation of the tools the knowledge base covers: off by default, granted as an
 * optional host permission. Only hosts the knowledge base cites as a source, or the
 * official docs of a tool with many entries, are listed; each says why.
 * Doc sites differ (Mintlify, Docusaurus, MkDocs Material, Sphinx, Hugo), so blocks are
 * the common semantic elements plus the usual admonition classes.
 */
import { systemTheme, type ExampleUrls, type SiteAdapter, type Theme } from './types';

interface DocHost {
  host: string;
  /** Path prefixes that are documentation; all paths when absent. */
  paths?: RegExp;
  /** Why this host is listed (a cited source in knowledge/, or the entries it documents). */
  why: string;
}

const LOCALE = '(?:[a-z]{2}(?:[-_][A-Za-z]{2,4})?/)?';

export const DOC_HOSTS: readonly DocHost[] = [
  { host: 'modelcontextprotocol.io', why: 'cited by knowledge/mcp (docs/tools/debugging)' },
  { host: 'docs.anthropic.com', why: 'cited by knowledge/llm-api (api/rate-limits)' },
  { host: 'docs.claude.com', why: 'cited by knowledge/claude-code and llm-api (api/errors, network-config)' },
  { host: 'platform.claude.com', paths: /^\/docs\//, why: 'cited by knowledge/llm-api (docs/en/api/rate-limits)' },
  { host: 'code.claude.com', paths: /^\/docs\//, why: 'cited by knowledge/claude-code (docs/*/env-vars)' },
  { host: 'platform.openai.com', paths: /^\/docs\//, why: 'cited by knowledge/llm-api (docs/guides/error-codes)' },
  { host: 'developers.openai.com', why: 'cited by knowledge/llm-api and codex-cli (docs/guides/error-codes)' },
  { host: 'ai.google.dev', paths: /^\/(?:gemini-api\/docs|api|docs)\//, why: 'cited by knowledge/gemini (gemini-api/docs/rate-limits)' },
  { host: 'cloud.google.com', paths: /^\/(?:vertex-ai|docs\/authentication|sdk\/gcloud)\//, why: 'cited by knowledge/gemini (vertex-ai error-code-429, set-up-adc)' },
  { host: 'docs.cloud.google.com', paths: /^\/(?:vertex-ai|docs\/authentication)\//, why: 'cited by knowledge/gemini (provide-credentials-adc)' },
  { host: 'geminicli.com', paths: /^\/docs\//, why: 'cited by knowledge/gemini (docs/get-started/authentication)' },
  { host: 'docs.ollama.com', why: 'cited by knowledge/ollama (faq)' },
  { host: 'docs.github.com', why: 'cited by knowledge/copilot and git (copilot billing, remote repositories)' },
  { host: 'cursor.com', paths: new RegExp(`^/${LOCALE}(?:docs|help)/`), why: 'cited by knowledge/cursor (docs/account/regions)' },
  { host: 'docs.cursor.com', why: 'former Cursor docs host, mentioned in knowledge/cursor' },
  { host: 'openrouter.ai', paths: /^\/docs\//, why: 'cited by knowledge/llm-api (docs/provider-routing)' },
  { host: 'docs.litellm.ai', why: 'cited by knowledge/llm-api (docs/providers)' },
  { host: 'docs.npmjs.com', why: 'cited by knowledge/npm (cli/commands/npx); 12 npm entries' },
  { host: 'nodejs.org', paths: new RegExp(`^/(?:${LOCALE})?(?:api|docs|learn)/`), why: '15 knowledge/node entries' },
  { host: 'git-scm.com', paths: /^\/(?:docs|book)\//, why: '11 knowledge/git entries (git-scm.com cited for downloads)' },
  { host: 'docs.docker.com', why: '10 knowledge/docker entries' },
  { host: 'docs.python.org', why: '13 knowledge/python entries' },
  { host: 'packaging.python.org', why: 'cited by knowledge/python (externally-managed-environments)' },
  { host: 'pip.pypa.io', why: 'cited by knowledge/python (dependency-resolution)' },
  { host: 'code.visualstudio.com', paths: /^\/docs\//, why: 'mentioned in knowledge/copilot; 8 entries for VS Code' },
  { host: 'learn.microsoft.com', paths: new RegExp(`^/${LOCALE}powershell/`), why: 'cited by knowledge/os (set-executionpolicy)' },
];

export const EXAMPLE_URLS: ExampleUrls = {
  matches: [
    'https://modelcontextprotocol.io/docs/tools/debugging',
    'https://docs.claude.com/en/api/errors',
    'https://docs.claude.com/zh-CN/docs/claude-code/network-config',
    'https://platform.claude.com/docs/en/api/rate-limits',
    'https://code.claude.com/docs/de/env-vars',
    'https://platform.openai.com/docs/guides/error-codes',
    'https://developers.openai.com/docs/guides/error-codes',
    'https://ai.google.dev/gemini-api/docs/rate-limits?hl=en',
    'https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429',
    'https://cloud.google.com/docs/authentication/external/set-up-adc',
    'https://geminicli.com/docs/get-started/authentication',
    'https://docs.ollama.com/faq',
    'https://docs.github.com/en/get-started/getting-started-with-git/about-remote-repositories',
    'https://cursor.com/docs/account/regions',
    'https://cursor.com/help/security-and-privacy/regions',
    'https://openrouter.ai/docs/provider-routing',
    'https://docs.npmjs.com/cli/v10/commands/npx/',
    'https://nodejs.org/api/errors.html',
    'https://nodejs.org/en/learn/getting-started/introduction-to-nodejs',
    'https://git-scm.com/docs/git-push',
    'https://docs.docker.com/engine/daemon/troubleshoot/',
    'https://docs.python.org/3/library/asyncio.html',
    'https://code.visualstudio.com/docs/copilot/faq',
    'https://learn.microsoft.com/vi-vn/powershell/module/microsoft.powershell.security/set-executionpolicy',
  ],
  rejects: [
    'https://platform.openai.com/account/api-keys', // account pages, not docs
    'https://platform.claude.com/settings/keys',
    'https://ai.google.dev/pricing',
    'https://cloud.google.com/products/compute', // marketing
    'https://cursor.com/pricing',
    'https://openrouter.ai/settings/credits',
    'https://nodejs.org/en/download',
    'https://git-scm.com/downloads/win',
    'https://code.visualstudio.com/download',
    'https://learn.microsoft.com/en-us/azure/',
    'https://example.com/docs/',
    'https://github.com/ollama/ollama/blob/main/docs/faq.md',
  ],
};

export function isDocsPage(url: URL): boolean {
  if (url.protocol !== 'https:') return false;
  const entry = DOC_HOSTS.find((d) => d.host === url.hostname);
  return entry !== undefined && (entry.paths === undefined || entry.paths.test(url.pathname));
}

/** Class or attribute conventions of the common doc generators; the system theme otherwise. */
export function docsTheme(doc: Document): Theme {
  const roots = [doc.documentElement, doc.body].filter((el): el is HTMLElement => el != null);
  for (const el of roots) {
    if (el.classList.contains('dark')) return 'dark'; // Mintlify, Nextra, Tailwind sites
    const dataTheme = el.getAttribute('data-theme'); // Docusaurus (html), Furo (body)
    if (dataTheme === 'dark' || dataTheme === 'light') return dataTheme;
    const scheme = el.getAttribute('data-md-color-scheme'); // MkDocs Material
    if (scheme === 'slate') return 'dark';
    if (scheme === 'default') return 'light';
  }
  return systemTheme(doc);
}

export const docs: SiteAdapter = {
  id: 'docs',
  name: 'Documentation sites',
  matches: DOC_HOSTS.map((d) => `https://${d.host}/*`),
  defaultOn: false,
  isPage: isDocsPage,
  blocks: [
    'pre',
    'code',
    'samp',
    '.admonition', // MkDocs, Sphinx
    '.callout', // Mintlify, Hugo Docsy
    '.theme-admonition', // Docusaurus
    '[role="note"]',
    '[role="alert"]',
  ].join(', '),
  comment: 'section, article, main',
  thread: 'main, article, [role="main"]',
  skip: 'nav, header, footer, [role="navigation"], [role="search"], .toc, #toc',
  theme: docsTheme,
};
