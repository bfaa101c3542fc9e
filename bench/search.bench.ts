/**
 * `npx tsx bench/search.bench.ts`: the popup's search as a person types, at 2,000 entries.
 *
 * The knowledge base has about 200 real entries; the rest, up to 2,000, are GENERATED
 * variants of them (ids end in `~generated-N`; titles and signatures are the real ones
 * with numbers, word order and a tool prefix changed), so the index holds text shaped
 * like real entries. Fuse runs on a prebuilt index parsed from JSON, as the popup does.
 *
 * The baseline is a plain linear scan with a per-document fuzzy score: the approximate
 * substring edit distance (Sellers' algorithm: Levenshtein where the match may start
 * and end anywhere in the text) of the query against each document's lowercased text,
 * precomputed once. It is run twice: over title + signature only, and over the same
 * fields Fuse searches. Every keystroke's prefix is timed; the table gives the median
 * and the 95th percentile. Reports only; the budget (DESIGN.md) is one frame, 16 ms.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex, createSearcher, toSearchDoc, type SearchDoc } from '../src/engine/search';
import type { Entry } from '../src/engine/types';
import { prng } from './corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOTAL = 2_000;
const LIMIT = 12; // the popup shows 12 results
const THRESHOLD = 0.4; // Fuse's threshold, applied to the baseline's normalized distance
const ROUNDS = 5;
const QUERIES = ['conection clsed', 'ERESOLVE', 'rate limit 429', 'ENOENT spawn npx', 'MCP error -32000'];
/** Timed apart (Fuse only), so the table above stays comparable with earlier runs. An IME commits whole characters, so every prefix is a real keystroke. */
const ZH_QUERIES = ['连接关闭', '速率限制', 'gemini 配额', '找不到模块'];

// ---- the documents: real entries, then generated variants up to TOTAL ----

const entriesPath = join(root, 'src/knowledge/generated/entries.json');
if (!existsSync(entriesPath)) throw new Error('src/knowledge/generated/entries.json is missing: run `npm run kb:build` first.');
const entries = JSON.parse(readFileSync(entriesPath, 'utf8')) as Entry[];
const real = entries.map(toSearchDoc);

function generatedVariant(doc: SearchDoc, n: number, rand: () => number): SearchDoc {
  const tool = doc.tools[Math.floor(rand() * doc.tools.length)] ?? 'tool';
  const renumber = (s: string) => s.replace(/\d+/g, (d) => String((Number(d) + 1 + Math.floor(rand() * 97)) % 10 ** d.length));
  const swapWords = (s: string) => {
    const words = s.split(' ');
    const i = Math.floor(rand() * Math.max(1, words.length - 1));
    if (words.length > 2) [words[i], words[i + 1]] = [words[i + 1], words[i]];
    return words.join(' ');
  };
  return {
    ...doc,
    id: `${doc.id}~generated-${n}`,
    title: `[${tool}] ${swapWords(renumber(doc.title))}`,
    signature: renumber(doc.signature),
    tools: [...doc.tools.slice(1), tool],
  };
}

function buildDocs(): SearchDoc[] {
  const rand = prng(2026);
  const docs = [...real];
  for (let n = 0; docs.length < TOTAL; n++) docs.push(generatedVariant(real[n % real.length], n, rand));
  return docs;
}

// ---- the baseline: a linear scan with an approximate-substring edit distance ----

/** Smallest edit distance between `pattern` and any substring of `text` (Sellers, 1980). */
function approxDistance(pattern: string, text: string, col: Int32Array): number {
  const m = pattern.length;
  for (let i = 0; i <= m; i++) col[i] = i;
  let best = m;
  for (let j = 0; j < text.length && best > 0; j++) {
    const c = text.charCodeAt(j);
    let diag = 0; // col[0] is always 0: a match may start at any position
    for (let i = 1; i <= m; i++) {
      const up = col[i];
      const cost = pattern.charCodeAt(i - 1) === c ? diag : diag + 1;
      col[i] = Math.min(up + 1, col[i - 1] + 1, cost);
      diag = up;
    }
    if (col[m] < best) best = col[m];
  }
  return best;
}

