import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { getBundledIds } from '../../src/platform/custom-bundled-ids';
import { compileCustomFiles, mergeCustomFiles, toCustomName } from '../../src/platform/custom-import';
import { customSignaturesItem } from '../../src/platform/custom-signatures';
import { deleteCustomFile, loadCustomChecked, putCustomFiles, repairCustom } from '../../src/platform/custom-store';
import { storedCustomEntries, storedCustomFiles } from '../../src/platform/custom-stored';
import { createMatcher } from '../../src/engine/matcher';

const FIXTURES = join(__dirname, '..', 'fixtures', 'custom');
const VALID = { name: 'custom/valid-signature.md', text: readFileSync(join(FIXTURES, 'valid-signature.md'), 'utf8') };
const BROKEN = { name: 'custom/broken-signature.md', text: readFileSync(join(FIXTURES, 'broken-signature.md'), 'utf8') };
const bundled = getBundledIds();

/** The valid fixture under another name and error text, so two files do not claim the same text. */
function variant(name: string, change: (text: string) => string = (t) => t) {
  return { name: `custom/${name}.md`, text: change(VALID.text.replaceAll('flux capacitor', `${name} capacitor`)) };
}

describe('toCustomName', () => {
  it.each([
    ['widget.md', 'custom/widget.md'],
    ['widget', 'custom/widget.md'],
    ['C:\\Users\\me\\widget.md', 'custom/widget.md'],
    ['some/folder/widget.md', 'custom/widget.md'],
  ])('%s → %s', (input, expected) => expect(toCustomName(input)).toBe(expected));
});

describe('compileCustomFiles', () => {
  it('accepts a valid file and compiles it with the knowledge parser', () => {
    const check = compileCustomFiles([VALID], bundled);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.value.files).toEqual([VALID]);
    const [entry] = check.value.entries;
    expect(entry.id).toBe('custom/valid-signature');
    expect(entry.file).toBe('custom/valid-signature.md');
    expect(entry.causes.map((c) => c.id)).toEqual(['fixture-cause']);
    // The compiled entry really matches its error text.
    const matches = createMatcher(check.value.entries).match('Error! FrobnicatorError: widget flux capacitor overheated');
    expect(matches.map((m) => m.entryId)).toEqual(['custom/valid-signature']);
  });

  it('lets `related` point at a bundled entry, and refuses an unknown one', () => {
    expect(bundled.has('mcp/connection-closed')).toBe(true);
    expect(VALID.text).toContain('related: [mcp/connection-closed]');
    expect(compileCustomFiles([VALID], bundled).ok).toBe(true);
    const dangling = { ...VALID, text: VALID.text.replace('mcp/connection-closed', 'mcp/no-such-entry') };
    expect(compileCustomFiles([dangling], bundled)).toEqual({
      ok: false,
      problems: ['custom/valid-signature.md:16: related[0]: no entry has the id "mcp/no-such-entry"'],
    });
  });

  it('lets `related` point at another custom entry', () => {
    const other = variant('other', (t) => t.replace('related: [mcp/connection-closed]', 'related: [custom/valid-signature]'));
    expect(compileCustomFiles([VALID, other], bundled).ok).toBe(true);
  });

  it('reports a YAML error with file and line', () => {
    const broken = { name: 'custom/yaml.md', text: VALID.text.replace('tools: [node]', 'tools: [node') };
    const check = compileCustomFiles([broken], bundled);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatch(/^custom\/yaml\.md:\d+: yaml: /);
  });

  it('reports a missing required field', () => {
    const check = compileCustomFiles([BROKEN], bundled);
    expect(check).toEqual({ ok: false, problems: ['custom/broken-signature.md:2: causes: missing required field'] });
  });

  it('refuses a custom id that is a bundled id', () => {
    const check = compileCustomFiles([VALID], new Set([...bundled, 'custom/valid-signature']));
    expect(check).toEqual({
      ok: false,
      problems: ['custom/valid-signature.md:1: id: "custom/valid-signature" is the id of a bundled entry; rename the file'],
    });
  });

  it('refuses a file name that is not a kebab-case id', () => {
    const check = compileCustomFiles([{ name: 'custom/My Widget.md', text: VALID.text }], bundled);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0]).toMatch(/^custom\/My Widget\.md:1: id: "custom\/My Widget" is not a valid id/);
  });

  it('refuses two custom files that claim the same text without declaring it', () => {
    const copy = { name: 'custom/copy.md', text: VALID.text };
    const check = compileCustomFiles([VALID, copy], bundled);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.join('\n')).toContain('is also matched by "custom/valid-signature"');
  });

  it('replaces a file with the same name when merging', () => {
    const edited = { ...VALID, text: VALID.text.replace('The fixture\'s only cause', 'Edited cause') };
    expect(mergeCustomFiles([VALID, variant('b')], [edited])).toEqual([edited, variant('b')]);
  });
});

