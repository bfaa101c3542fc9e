/**
 * Versioned products: the runtimes, tools and packages whose versions a page may name
 * near an error, how each is written, and how its versions compare. A cause's
 * `affected` / `fixed` range names a product of this table; the evidence extractor
 * finds the product's version in the text the same way.
 */
import * as pep440 from '@renovatebot/pep440';
import semver from 'semver';

export type Ecosystem = 'semver' | 'pep440';

export interface Product {
  ecosystem: Ecosystem;
  /** How people write the name before a version: `node v18`, `mcp==1.26.0`, `Claude Code 2.0.12`. Lower case. */
  names: string[];
}

/** Product ids are the package name people install, or the tool's usual short name. */
export const PRODUCTS: Record<string, Product> = {
  node: { ecosystem: 'semver', names: ['node', 'node.js', 'nodejs'] },
  npm: { ecosystem: 'semver', names: ['npm'] },
  pnpm: { ecosystem: 'semver', names: ['pnpm'] },
  yarn: { ecosystem: 'semver', names: ['yarn'] },
  bun: { ecosystem: 'semver', names: ['bun'] },
  deno: { ecosystem: 'semver', names: ['deno'] },
  typescript: { ecosystem: 'semver', names: ['typescript', 'tsc'] },
  electron: { ecosystem: 'semver', names: ['electron'] },
  python: { ecosystem: 'pep440', names: ['python', 'python3', 'cpython'] },
  pip: { ecosystem: 'pep440', names: ['pip', 'pip3'] },
  uv: { ecosystem: 'pep440', names: ['uv'] },
  poetry: { ecosystem: 'pep440', names: ['poetry'] },
  git: { ecosystem: 'semver', names: ['git'] },
  docker: { ecosystem: 'semver', names: ['docker', 'docker desktop', 'docker engine'] },
  openssl: { ecosystem: 'semver', names: ['openssl'] },
  mcp: { ecosystem: 'pep440', names: ['mcp'] },
  fastmcp: { ecosystem: 'pep440', names: ['fastmcp'] },
  '@modelcontextprotocol/sdk': { ecosystem: 'semver', names: ['@modelcontextprotocol/sdk'] },
  'claude-code': { ecosystem: 'semver', names: ['claude code', '@anthropic-ai/claude-code', 'claude-code'] },
  'claude-desktop': { ecosystem: 'semver', names: ['claude desktop'] },
  'gemini-cli': { ecosystem: 'semver', names: ['gemini cli', 'gemini-cli', '@google/gemini-cli'] },
  codex: { ecosystem: 'semver', names: ['codex cli', 'codex-cli', '@openai/codex', 'codex'] },
  cursor: { ecosystem: 'semver', names: ['cursor'] },
  cline: { ecosystem: 'semver', names: ['cline'] },
  vscode: { ecosystem: 'semver', names: ['vs code', 'vscode', 'visual studio code'] },
  ollama: { ecosystem: 'semver', names: ['ollama'] },
  openai: { ecosystem: 'pep440', names: ['openai'] },
  anthropic: { ecosystem: 'pep440', names: ['anthropic'] },
  'google-genai': { ecosystem: 'pep440', names: ['google-genai'] },
  langchain: { ecosystem: 'pep440', names: ['langchain'] },
  'langchain-core': { ecosystem: 'pep440', names: ['langchain-core', 'langchain_core'] },
  'langchain-openai': { ecosystem: 'pep440', names: ['langchain-openai', 'langchain_openai'] },
  litellm: { ecosystem: 'pep440', names: ['litellm'] },
  pydantic: { ecosystem: 'pep440', names: ['pydantic'] },
  httpx: { ecosystem: 'pep440', names: ['httpx'] },
  urllib3: { ecosystem: 'pep440', names: ['urllib3'] },
  requests: { ecosystem: 'pep440', names: ['requests'] },
  numpy: { ecosystem: 'pep440', names: ['numpy'] },
  torch: { ecosystem: 'pep440', names: ['torch', 'pytorch'] },
  'node-gyp': { ecosystem: 'semver', names: ['node-gyp'] },
};

export function isProduct(id: string): boolean {
  return Object.hasOwn(PRODUCTS, id);
}

/** A version as people write it, cut to the comparable part: `v20.11.0` → `20.11.0`. */
export function cleanVersion(raw: string): string {
  return raw.trim().replace(/^[v^~=]+/i, '');
}

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
