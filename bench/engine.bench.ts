/**
 * `npm run bench`: the engine (one automaton pass + bounded verifiers) against a baseline
 * that loops one regex per signature, on the same texts, at 100, 1,000 and 10,000
 * signatures. Prints throughput and ratios; budgets are in DESIGN.md.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSteps } from '../src/engine/automaton';
import { createMatcher } from '../src/engine/matcher';
import { createPrefilterSteps, prefilterAnchors } from '../src/engine/prefilter';
import { normalize } from '../src/engine/normalize';
import { compilePattern } from '../src/engine/pattern';
import type { SignatureSpec } from '../src/engine/types';
import { loadKnowledgeFolder } from '../src/knowledge/load-folder';
import { buildText, knowledgeOfSize } from './corpus';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { entries, parsed } = loadKnowledgeFolder(join(root, 'knowledge'), root, { crossCheck: false });
const examples = parsed.flatMap((p) => p.examples.map((e) => e.value));

const SIZES = [100, 1_000, 10_000];
const TEXTS = [
  { name: '100 KB', text: buildText(100 * 1024, examples) },
  { name: '5 MB', text: buildText(5 * 1024 * 1024, examples) },
];
/** The baseline at 10,000 signatures on 5 MB takes minutes; it is measured on a sample and scaled (it is a plain loop, so its cost is linear in the signature count). */
const BASELINE_SAMPLE = 1_000;

function timeIt(fn: () => number, minRuns = 3, minMs = 300): { ms: number; result: number } {
  const times: number[] = [];
  let result = 0;
  const started = performance.now();
  while (times.length < minRuns || performance.now() - started < minMs) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
    if (times.length >= 25) break;
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], result };
}

function baselineRegexes(signatures: SignatureSpec[]): RegExp[] {
  return signatures.flatMap((s) => s.patterns.map((p) => new RegExp(compilePattern(p).regex, 'giu')));
}

function runBaseline(regexes: RegExp[], text: string): number {
  let found = 0;
  for (const re of regexes) {
    re.lastIndex = 0;
    while (re.exec(text)) found++;
  }
  return found;
}

interface Row {
  text: string;
  signatures: number;
  engineMs: number;
  baselineMs: number;
  baselineScaled: boolean;
  matches: number;
  states: number;
}

const rows: Row[] = [];
for (const { name, text } of TEXTS) {
  const normalized = normalize(text).text; // the baseline gets normalization for free
  for (const size of SIZES) {
    const signatures = knowledgeOfSize(entries, size);
    const matcher = createMatcher(signatures);
    matcher.match(text); // warm-up: let the JIT settle before timing
    const engine = timeIt(() => matcher.match(text).length);
    const regexes = baselineRegexes(signatures);
    const scaled = name === '5 MB' && size > BASELINE_SAMPLE;
    // Every n-th regex, so the sample has the same mix of real and synthetic signatures.
    const stride = Math.ceil(regexes.length / BASELINE_SAMPLE);
    const sample = scaled ? regexes.filter((_, k) => k % stride === 0) : regexes;
    const baseline = timeIt(() => runBaseline(sample, normalized), 1, 0);
    rows.push({
      text: name,
      signatures: size,
      engineMs: engine.ms,
      baselineMs: scaled ? baseline.ms * (regexes.length / sample.length) : baseline.ms,
      baselineScaled: scaled,
      matches: engine.result,
      states: matcher.automaton.stateCount,
    });
  }
}

const mbps = (chars: number, ms: number) => (chars / 1024 / 1024 / (ms / 1000)).toFixed(1);
const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(2));
console.log(`real entries: ${entries.length}; texts contain real error pastes between log lines\n`);
console.log('| text | signatures | automaton states | engine ms | engine MB/s | baseline ms | baseline MB/s | engine speed-up | matches |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  const chars = TEXTS.find((t) => t.name === r.text)!.text.length;
  console.log(
    `| ${r.text} | ${r.signatures.toLocaleString('en')} | ${r.states.toLocaleString('en')} | ${fmt(r.engineMs)} | ${mbps(chars, r.engineMs)} | ${fmt(r.baselineMs)}${r.baselineScaled ? '*' : ''} | ${mbps(chars, r.baselineMs)} | ${(r.baselineMs / r.engineMs).toFixed(1)}× | ${r.matches} |`,
  );
}
console.log(`\n* measured on every n-th signature (${BASELINE_SAMPLE.toLocaleString('en')} of them) and scaled linearly.`);
for (const { name } of TEXTS) {
  const at = (n: number) => rows.find((r) => r.text === name && r.signatures === n)!;
  const growth = at(10_000).engineMs / at(100).engineMs;
  const speedup = at(10_000).baselineMs / at(10_000).engineMs;
  console.log(
    `${name}: engine 10,000 / 100 signatures = ${growth.toFixed(2)} (budget ≤ 1.5) ${growth <= 1.5 ? 'OK' : 'OVER'}; ` +
      `baseline / engine at 10,000 = ${speedup.toFixed(0)}× (budget ≥ 50×) ${speedup >= 50 ? 'OK' : 'UNDER'}`,
  );
}

// The content script's share of the knowledge: only the prefilter's anchors travel to the
// page (engine/prefilter.ts). Its size and build time are what grows with the knowledge there.
const big = TEXTS[1].text;
const bareLoop = timeIt(() => {
  let sum = 0;
  for (let i = 0; i < big.length; i++) sum = (sum + big.charCodeAt(i)) | 0;
  return sum;
});
console.log(`\ncontent script prefilter (${TEXTS[1].name} text; bare charCodeAt loop over it: ${fmt(bareLoop.ms)} ms, ${mbps(big.length, bareLoop.ms)} MB/s)\n`);
console.log('| signatures | anchors | anchors JSON KB | build ms | scan ms | scan MB/s | scan / bare loop | hits |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const size of [entries.length, 1_000, 10_000]) {
  const anchors = prefilterAnchors(knowledgeOfSize(entries, size));
  runSteps(createPrefilterSteps(anchors)); // warm-up
  const build = timeIt(() => runSteps(createPrefilterSteps(anchors)).anchorCount, 5, 200);
  const prefilter = runSteps(createPrefilterSteps(anchors));
  const scan = timeIt(() => prefilter.hits(big).length);
  console.log(
    `| ${size.toLocaleString('en')} | ${anchors.length.toLocaleString('en')} | ${(JSON.stringify(anchors).length / 1024).toFixed(1)} | ${fmt(build.ms)} | ${fmt(scan.ms)} | ${mbps(big.length, scan.ms)} | ${(bareLoop.ms / scan.ms).toFixed(2)}× | ${scan.result} |`,
  );
}

const heap = process.memoryUsage();
console.log(`\nheap used at the end: ${(heap.heapUsed / 1024 / 1024).toFixed(0)} MB (rss ${(heap.rss / 1024 / 1024).toFixed(0)} MB)`);
