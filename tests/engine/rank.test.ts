import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/diagnose';
import { rankCauses } from '../../src/engine/rank';
import type { SignatureSpec } from '../../src/engine/types';

const signature: SignatureSpec = {
  id: 'mcp/connection-closed',
  title: 'MCP error -32000: Connection closed',
  patterns: [{ kind: 'text', text: 'MCP error -32000: Connection closed' }],
  causes: [
    { id: 'spawn', title: 'spawn', likelihood: 'common', cues: [{ pattern: { kind: 'text', text: 'spawn {name} ENOENT' }, weight: 3 }] },
    { id: 'crash', title: 'crash', likelihood: 'common', cues: [{ pattern: { kind: 'text', text: 'No module named' }, weight: 3 }] },
    {
      id: 'cancel',
      title: 'cancel',
      likelihood: 'rare',
      cues: [
        { pattern: { kind: 'text', text: 'CancelledError' }, weight: 3 },
        { pattern: { kind: 'text', text: 'spawn {name} ENOENT' }, weight: -2 },
      ],
    },
  ],
};

describe('rankCauses', () => {
  it('orders by likelihood when no cue fires, keeping the written order on ties', () => {
    expect(rankCauses(signature, { block: 'MCP error -32000: Connection closed' }).map((c) => c.id)).toEqual(['spawn', 'crash', 'cancel']);
  });

  it('puts the cause whose cue is in the same block first and says which cue fired', () => {
    const ranked = rankCauses(signature, { block: 'CancelledError\nMCP error -32000: Connection closed' });
    expect(ranked[0].id).toBe('cancel');
    expect(ranked[0].cues).toEqual([{ kind: 'cue', cue: 'CancelledError', text: 'CancelledError', where: 'block', weight: 3 }]);
    expect(ranked[0].confidence).toBe('strong');
    expect(ranked[1].confidence).toBe('none');
  });

  it('weighs a cue in the block above the same cue elsewhere on the page', () => {
    const ranked = rankCauses(signature, {
      block: 'No module named mcp_server_fetch\nMCP error -32000: Connection closed',
      page: 'earlier: CancelledError somewhere else',
    });
    expect(ranked.map((c) => c.id)).toEqual(['crash', 'cancel', 'spawn']);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
    expect(ranked[1].cues[0].where).toBe('page');
  });

  it('counts the comment between the block and the page', () => {
    const inComment = rankCauses(signature, { block: 'x', comment: 'CancelledError' }).find((c) => c.id === 'cancel')!;
    const onPage = rankCauses(signature, { block: 'x', page: 'CancelledError' }).find((c) => c.id === 'cancel')!;
    expect(inComment.score).toBeGreaterThan(onPage.score);
    expect(inComment.cues[0].where).toBe('comment');
  });

  it('lowers a cause when a cue against it fires', () => {
    const ranked = rankCauses(signature, { block: 'spawn npx ENOENT CancelledError' });
    const cancel = ranked.find((c) => c.id === 'cancel')!;
    expect(cancel.score).toBeLessThan(ranked.find((c) => c.id === 'spawn')!.score);
  });
});

describe('engine.diagnoseText', () => {
  const engine = createEngine([signature]);

  it('ranks each match by its own block, separated by blank lines', () => {
    const log = [
      'run 1',
      'spawn npx ENOENT',
      'MCP error -32000: Connection closed',
      '',
      'run 2',
      'asyncio.exceptions.CancelledError',
      'MCP error -32000: Connection closed',
    ].join('\n');
    const [first, second] = engine.diagnoseText(log);
    expect(first.causes[0].id).toBe('spawn');
    expect(second.causes[0].id).toBe('cancel');
    expect(log.slice(second.start, second.end)).toBe('MCP error -32000: Connection closed');
  });

  it('diagnoses a page block with the comment and page around it', () => {
    const [d] = engine.diagnoseBlock('MCP error -32000: Connection closed', { comment: 'I see CancelledError in the log' });
    expect(d.causes[0].id).toBe('cancel');
    expect(d.causes[0].cues[0].where).toBe('comment');
  });

  it('reads lazily given surrounding texts once, and only when the block matched', () => {
    let reads = 0;
    const around = () => {
      reads += 1;
      return { comment: 'I see CancelledError in the log' };
    };
    expect(engine.diagnoseBlock('all good here', around)).toEqual([]);
    expect(reads).toBe(0);
    const found = engine.diagnoseBlock('MCP error -32000: Connection closed\nMCP error -32000: Connection closed', around);
    expect(found.map((d) => d.causes[0].id)).toEqual(['cancel', 'cancel']);
    expect(reads).toBe(1);
  });
});

describe('platform evidence', () => {
  const windowsOnly: SignatureSpec = {
    id: 'os/wsl-example',
    title: 'WslRegisterDistribution failed with error: 0x80370102',
    patterns: [{ kind: 'text', text: 'WslRegisterDistribution failed with error: 0x80370102' }],
    causes: [
      { id: 'bios', title: 'bios', likelihood: 'common', cues: [], platform: ['windows'] },
      { id: 'feature', title: 'feature', likelihood: 'common', cues: [], platform: ['windows'] },
    ],
  };

  it('counts no platform that every cause shares: it tells none of them apart', () => {
    const ranked = rankCauses(windowsOnly, { block: 'Windows 11\nWslRegisterDistribution failed with error: 0x80370102' });
    expect(ranked.map((c) => c.confidence)).toEqual(['none', 'none']);
    expect(ranked.flatMap((c) => c.cues)).toEqual([]);
  });

  it('still counts a platform where the causes differ in it', () => {
    const mixed: SignatureSpec = { ...windowsOnly, causes: [windowsOnly.causes[0], { ...windowsOnly.causes[1], platform: ['linux'] }] };
    const ranked = rankCauses(mixed, { block: 'Windows 11\nWslRegisterDistribution failed with error: 0x80370102' });
    expect(ranked[0]).toMatchObject({ id: 'bios' });
    expect(ranked[0].cues.map((c) => c.kind)).toEqual(['platform']);
  });
});
