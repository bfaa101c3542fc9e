import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  CONTENT_SCRIPT_FILE,
  disableOptionalSite,
  enableOptionalSite,
  OPTIONAL_SCRIPT_ID,
  releaseUnusedOptionalHosts,
  syncRegisteredContentScripts,
} from '../../src/platform/permissions';
import { loadSettings, updateSettings } from '../../src/platform/settings';

const github = { id: 'github', matches: ['https://github.com/*'], defaultOn: true };
const docs = { id: 'docs', matches: ['https://docs.python.org/*', 'https://nodejs.org/*'], defaultOn: false };
const slack = { id: 'slack', matches: ['https://app.slack.com/*'], defaultOn: false };
const ADAPTERS = [github, docs, slack];

/** A small stand-in for the browser's permission and scripting state. */
function fakePermissionsAndScripting(answer: { grant: boolean }) {
  const granted = new Set<string>(github.matches);
  let registered: Array<{ id: string; matches?: string[]; js?: string[]; runAt?: string }> = [];
  const api = {
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (answer.grant) origins.forEach((o) => granted.add(o));
      return answer.grant;
    }),
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((o) => granted.delete(o));
      return true;
    }),
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
    registerContentScripts: vi.fn(async (scripts: typeof registered) => {
      registered.push(...scripts);
    }),
    updateContentScripts: vi.fn(async (scripts: typeof registered) => {
      registered = registered.map((r) => ({ ...r, ...scripts.find((s) => s.id === r.id) }));
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
      registered = registered.filter((s) => !ids.includes(s.id));
    }),
  };
  Object.assign(fakeBrowser.permissions, { request: api.request, contains: api.contains, remove: api.remove });
  Object.assign(fakeBrowser.scripting, {
    getRegisteredContentScripts: api.getRegisteredContentScripts,
    registerContentScripts: api.registerContentScripts,
    updateContentScripts: api.updateContentScripts,
    unregisterContentScripts: api.unregisterContentScripts,
  });
  return { api, granted, registered: () => registered };
}

describe('optional sites', () => {
  let answer: { grant: boolean };
  let fake: ReturnType<typeof fakePermissionsAndScripting>;
  beforeEach(() => {
    fakeBrowser.reset();
    answer = { grant: true };
    fake = fakePermissionsAndScripting(answer);
  });

  it('asks for the hosts before anything else, so the click still counts as a user gesture', () => {
    void enableOptionalSite(docs, ADAPTERS);
    // Synchronously, in the same turn as the call.
    expect(fake.api.request).toHaveBeenCalledWith({ origins: docs.matches });
  });

  it('registers the content script for the granted hosts and stores the switch', async () => {
    expect(await enableOptionalSite(docs, ADAPTERS)).toBe(true);
    expect((await loadSettings()).sites.docs).toBe(true);
    expect(fake.registered()).toEqual([{ id: OPTIONAL_SCRIPT_ID, matches: docs.matches, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle' }]);

    await enableOptionalSite(slack, ADAPTERS);
    expect(fake.api.updateContentScripts).toHaveBeenCalledTimes(1);
    expect(fake.registered()[0].matches).toEqual([...docs.matches, ...slack.matches]);
  });

  it('changes nothing when access is refused', async () => {
    answer.grant = false;
    expect(await enableOptionalSite(docs, ADAPTERS)).toBe(false);
    expect((await loadSettings()).sites.docs).toBeUndefined();
    expect(fake.api.registerContentScripts).not.toHaveBeenCalled();
  });

  it('switching off removes the hosts and the registration', async () => {
    await enableOptionalSite(docs, ADAPTERS);
    await enableOptionalSite(slack, ADAPTERS);
    await disableOptionalSite(docs, ADAPTERS);
    expect(fake.api.remove).toHaveBeenCalledWith({ origins: docs.matches });
    expect(fake.registered()[0].matches).toEqual(slack.matches);
    expect((await loadSettings()).sites.docs).toBe(false);

    await disableOptionalSite(slack, ADAPTERS);
    expect(fake.registered()).toEqual([]);
    expect([...fake.granted]).toEqual(github.matches);
  });

  it('does not register hosts whose access was revoked in the browser', async () => {
    await enableOptionalSite(docs, ADAPTERS);
    fake.granted.delete(docs.matches[0]);
    expect(await syncRegisteredContentScripts(ADAPTERS)).toEqual([]);
    expect(fake.registered()).toEqual([]);
  });

  it('after a reset gives back optional hosts and never touches default ones', async () => {
    await enableOptionalSite(docs, ADAPTERS);
    await updateSettings((s) => ({ ...s, sites: {} }));
    await releaseUnusedOptionalHosts(ADAPTERS);
    const removed = fake.api.remove.mock.calls.flatMap(([arg]) => arg.origins);
    expect(removed).toEqual([...docs.matches, ...slack.matches]);
    expect(removed).not.toContain(github.matches[0]);
    expect(fake.registered()).toEqual([]);
  });
});
