/**
 * Ranking from facts: platform conditions, version ranges, other known errors nearby,
 * inner-cause lines, negated mentions, confidence, and entries picked by context.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/diagnose';
import { rankCauses } from '../../src/engine/rank';
import type { SignatureSpec } from '../../src/engine/types';

const text = (t: string) => ({ kind: 'text' as const, text: t });

const closed: SignatureSpec = {
  id: 'mcp/connection-closed',
  title: 'MCP error -32000: Connection closed',
  patterns: [text('MCP error -32000: Connection closed')],
  causes: [
    { id: 'gui-path', title: 'GUI app without the login PATH', likelihood: 'common', cues: [{ entry: 'node/spawn-enoent', weight: 2 }], platform: ['macos'] },
    { id: 'cmd-shim', title: 'npx .cmd shim without a shell', likelihood: 'common', cues: [{ entry: 'node/spawn-enoent', weight: 2 }], platform: ['windows'] },
    {
      id: 'cancel-bug',
      title: 'python-sdk cancel bug',
      likelihood: 'rare',
      cues: [{ pattern: text('CancelledError'), weight: 3 }],
      affectedRanges: [{ product: 'mcp', range: '>=1.26.0 <1.28.0' }],
      fixedIn: [{ product: 'mcp', range: '1.28.0' }],
    },
  ],
};
const spawn: SignatureSpec = {
  id: 'node/spawn-enoent',
  title: 'spawn ENOENT',
  patterns: [text('spawn {name} ENOENT')],
  causes: [{ id: 'missing', title: 'missing', likelihood: 'common', cues: [] }],
};
const dns: SignatureSpec = {
  id: 'node/fetch-failed',
  title: 'TypeError: fetch failed',
  patterns: [text('TypeError: fetch failed')],
  causes: [
    { id: 'refused', title: 'nothing listens', likelihood: 'common', cues: [{ pattern: text('ECONNREFUSED'), weight: 2 }] },
    { id: 'dns', title: 'name does not resolve', likelihood: 'common', cues: [{ pattern: text('EAI_AGAIN'), weight: 2 }] },
  ],
};

describe('ranking from evidence', () => {
  const engine = createEngine([closed, spawn, dns]);
  const top = (block: string, around = {}) => engine.diagnoseBlock(block, around).find((d) => d.entryId !== 'node/spawn-enoent')!.causes[0];

  it('says it has no evidence when nothing fired, and keeps the stated order', () => {
    const cause = top('MCP error -32000: Connection closed');
    expect(cause.id).toBe('gui-path');
    expect(cause.confidence).toBe('none');
    expect(cause.cues).toEqual([]);
  });

  it('uses another known error in the block as a cue, and the platform to pick between causes', () => {
    const mac = top('Error: spawn npx ENOENT\nMCP error -32000: Connection closed', { comment: 'Claude Desktop on macOS 14.5' });
    expect(mac.id).toBe('gui-path');
    expect(mac.confidence).toBe('strong');
    expect(mac.cues.map((c) => c.kind)).toEqual(['error', 'platform']);
    const win = top('Error: spawn npx ENOENT\nMCP error -32000: Connection closed', { comment: 'This is on Windows 10' });
    expect(win.id).toBe('cmd-shim');
  });

  it('counts a platform that contradicts a cause against it', () => {
    const ranked = rankCauses(closed, { block: 'MCP error -32000: Connection closed', comment: 'Windows 11, Claude Desktop' });
    const gui = ranked.find((c) => c.id === 'gui-path')!;
    expect(gui.cues).toEqual([expect.objectContaining({ kind: 'platform', weight: -3, where: 'comment' })]);
    expect(gui.confidence).toBe('none');
  });

  it('does not count a negated mention', () => {
    const ranked = rankCauses(closed, { block: 'MCP error -32000: Connection closed', comment: 'It is not a CancelledError, the server never starts' });
    expect(ranked.find((c) => c.id === 'cancel-bug')!.cues).toEqual([]);
  });

  it('weighs a word in the block far above the same word elsewhere on the page', () => {
    const ranked = rankCauses(closed, { block: 'MCP error -32000: Connection closed', page: 'someone else on Windows wrote this' });
    expect(ranked[0].id).toBe('gui-path');
  });

  it('compares versions with the affected and fixed ranges', () => {
    const inRange = rankCauses(closed, { block: 'CancelledError\nMCP error -32000: Connection closed', comment: 'mcp==1.26.0' }).find((c) => c.id === 'cancel-bug')!;
    expect(inRange.cues).toContainEqual(expect.objectContaining({ kind: 'version', weight: 2, text: 'mcp==1.26.0' }));
    const fixed = rankCauses(closed, { block: 'CancelledError\nMCP error -32000: Connection closed', comment: 'mcp==1.28.1' }).find((c) => c.id === 'cancel-bug')!;
    expect(fixed.cues).toContainEqual(expect.objectContaining({ kind: 'version', weight: -3, cue: 'mcp 1.28.0 (fixed)' }));
    const before = rankCauses(closed, { block: 'CancelledError\nMCP error -32000: Connection closed', comment: 'mcp==1.20.0' }).find((c) => c.id === 'cancel-bug')!;
    expect(before.cues).toContainEqual(expect.objectContaining({ kind: 'version', weight: -2 }));
  });

  it("reads the paste's own inner error and weighs it most (nodejs/undici#4330)", () => {
    const paste = `TypeError: fetch failed
    at node:internal/deps/undici/undici:13510:13 {
  [cause]: Error: getaddrinfo EAI_AGAIN usavisas.com
      at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26) {
    errno: -3001,
    code: 'EAI_AGAIN',
  }
}`;
    const [d] = engine.diagnoseBlock(paste, { comment: 'ECONNREFUSED when I tried yesterday' });
    expect(d.causes[0].id).toBe('dns');
    expect(d.causes[0].cues[0]).toMatchObject({ kind: 'cue', where: 'inner', text: 'EAI_AGAIN' });
  });
});

describe('entries picked by context', () => {
  const openai: SignatureSpec = {
    id: 'llm-api/openai-quota',
    title: 'OpenAI quota',
    patterns: [text('You exceeded your current quota')],
    causes: [{ id: 'billing', title: 'billing', likelihood: 'common', cues: [] }],
  };
  const gemini: SignatureSpec = {
    id: 'gemini/quota',
    title: 'Gemini quota',
    patterns: [text('You exceeded your current quota')],
    causes: [{ id: 'free-tier', title: 'free tier', likelihood: 'common', cues: [] }],
    context: { prefer: [{ pattern: text('RESOURCE_EXHAUSTED'), weight: 3 }, { pattern: text('generativelanguage.googleapis.com'), weight: 3 }], avoid: [], require: [] },
  };
  const generic: SignatureSpec = {
    id: 'llm-api/connection-error',
    title: 'Connection error.',
    patterns: [text('Connection error.')],
    causes: [{ id: 'network', title: 'network', likelihood: 'common', cues: [] }],
    context: { prefer: [], avoid: [text('anthropic')], require: [text('openai')] },
  };
  const engine = createEngine([openai, gemini, generic]);
  const ids = (block: string, around = {}) => engine.diagnoseBlock(block, around).map((d) => d.entryId);

  it('gives the text to the entry the context prefers', () => {
    expect(ids('429 RESOURCE_EXHAUSTED: You exceeded your current quota')).toEqual(['gemini/quota']);
    expect(ids('You exceeded your current quota', { comment: 'calling generativelanguage.googleapis.com' })).toEqual(['gemini/quota']);
  });

  it('keeps the text with the entry that asks for no context when nothing decides (recall does not drop)', () => {
    expect(ids('Error code: 429 - You exceeded your current quota')).toEqual(['llm-api/openai-quota']);
  });

  it('does not let a lone word elsewhere on the page decide', () => {
    expect(ids('You exceeded your current quota', { page: 'RESOURCE_EXHAUSTED' })).toEqual(['llm-api/openai-quota']);
  });

  it('claims a generic sentence only with the context it requires, never with what it avoids', () => {
    expect(ids('Connection error.')).toEqual([]);
    expect(ids('openai.APIConnectionError: Connection error.')).toEqual(['llm-api/connection-error']);
    expect(ids('openai.APIConnectionError: Connection error.', { comment: 'using the anthropic SDK' })).toEqual([]);
  });
});
