/**
 * Versioned products: the runtimes, tools and packages whose versions a page may name
 * near an error, and how each is written. Plain data: the evidence extractor reads it in
 * the content script too, where no version is ever compared (versions.ts compares).
 */

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