describe('custom signature storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('stores files and compiled entries in one write', async () => {
    const check = await putCustomFiles([VALID], bundled);
    expect(check.ok).toBe(true);
    const stored = await customSignaturesItem.getValue();
    expect(stored.files).toEqual([VALID]);
    expect(stored.entries.map((e) => e.id)).toEqual(['custom/valid-signature']);
  });

  it('leaves the stored value unchanged when an import has one bad file among good ones', async () => {
    await putCustomFiles([VALID], bundled);
    const before = await customSignaturesItem.getValue();
    const check = await putCustomFiles([variant('second'), BROKEN], bundled);
    expect(check.ok).toBe(false);
    expect(await customSignaturesItem.getValue()).toEqual(before);
  });

  it('refuses an edit that breaks a file, keeping the saved version', async () => {
    await putCustomFiles([VALID], bundled);
    const before = await customSignaturesItem.getValue();
    const check = await putCustomFiles([{ ...VALID, text: VALID.text.replace(/^causes:[\s\S]*?---/m, '---') }], bundled);
    expect(check.ok).toBe(false);
    expect(await customSignaturesItem.getValue()).toEqual(before);
  });

  it('refuses deleting an entry another custom entry names in `related`', async () => {
    const other = variant('other', (t) => t.replace('related: [mcp/connection-closed]', 'related: [custom/valid-signature]'));
    await putCustomFiles([VALID, other], bundled);
    const check = await deleteCustomFile(VALID.name, bundled);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems[0]).toContain('no entry has the id "custom/valid-signature"');
    expect((await customSignaturesItem.getValue()).files).toHaveLength(2);
    expect((await deleteCustomFile(other.name, bundled)).ok).toBe(true);
    expect((await deleteCustomFile(VALID.name, bundled)).ok).toBe(true);
    expect(await customSignaturesItem.getValue()).toEqual({ files: [], entries: [] });
  });
});

describe('damaged storage', () => {
  beforeEach(() => fakeBrowser.reset());
  const VALID_FILE = { name: 'custom/valid-signature.md', text: readFileSync(join(__dirname, '..', 'fixtures', 'custom', 'valid-signature.md'), 'utf8') };

  it('a bad `entries` value: entries are rebuilt from the files, which are never taken for empty', async () => {
    await putCustomFiles([VALID_FILE], getBundledIds());
    const good = await customSignaturesItem.getValue();
    await fakeBrowser.storage.local.set({ customSignatures: { files: good.files, entries: 'garbage' } });
    const loaded = await loadCustomChecked();
    expect(loaded.custom).toEqual(good);
    expect(loaded.repaired).toBe(true);
    expect(await repairCustom()).toEqual([]);
    expect(await customSignaturesItem.getValue()).toEqual(good);
  });

  it('one damaged entry is left out for pages; the others keep working', async () => {
    await putCustomFiles([VALID_FILE], getBundledIds());
    const good = await customSignaturesItem.getValue();
    const broken = { ...good.entries[0], id: 'custom/broken', patterns: [{ kind: 'regex', regex: '(', anchor: 'xxxx' }] };
    const stored = { files: good.files, entries: [...good.entries, broken, null, 42] };
    expect(storedCustomEntries(stored)).toEqual(good.entries);
    expect(storedCustomEntries('not even an object')).toEqual([]);
    expect(storedCustomFiles({ files: [good.files[0], { name: 3 }] })).toEqual(good.files);
  });

  it('a file that no longer compiles is kept (export gives it back) and reported', async () => {
    const broken = { name: 'custom/broken-signature.md', text: readFileSync(join(__dirname, '..', 'fixtures', 'custom', 'broken-signature.md'), 'utf8') };
    await putCustomFiles([VALID_FILE], getBundledIds());
    const good = await customSignaturesItem.getValue();
    await fakeBrowser.storage.local.set({ customSignatures: { files: [...good.files, broken], entries: good.entries } });
    const loaded = await loadCustomChecked();
    expect(loaded.custom.files.map((f) => f.name)).toEqual(['custom/valid-signature.md', 'custom/broken-signature.md']);
    expect(loaded.custom.entries.map((e) => e.id)).toEqual(['custom/valid-signature']);
    expect(loaded.problems).toEqual(['custom/broken-signature.md:2: causes: missing required field']);
  });

  it('an import refused by storage (quota) says so and keeps the stored set', async () => {
    await putCustomFiles([VALID_FILE], getBundledIds());
    const good = await customSignaturesItem.getValue();
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const check = await putCustomFiles([variant('another')], getBundledIds());
    vi.restoreAllMocks();
    expect(check).toEqual({ ok: false, problems: [expect.stringMatching(/storage for this extension is full/)] });
    expect(await customSignaturesItem.getValue()).toEqual(good);
  });
});
