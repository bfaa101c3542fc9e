import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/diagnose';
import { realKnowledge } from '../helpers/knowledge';

// Verifiers only run in bounded windows around anchors, so even adversarial text stays
// linear. These inputs are built to make backtracking regexes explode.
const { entries } = realKnowledge();
const engine = createEngine(entries);
const anchors = entries.flatMap((e) => e.patterns.map((p) => (p.kind === 'text' ? p.text : p.anchor)));

const pathological: [string, string][] = [
  ['a long run of one letter', 'a'.repeat(200_000)],
  ['long runs of spaces and tabs', ' \t'.repeat(100_000)],
  ['repeated quotes and braces', '"{'.repeat(100_000)],
  ['every anchor repeated back to back', anchors.join('').repeat(20)],
  ['every anchor with its placeholders left as words', anchors.map((a) => a.replace(/\{[a-z]+\}/g, 'x'.repeat(300))).join(' ').repeat(5)],
  ['deep path-like text', `${'/a'.repeat(50_000)} ENOENT`],
  ['unbalanced escapes', '\\"\\u001b['.repeat(50_000)],
];

describe('pathological input against every signature and cue', () => {
  it.each(pathological)('%s completes', (_name, text) => {
    const result = engine.diagnoseText(text);
    expect(Array.isArray(result)).toBe(true);
  });
});
