// @vitest-environment happy-dom
// Every adapter file is registered, named after its id, has a fixture and valid host
// patterns; exactly the expected adapters are on by default.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST_PATTERNS, ON_DEMAND_ADAPTER, OPTIONAL_HOST_PATTERNS, SITE_ADAPTERS } from '../../src/sites';
import type { SiteAdapter } from '../../src/sites/types';
import { PAGES_DIR, isValidMatchPattern } from './fixture-page';

const SITES_DIR = join(__dirname, '..', '..', 'src', 'sites');
const NOT_ADAPTERS = new Set(['types.ts', 'index.ts', 'blocks-in.ts']);
const adapterFiles = readdirSync(SITES_DIR).filter((f) => f.endsWith('.ts') && !NOT_ADAPTERS.has(f));
const fixtures = readdirSync(PAGES_DIR).filter((f) => f.endsWith('.html'));

async function adapterIn(file: string): Promise<SiteAdapter> {
  const mod = (await import(join(SITES_DIR, file))) as Record<string, unknown>;
  const found = Object.values(mod).filter((v): v is SiteAdapter => typeof v === 'object' && v !== null && 'isPage' in v && 'blocks' in v);
  expect(found).toHaveLength(1);
  return found[0];
}

// Fixture names are <site>-<kind>; Stack Exchange fixtures are named after the site.
const FIXTURE_PREFIXES: Record<string, string[]> = { stackexchange: ['stackoverflow-', 'superuser-'] };

describe('site adapter registry', () => {
  it.each(adapterFiles)('%s is registered (or is the on-demand adapter) and its id is its file name', async (file) => {
    const adapter = await adapterIn(file);
    expect(adapter.id).toBe(file.slice(0, -3));
    expect(SITE_ADAPTERS.includes(adapter) || adapter === ON_DEMAND_ADAPTER).toBe(true);
  });

  it('registers no adapter twice and no adapter without a file', () => {
    const ids = SITE_ADAPTERS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(adapterFiles).toContain(`${id}.ts`);
  });

  it.each(SITE_ADAPTERS.map((a) => [a.id, a] as const))('%s has at least one page fixture', (id) => {
    const prefixes = FIXTURE_PREFIXES[id] ?? [`${id}-`];
    expect(fixtures.some((f) => prefixes.some((p) => f.startsWith(p)))).toBe(true);
  });

  it.each(SITE_ADAPTERS.flatMap((a) => a.matches.map((p) => [a.id, p] as const)))('%s: %s is a valid match pattern', (_id, pattern) => {
    expect(isValidMatchPattern(pattern)).toBe(true);
  });

  it('turns on exactly GitHub, GitLab and Stack Exchange by default', () => {
    expect(SITE_ADAPTERS.filter((a) => a.defaultOn).map((a) => a.id).sort()).toEqual(['github', 'gitlab', 'stackexchange']);
  });

  it('splits host patterns into default and optional without overlap', () => {
    expect(DEFAULT_HOST_PATTERNS.length).toBeGreaterThan(0);
    expect(OPTIONAL_HOST_PATTERNS.length).toBeGreaterThan(0);
    expect(DEFAULT_HOST_PATTERNS.filter((p) => OPTIONAL_HOST_PATTERNS.includes(p))).toEqual([]);
  });

  it('every adapter selector parses', () => {
    for (const a of [...SITE_ADAPTERS, ON_DEMAND_ADAPTER]) {
      for (const selector of [a.blocks, a.comment, a.thread, a.skip].filter((s) => s.trim())) {
        expect(() => document.querySelector(selector), `${a.id}: ${selector}`).not.toThrow();
      }
    }
  });
});
