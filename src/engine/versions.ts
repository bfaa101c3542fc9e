/**
 * Versioned products: the runtimes, tools and packages whose versions a page may name
 * near an error, how each is written, and how its versions compare. A cause's
 * `affected` / `fixed` range names a product of this table; the evidence extractor
 * finds the product's version in the text the same way.
 */
import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';

import { PRODUCTS, cleanVersion, isProduct, type Ecosystem } from './products';

export { PRODUCTS, cleanVersion, isProduct, type Ecosystem, type Product } from './products';

/** Semver needs three parts; `18` and `3.12` are read as `18.0.0` and `3.12.0`. */
function semverOf(version: string): string | null {
  return semver.valid(version) ?? semver.valid(semver.coerce(version, { includePrerelease: true }));
}

/** A range written with spaces between comparators, in either ecosystem: `>=1.26.0 <1.28.0`. */
function pep440Range(range: string): string {
  return range.trim().split(/\s*,\s*|\s+/).join(',');
}

export function isValidRange(ecosystem: Ecosystem, range: string): boolean {
  return ecosystem === 'semver' ? semver.validRange(range) !== null : pep440.validRange(pep440Range(range));
}

export function isValidVersion(ecosystem: Ecosystem, version: string): boolean {
  return ecosystem === 'semver' ? semverOf(version) !== null : pep440.valid(version) !== null;
}

/** Whether `version` (as found in a text) lies in `range`; undefined when either cannot be read. */
export function inRange(ecosystem: Ecosystem, version: string, range: string): boolean | undefined {
  const v = cleanVersion(version);
  if (ecosystem === 'semver') {
    const parsed = semverOf(v);
    if (!parsed || semver.validRange(range) === null) return undefined;
    return semver.satisfies(parsed, range, { includePrerelease: true });
  }
  if (pep440.valid(v) === null) return undefined;
  try {
    return pep440.satisfies(v, pep440Range(range), { prereleases: true });
  } catch {
    return undefined;
  }
}

/** Whether `version` is at or above `fixed`; undefined when either cannot be read. */
export function atOrAbove(ecosystem: Ecosystem, version: string, fixed: string): boolean | undefined {
  return inRange(ecosystem, version, `>=${cleanVersion(fixed)}`);
}

/**
 * Reads a range spec as the knowledge writes it: `mcp >=1.26.0 <1.28.0` (affected) or
 * `mcp 1.28.0` (fixed: the first good version). Returns undefined when the text does not
 * start with a known product, so free text such as "Windows hosts" stays a note.
 */
export function parseRangeSpec(text: string, kind: 'affected' | 'fixed'): { product: string; range: string; error?: string } | undefined {
  const m = /^(\S+)\s+(.+)$/.exec(text.trim());
  if (!m || !isProduct(m[1])) return undefined;
  const product = m[1];
  const rest = m[2].trim();
  const { ecosystem } = PRODUCTS[product];
  if (kind === 'fixed') {
    const version = cleanVersion(rest);
    if (!isValidVersion(ecosystem, version)) return { product, range: rest, error: `"${rest}" is not a ${ecosystem} version` };
    return { product, range: version };
  }
  if (isValidRange(ecosystem, rest) && /^[<>=!~^\d*]/.test(rest)) return { product, range: rest };
  // Free text that happens to start with a product name ("codex 0.149.0 per reports") stays a note;
  // text that starts with a comparator was meant as a range and must parse.
  if (!/^[<>=!~^]/.test(rest)) return undefined;
  if (!isValidRange(ecosystem, rest)) return { product, range: rest, error: `"${rest}" is not a ${ecosystem} range` };
  return { product, range: rest };
}
