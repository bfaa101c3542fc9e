// @vitest-environment happy-dom
// Theme detection on the fixtures, in light and dark variants and with the system
// preference both ways.
import { describe, expect, it } from 'vitest';
import { discord } from '../../src/sites/discord';
import { docs } from '../../src/sites/docs';
import { github } from '../../src/sites/github';
import { gitlab } from '../../src/sites/gitlab';
import { slack } from '../../src/sites/slack';
import { stackexchange } from '../../src/sites/stackexchange';
import type { SiteAdapter, Theme } from '../../src/sites/types';
import { loadPage } from './fixture-page';

interface ThemeCase {
  name: string;
  adapter: SiteAdapter;
  fixture: string;
  url: string;
  system: 'light' | 'dark';
  /** Changes applied to the fixture before detecting. */
  set?: (doc: Document) => void;
  expected: Theme;
}

const GH = 'https://github.com/modelcontextprotocol/python-sdk/issues/2610';
const html = (attrs: Record<string, string>) => (doc: Document) => {
  for (const [k, v] of Object.entries(attrs)) doc.documentElement.setAttribute(k, v);
};
const bodyClass = (cls: string) => (doc: Document) => {
  doc.body.className = `question-page unified-theme ${cls}`;
};

const CASES: ThemeCase[] = [
  // github-issue-react: data-color-mode="auto", day "light", night "dark_dimmed"
  { name: 'GitHub auto, system light', adapter: github, fixture: 'github-issue-react', url: GH, system: 'light', expected: 'light' },
  { name: 'GitHub auto, system dark', adapter: github, fixture: 'github-issue-react', url: GH, system: 'dark', expected: 'dark' },
  { name: 'GitHub light mode on a dark system', adapter: github, fixture: 'github-issue-react', url: GH, system: 'dark', set: html({ 'data-color-mode': 'light' }), expected: 'light' },
  { name: 'GitHub dark mode on a light system', adapter: github, fixture: 'github-issue-react', url: GH, system: 'light', set: html({ 'data-color-mode': 'dark' }), expected: 'dark' },
  { name: 'GitHub day theme set to a dark theme', adapter: github, fixture: 'github-commit', url: GH, system: 'light', expected: 'dark' },
  { name: 'GitHub night theme set to a light theme', adapter: github, fixture: 'github-issue-react', url: GH, system: 'dark', set: html({ 'data-dark-theme': 'light_high_contrast' }), expected: 'light' },
  { name: 'GitHub classic light', adapter: github, fixture: 'github-issue-classic', url: GH, system: 'dark', expected: 'light' },
  { name: 'GitHub pull request dark', adapter: github, fixture: 'github-pull-request', url: GH, system: 'light', expected: 'dark' },
  // stackoverflow-question: body.theme-dark; superuser-question: body.theme-system
  { name: 'Stack Overflow dark', adapter: stackexchange, fixture: 'stackoverflow-question', url: 'https://stackoverflow.com/questions/1', system: 'light', expected: 'dark' },
  { name: 'Stack Overflow light (no theme class)', adapter: stackexchange, fixture: 'stackoverflow-question', url: 'https://stackoverflow.com/questions/1', system: 'dark', set: bodyClass(''), expected: 'light' },
  { name: 'Stack Overflow high contrast dark', adapter: stackexchange, fixture: 'stackoverflow-question', url: 'https://stackoverflow.com/questions/1', system: 'light', set: bodyClass('theme-highcontrast theme-dark'), expected: 'dark' },
  { name: 'Super User system, system dark', adapter: stackexchange, fixture: 'superuser-question', url: 'https://superuser.com/questions/1', system: 'dark', expected: 'dark' },
  { name: 'Super User system, system light', adapter: stackexchange, fixture: 'superuser-question', url: 'https://superuser.com/questions/1', system: 'light', expected: 'light' },
  { name: 'GitLab gl-dark', adapter: gitlab, fixture: 'gitlab-issue', url: 'https://gitlab.com/a/b/-/issues/1', system: 'light', expected: 'dark' },
  { name: 'GitLab light', adapter: gitlab, fixture: 'gitlab-merge-request', url: 'https://gitlab.com/a/b/-/merge_requests/1', system: 'dark', expected: 'light' },
  { name: 'docs dark class', adapter: docs, fixture: 'docs-page', url: 'https://docs.ollama.com/faq', system: 'light', expected: 'dark' },
  { name: 'docs Docusaurus light', adapter: docs, fixture: 'docs-page', url: 'https://docs.ollama.com/faq', system: 'dark', set: (d) => { d.documentElement.className = ''; d.documentElement.setAttribute('data-theme', 'light'); }, expected: 'light' },
  { name: 'docs no convention follows the system', adapter: docs, fixture: 'docs-page', url: 'https://docs.ollama.com/faq', system: 'dark', set: (d) => { d.documentElement.className = ''; }, expected: 'dark' },
  { name: 'Discord dark', adapter: discord, fixture: 'discord-channel', url: 'https://discord.com/channels/1/2', system: 'light', expected: 'dark' },
  { name: 'Discord light', adapter: discord, fixture: 'discord-channel', url: 'https://discord.com/channels/1/2', system: 'dark', set: (d) => { d.documentElement.className = 'theme-light'; }, expected: 'light' },
  { name: 'Slack light', adapter: slack, fixture: 'slack-channel', url: 'https://app.slack.com/client/T1/C1', system: 'dark', expected: 'light' },
  { name: 'Slack dark', adapter: slack, fixture: 'slack-channel', url: 'https://app.slack.com/client/T1/C1', system: 'light', set: (d) => { d.body.className = 'sk-client-theme--dark'; }, expected: 'dark' },
];

describe('theme detection', () => {
  it.each(CASES)('$name → $expected', ({ adapter, fixture, url, system, set, expected }) => {
    const doc = loadPage(fixture, url, system);
    set?.(doc);
    expect(adapter.theme(doc)).toBe(expected);
  });
});
