/**
 * Every site adapter, in the order they are tried. A test checks that each file in
 * this folder is registered here and has a fixture (tests/sites/registry.test.ts).
 */
import { anyPage } from './any-page';
import { discord } from './discord';
import { docs } from './docs';
import { github } from './github';
import { gitlab } from './gitlab';
import { slack } from './slack';
import { stackexchange } from './stackexchange';
import type { SiteAdapter } from './types';

export { blocksIn, blocksOfCandidate, candidatesIn, isSkipped, skipSelectorOf, textOf } from './blocks-in';

export const SITE_ADAPTERS: readonly SiteAdapter[] = [github, gitlab, stackexchange, docs, discord, slack];

/** The adapter for a page, or undefined when no adapter covers it. */
export function adapterFor(url: URL): SiteAdapter | undefined {
  return SITE_ADAPTERS.find((adapter) => adapter.isPage(url));
}

/** For pages scanned on demand ("Scan this page") when no adapter applies. */
export const ON_DEMAND_ADAPTER = anyPage;

/** Host patterns granted at install: the adapters that are on by default. */
export const DEFAULT_HOST_PATTERNS = SITE_ADAPTERS.filter((a) => a.defaultOn).flatMap((a) => a.matches);

/** Host patterns the person may grant later (docs hosts, chat apps). */
export const OPTIONAL_HOST_PATTERNS = SITE_ADAPTERS.filter((a) => !a.defaultOn).flatMap((a) => a.matches);