function createLinearScan(docs: SearchDoc[], fields: Array<keyof SearchDoc>) {
  // Lowercased once up front, the counterpart of Fuse's prebuilt index.
  const haystacks = docs.map((doc) => fields.map((f) => [doc[f]].flat().join('\n')).join('\n').toLowerCase());
  const col = new Int32Array(256);
  return (query: string): SearchDoc[] => {
    const q = query.trim().toLowerCase().slice(0, 200);
    if (q.length === 0) return [];
    const scored: Array<{ doc: SearchDoc; score: number }> = [];
    for (let k = 0; k < docs.length; k++) {
      const score = approxDistance(q, haystacks[k], col) / q.length;
      if (score <= THRESHOLD) scored.push({ doc: docs[k], score });
    }
    scored.sort((a, b) => a.score - b.score);
    return scored.slice(0, LIMIT).map((s) => s.doc);
  };
}

// ---- timing ----

function keystrokes(query: string): string[] {
  return Array.from({ length: query.length }, (_, i) => query.slice(0, i + 1));
}

function timeTyping(search: (q: string) => unknown, queries = QUERIES): number[] {
  const times: number[] = [];
  for (const q of queries.flatMap(keystrokes)) search(q); // warm-up: JIT and caches
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries.flatMap(keystrokes)) {
      const t0 = performance.now();
      search(q);
      times.push(performance.now() - t0);
    }
  }
  return times.sort((a, b) => a - b);
}

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const ms = (n: number) => n.toFixed(2);

const docs = buildDocs();
const t0 = performance.now();
const index = JSON.parse(JSON.stringify(buildSearchIndex(docs)));
const tBuilt = performance.now();
const searcher = createSearcher(docs, index);
const tParsed = performance.now();

const methods = [
  { name: 'Fuse, prebuilt index (7 weighted fields)', search: (q: string) => searcher.search(q, LIMIT).map((h) => h.doc) },
  { name: 'linear scan, edit distance, title + signature', search: createLinearScan(docs, ['title', 'signature']) },
  {
    name: 'linear scan, edit distance, same 7 fields',
    search: createLinearScan(docs, ['title', 'signature', 'title_zh', 'id', 'tools', 'causes', 'summary']),
  },
];
const results = methods.map((m) => ({ ...m, times: timeTyping(m.search) }));
// The first Chinese query builds the character-pair index (search-cjk.ts); time that apart.
const tZh = performance.now();
searcher.search(ZH_QUERIES[0], LIMIT);
const zhFirst = performance.now() - tZh;
const zhTimes = timeTyping(methods[0].search, ZH_QUERIES);
const fuse = results[0];

console.log(`\n${docs.length} documents: ${real.length} real entries + ${docs.length - real.length} generated variants of them.`);
console.log(`Index built in ${ms(tBuilt - t0)} ms (at build time); parsed by the popup in ${ms(tParsed - tBuilt)} ms.`);
console.log(`${QUERIES.length} typing sequences (${QUERIES.map((q) => JSON.stringify(q)).join(', ')}), every prefix, ${ROUNDS} rounds: ${fuse.times.length} keystrokes per method.\n`);
console.log('| method | median ms | p95 ms | max ms | median vs Fuse | p95 vs Fuse |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  const med = quantile(r.times, 0.5);
  const p95 = quantile(r.times, 0.95);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  console.log(`| ${r.name} | ${ms(med)} | ${ms(p95)} | ${ms(r.times[r.times.length - 1])} | ${ratio(med, quantile(fuse.times, 0.5))} | ${ratio(p95, quantile(fuse.times, 0.95))} |`);
}

console.log(
  `\nChinese typing (${ZH_QUERIES.map((q) => JSON.stringify(q)).join(', ')}), Fuse searcher: median ${ms(quantile(zhTimes, 0.5))} ms, ` +
    `p95 ${ms(quantile(zhTimes, 0.95))} ms over ${zhTimes.length} keystrokes; the first Chinese query took ${ms(zhFirst)} ms (it builds the pair index).`,
);

// What each finds for the full queries, so a fast but useless method would show.
console.log('\nTop result for each full query:\n');
console.log(`| query | ${methods.map((m) => m.name).join(' | ')} |`);
console.log(`| --- | ${methods.map(() => '---').join(' | ')} |`);
for (const q of [...QUERIES, ...ZH_QUERIES]) console.log(`| ${q} | ${methods.map((m) => m.search(q)[0]?.id ?? '(none)').join(' | ')} |`);
