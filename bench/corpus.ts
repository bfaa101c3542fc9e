/**
 * Benchmark inputs, generated deterministically: realistic issue/log text (real error
 * pastes from the knowledge base between ordinary log lines, stack frames and prose), and
 * synthetic signatures shaped like real ones to grow the knowledge base to a given size.
 */
import type { Entry, SignatureSpec } from '../src/engine/types';

export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

const FILLER = [
  (r: () => number) => `2026-05-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}T10:${String(Math.floor(r() * 60)).padStart(2, '0')}:12.345Z [info] request ${Math.floor(r() * 1e6)} completed in ${Math.floor(r() * 900)} ms`,
  (r: () => number) => `    at ${pick(r, ['Object.<anonymous>', 'Module._compile', 'processTicksAndRejections', 'async Server.handle'])} (${pick(r, ['/app/dist/index.js', 'node:internal/modules/cjs/loader', 'C:\\Users\\dev\\proj\\server.js'])}:${Math.floor(r() * 900)}:${Math.floor(r() * 80)})`,
  (r: () => number) => `I tried ${pick(r, ['reinstalling', 'restarting the app', 'clearing the cache', 'a different Node version'])} but it still ${pick(r, ['fails', 'hangs', 'crashes on start'])}. Any idea what is going on here?`,
  (r: () => number) => `  File "/usr/lib/python3.12/site-packages/${pick(r, ['anyio', 'httpx', 'mcp', 'pydantic'])}/_core.py", line ${Math.floor(r() * 900)}, in ${pick(r, ['run', 'send', 'receive', '__exit__'])}`,
  (r: () => number) => `{"level":"debug","ts":${Math.floor(r() * 1e9)},"msg":"cache ${pick(r, ['hit', 'miss'])}","key":"${Math.floor(r() * 1e9).toString(16)}"}`,
  (r: () => number) => `npm http fetch GET 200 https://registry.npmjs.org/${pick(r, ['react', 'vite', 'zod', 'undici'])} ${Math.floor(r() * 300)}ms (cache revalidated)`,
];

/** About `bytes` characters of issue/log text; one line in ~40 is a real error paste. */
export function buildText(bytes: number, examples: string[], seed = 1): string {
  const rand = prng(seed);
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const line = rand() < 0.025 ? pick(rand, examples) : pick(rand, FILLER)(rand);
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n').slice(0, bytes);
}

const SUBJECTS = ['Widget', 'Pipeline', 'Cluster', 'Ledger', 'Quorum', 'Spindle', 'Gasket', 'Relay', 'Tessera', 'Bracket', 'Nimbus', 'Lattice'];
const VERBS = ['reconcile', 'hydrate', 'provision', 'replicate', 'serialize', 'throttle', 'federate', 'compact', 'rehash', 'snapshot'];
const OBJECTS = ['manifest', 'shard', 'keyring', 'checkpoint', 'watermark', 'journal', 'segment', 'tenant', 'bucket', 'lease'];
const ENDINGS = ['was rejected by the coordinator', 'exceeded its retry budget', 'is not permitted in this region', 'returned an unreadable frame', 'timed out during handover'];

/** `count` synthetic signatures with placeholders, shaped like real error messages. */
export function syntheticSignatures(count: number, seed = 7): SignatureSpec[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, k) => {
    const code = `${pick(rand, ['E', 'W', 'ERR_', 'X'])}${1000 + k}`;
    const text = `${pick(rand, SUBJECTS)}${code}: failed to ${pick(rand, VERBS)} ${pick(rand, OBJECTS)} {quoted} ${pick(rand, ENDINGS)}`;
    return { id: `synthetic/${k}`, title: text, patterns: [{ kind: 'text', text }], causes: [] };
  });
}

/** The real entries plus synthetic ones, `total` signatures in all. */
export function knowledgeOfSize(real: Entry[], total: number): SignatureSpec[] {
  if (total <= real.length) return real.slice(0, total);
  return [...real, ...syntheticSignatures(total - real.length)];
}
