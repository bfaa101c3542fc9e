/**
 * The content script's prefilter must never hide an error the background would find: every
 * match the full engine makes in a real paste contains a prefilter hit. And the anchor list
 * must stay small, so that the page's cost does not follow the size of the knowledge.
 */
import { describe, expect, it } from 'vitest';
import { runSteps } from '../../src/engine/automaton';
import { createEngine } from '../../src/engine/diagnose';
import { createPrefilterSteps, prefilterAnchors, PREFILTER_ANCHOR_CHARS } from '../../src/engine/prefilter';
import type { Entry, SignatureSpec } from '../../src/engine/types';
import { toMatchSignature, toSignature } from '../../src/knowledge/compile';
import anchors from '../../src/knowledge/generated/anchors.json';
import entries from '../../src/knowledge/generated/entries.json';
import { realKnowledge } from '../helpers/knowledge';

const all = entries as Entry[];
const prefilter = runSteps(createPrefilterSteps(anchors));

const sig = (id: string, ...patterns: string[]): SignatureSpec => ({ id, title: id, patterns: patterns.map((text) => ({ kind: 'text' as const, text })), causes: [] });

describe('the prefilter over the bundled knowledge', () => {
  it('has a hit inside every match the full engine finds in every bundled example', () => {
    const engine = createEngine(all.map(toSignature));
    let matches = 0;
    const missed: string[] = [];
    for (const { entry, examples, causeExamples } of realKnowledge().parsed) {
      for (const example of [...examples.map((e) => e.value), ...causeExamples.map((e) => e.block)]) {
        const hits = prefilter.hits(example);
        for (const d of engine.diagnoseBlock(example, {})) {
          matches++;
          if (!hits.some((h) => h >= d.start && h < d.end)) missed.push(`${d.entryId} in an example of ${entry.id}`);
        }
      }
    }
    expect(missed).toEqual([]);
    expect(matches).toBeGreaterThan(2 * all.length);
  });

  it('is what the build wrote: the bundled signatures give exactly these anchors', () => {
    expect(prefilterAnchors(all.map(toMatchSignature))).toEqual(anchors);
  });

  it('is far smaller than the patterns it stands for, and holds only short anchors', () => {
    const patterns = all.reduce((n, e) => n + toMatchSignature(e).patterns.length, 0);
    expect(anchors.length).toBeLessThan(patterns);
    expect(anchors.every((a) => Array.from(a).length <= PREFILTER_ANCHOR_CHARS)).toBe(true);
    expect(JSON.stringify(anchors).length).toBeLessThan(64 * 1024);
  });

  it('finds nothing in ordinary prose and code', () => {
    expect(prefilter.hits('Thanks for the report! I pushed a fix in the latest release; could you try it?\nconst x = await fetch(url);')).toEqual([]);
  });
});

describe('prefilterAnchors', () => {
  it('cuts anchors to their prefix, folds case, drops duplicates and anchors that contain a kept one', () => {
    const list = prefilterAnchors([
      sig('a/one', 'MCP error -32000: Connection closed'),
      sig('a/two', 'mcp error -32000: Request timed out'),
      sig('a/three', 'npm ERR! code ERESOLVE'),
      sig('a/four', 'ERESOLVE could not resolve'),
    ]);
    expect(list).toContain('mcp error -32000');
    expect(list.filter((a) => a.startsWith('mcp error'))).toHaveLength(1);
    expect(list.every((a) => a === a.toLowerCase())).toBe(true);
    expect(list.every((a) => Array.from(a).length <= PREFILTER_ANCHOR_CHARS)).toBe(true);
  });

  it('never cuts inside a surrogate pair', () => {
    const [anchor] = prefilterAnchors([sig('a/emoji', '😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 failed')]);
    expect(Array.from(anchor)).toHaveLength(Math.min(PREFILTER_ANCHOR_CHARS, Array.from(anchor).length));
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(anchor)).toBe(false);
  });

  it('leaves out retired entries, which never badge', () => {
    const retired = { ...sig('a/old', 'Totally retired message here'), obsolete: 'replaced by a/new' };
    expect(prefilterAnchors([retired])).toEqual([]);
  });
});

describe('prefilter hits', () => {
  const only = runSteps(createPrefilterSteps(['mcp error -32000']));

  it('reports offsets in the original text, across case, colour codes and odd spacing', () => {
    const text = 'log line\n\u001b[31mMCP  Error -32000\u001b[0m: Connection closed';
    const [hit] = only.hits(text);
    expect(text.slice(hit, hit + 3)).toBe('MCP');
  });

  it('reports each distinct offset once, in text order', () => {
    const text = 'MCP error -32000 then again MCP error -32000';
    expect(only.hits(text)).toEqual([0, text.lastIndexOf('MCP')]);
    expect(only.anchorCount).toBe(1);
  });
});
