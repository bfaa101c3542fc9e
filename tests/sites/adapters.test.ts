// Every adapter's EXAMPLE_URLS, replayed: isPage, the host permission that covers the
// page, and that no other adapter claims it.
import { describe, expect, it } from 'vitest';
import { SITE_ADAPTERS, adapterFor } from '../../src/sites';
import * as discord from '../../src/sites/discord';
import * as docs from '../../src/sites/docs';
import * as github from '../../src/sites/github';
import * as gitlab from '../../src/sites/gitlab';
import * as slack from '../../src/sites/slack';
import * as stackexchange from '../../src/sites/stackexchange';
import type { ExampleUrls, SiteAdapter } from '../../src/sites/types';
import { patternCovers } from './fixture-page';

const modules: [SiteAdapter, ExampleUrls][] = [
  [github.github, github.EXAMPLE_URLS],
  [gitlab.gitlab, gitlab.EXAMPLE_URLS],
  [stackexchange.stackexchange, stackexchange.EXAMPLE_URLS],
  [docs.docs, docs.EXAMPLE_URLS],
  [discord.discord, discord.EXAMPLE_URLS],
  [slack.slack, slack.EXAMPLE_URLS],
];

const matches = modules.flatMap(([adapter, urls]) => urls.matches.map((url) => [adapter.id, url, adapter] as const));
const rejects = modules.flatMap(([adapter, urls]) => urls.rejects.map((url) => [adapter.id, url, adapter] as const));

describe('site adapters: example URLs', () => {
  it('covers every registered adapter', () => {
    expect(modules.map(([a]) => a.id).sort()).toEqual(SITE_ADAPTERS.map((a) => a.id).sort());
  });

  it.each(matches)('%s handles %s', (_id, url, adapter) => {
    expect(adapter.isPage(new URL(url))).toBe(true);
  });

  it.each(matches)('%s: a host pattern covers %s', (_id, url, adapter) => {
    expect(adapter.matches.some((p) => patternCovers(p, new URL(url)))).toBe(true);
  });

  it.each(matches)('%s is the adapter picked for %s', (id, url) => {
    expect(adapterFor(new URL(url))?.id).toBe(id);
  });

  it.each(rejects)('%s does not handle %s', (_id, url, adapter) => {
    expect(adapter.isPage(new URL(url))).toBe(false);
  });
});
