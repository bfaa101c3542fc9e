import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zh from '../../public/_locales/zh_CN/messages.json';
import { ROOT } from '../helpers/knowledge';
import { setLanguage, tn } from '../../src/ui/i18n';

type Catalog = Record<string, { message: string }>;
const catalogs: Array<[string, Catalog]> = [
  ['en', en],
  ['zh_CN', zh],
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** CLDR plural variants (`key_one`): a language needs only those its plural rules use. */
const PLURAL_VARIANT = /_(zero|one|two|few|many)$/;
const baseKeys = (catalog: object) => Object.keys(catalog).filter((k) => !PLURAL_VARIANT.test(k));

const placeholders = (message: string) => [...message.matchAll(/\$(\d)/g)].map((m) => m[1]).sort();

describe('UI strings in English and Simplified Chinese', () => {
  it('both languages have exactly the same keys (plural variants aside)', () => {
    expect(baseKeys(zh).sort()).toEqual(baseKeys(en).sort());
  });

  it('every plural variant has its base key, and counts read right in English', () => {
    for (const catalog of [en, zh]) for (const key of Object.keys(catalog).filter((k) => PLURAL_VARIANT.test(k))) expect(key.replace(PLURAL_VARIANT, '') in catalog, key).toBe(true);
    setLanguage('en');
    expect(tn('popupResultCount', 1)).toBe('1 result');
    expect(tn('popupResultCount', 2)).toBe('2 results');
    expect(tn('popupFindingCount', 1)).toBe('found once');
    expect(tn('popupFindingCount', 3)).toBe('found 3 times');
    expect(tn('badgeMore', 1)).toBe('+1 more known error on this page');
    setLanguage('zh_CN');
    expect(tn('popupResultCount', 1)).toBe('共 1 个结果');
    setLanguage('en');
  });

  it.each(catalogs)('%s: every message is non-empty and uses valid key names', (_lang, catalog) => {
    for (const [key, value] of Object.entries(catalog)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(value.message.trim(), key).not.toBe('');
    }
  });

  it('translations keep the same $1…$9 substitutions', () => {
    for (const key of baseKeys(en) as Array<keyof typeof en>) {
      expect(placeholders((zh as Catalog)[key].message), key).toEqual(placeholders(en[key].message));
    }
  });

  it('the Chinese catalogue is really translated', () => {
    const same = baseKeys(en).filter((k) => (zh as Catalog)[k].message === (en as Catalog)[k].message && /[a-z]{4}/.test((en as Catalog)[k].message));
    // Brand names and code-like strings may stay as they are; prose may not.
    expect(same.filter((k) => !/^(extName|actionTitle)$/.test(k) && / [a-z]+ [a-z]+ /.test((en as Catalog)[k].message))).toEqual([]);
  });

  it("every t('key') in the source exists in the catalogue", () => {
    const used = new Set<string>();
    for (const file of [...sourceFiles(join(ROOT, 'src')), ...sourceFiles(join(ROOT, 'entrypoints'))]) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\btn?\(\s*'([A-Za-z0-9_]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in en))).toEqual([]);
  });
});
