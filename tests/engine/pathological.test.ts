import { describe, expect, it } from 'vitest';
import { blockAround } from '../../src/engine/blocks';
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
  // Lines ended by a lone `\r` (old Mac, some terminals): each line once read the rest of
  // the text to its next `\n` (3 s for 20,000 lines).
  ['lone CR lines, each with a match', 'Error: spawn npx ENOENT\r'.repeat(60_000)],
  ['lone CR lines, one match at the end', `${'some words here\r'.repeat(150_000)}Error: spawn npx ENOENT`],
  ['a near-anchor phrase repeated over 2 MB', `${'MCP error -32000 Connection close\n'.repeat(60_000)}MCP error -32000: Connection closed`],
];

describe('pathological input against every signature and cue', () => {
  it.each(pathological)('%s completes', (_name, text) => {
    const result = engine.diagnoseText(text);
    expect(Array.isArray(result)).toBe(true);
  });
});

describe('lone CR lines are lines', () => {
  it('a block around a match stops at a blank line made of lone CRs', () => {
    const text = 'intro\r\rnpm ERR! code ERESOLVE\rnpm ERR! ERESOLVE unable to resolve dependency tree\r\routro';
    const at = text.indexOf('unable');
    const block = blockAround(text, at, at + 6);
    expect(text.slice(block.start, block.end)).toBe('npm ERR! code ERESOLVE\rnpm ERR! ERESOLVE unable to resolve dependency tree');
  });

  it('CRLF and LF lines give the same block', () => {
    const lf = 'a\n\nb1\nb2 error\nb3\n\nc';
    const crlf = lf.replace(/\n/g, '\r\n');
    const pick = (t: string) => {
      const at = t.indexOf('error');
      const b = blockAround(t, at, at + 5);
      return t.slice(b.start, b.end).replace(/\r/g, '');
    };
    expect(pick(lf)).toBe('b1\nb2 error\nb3');
    expect(pick(crlf)).toBe('b1\nb2 error\nb3');
  });
});
