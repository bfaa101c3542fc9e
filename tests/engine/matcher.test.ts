import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../src/engine/automaton';
import { createMatcher, MAX_FAILURES_PER_STRETCH } from '../../src/engine/matcher';
import { compilePattern, PatternError } from '../../src/engine/pattern';
import type { SignatureSpec } from '../../src/engine/types';

const sig = (id: string, ...texts: string[]): SignatureSpec => ({
  id,
  title: id,
  causes: [],
  patterns: texts.map((text) => ({ kind: 'text', text })),
});

describe('automaton', () => {
  it('finds every anchor occurrence, overlapping ones included, case-insensitively', () => {
    const automaton = buildAutomaton(['he', 'she', 'his', 'hers']);
    const hits: [number, number][] = [];
    automaton.scan('uSHErs', (anchor, end) => hits.push([anchor, end]));
    expect(hits).toEqual([
      [1, 4], // she
      [0, 4], // he
      [3, 6], // hers
    ]);
  });

  it('treats a line break in the text as a space in an anchor', () => {
    const hits: number[] = [];
    buildAutomaton(['connection closed']).scan('Connection\nclosed', (_a, end) => hits.push(end));
    expect(hits).toEqual([17]);
  });
});

describe('patterns', () => {
  it.each([
    ['{number}', 'MCP error {number}: Connection closed', 'MCP error -32000: Connection closed', true],
    ['{path}', 'Cannot find module {path}', 'Cannot find module /app/dist/index.js', true],
    ['{quoted}', 'No module named {quoted}', "No module named 'mcp_server_fetch'", true],
    ['{name}', 'spawn {name} ENOENT', 'spawn npx ENOENT', true],
    ['{version}', 'requires node {version}', 'requires node v20.11.0', true],
    ['{url}', 'failed to fetch {url}', 'failed to fetch https://registry.npmjs.org/x', true],
    ['{any}', 'Error: {any} is not valid JSON', 'Error: Unexpected token \'M\', "MCP Server"... is not valid JSON', true],
    ['{name} does not match spaces', 'spawn {name} ENOENT', 'spawn two words ENOENT', false],
    ['{number} needs digits', 'MCP error {number}: Connection closed', 'MCP error abc: Connection closed', false],
  ])('%s', (_name, pattern, text, expected) => {
    const matcher = createMatcher([sig('x', pattern)]);
    expect(matcher.match(text).length > 0).toBe(expected);
  });

  it.each([
    ['no literal run of 4 characters', '{name} {path}', /literal run of at least 4/],
    ['an unknown placeholder', 'Error {thing} here', /unknown placeholder \{thing\}/],
    ['an unclosed brace', 'Error {name here', /unclosed "\{"/],
  ])('refuses a pattern with %s', (_what, text, message) => {
    expect(() => compilePattern({ kind: 'text', text })).toThrow(PatternError);
    expect(() => compilePattern({ kind: 'text', text })).toThrow(message);
  });

  it('keeps literal braces written as {{ and }}', () => {
    const matcher = createMatcher([sig('x', 'payload {{"error"}} rejected')]);
    expect(matcher.match('payload {"error"} rejected')).toHaveLength(1);
  });
});

describe('matcher', () => {
  const matcher = createMatcher([
    sig('mcp/closed', 'MCP error -32000: Connection closed'),
    sig('mcp/timeout', 'MCP error -32001: Request timed out'),
    sig('node/enoent', 'spawn {name} ENOENT'),
  ]);

  it('finds several signatures in one pass, with offsets into the original text', () => {
    const text = 'x\r\n\u001b[31mspawn  npx ENOENT\u001b[0m\nthen MCP error -32000: Connection closed!';
    const matches = matcher.match(text);
    expect(matches.map((m) => m.entryId)).toEqual(['node/enoent', 'mcp/closed']);
    for (const m of matches) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(matches[0].text).toBe('spawn  npx ENOENT');
    expect(matches[1].text).toBe('MCP error -32000: Connection closed');
  });

  it('matches across a line break and through JSON escaping', () => {
    expect(matcher.match('MCP error -32000:\nConnection closed')).toHaveLength(1);
    expect(matcher.match('{"error":"MCP error -32000: Connection closed\\n"}')).toHaveLength(1);
  });

  it('stops verifying a pattern after MAX_FAILURES_PER_STRETCH near misses in one 64 KB stretch; the next stretch starts afresh', () => {
    // 'ENOENT' is the anchor; without 'spawn <name>' before it, each is a failed verification.
    const nearMisses = 'x ENOENT\n'.repeat(MAX_FAILURES_PER_STRETCH + 10);
    const real = 'spawn npx ENOENT\n';
    expect(nearMisses.length).toBeLessThan(64 * 1024);
    expect(matcher.match(nearMisses + real)).toEqual([]);
    const nextStretch = nearMisses + 'filler line of text\n'.repeat(4096) + real;
    expect(matcher.match(nextStretch).map((m) => m.entryId)).toEqual(['node/enoent']);
    // Under the cap, a real match after near misses is found as before.
    expect(matcher.match('x ENOENT\n'.repeat(10) + real).map((m) => m.entryId)).toEqual(['node/enoent']);
  });

  it('does not confuse neighbouring error codes', () => {
    expect(matcher.match('MCP error -32001: Request timed out').map((m) => m.entryId)).toEqual(['mcp/timeout']);
  });

  it('reports one match per signature per place, however many patterns hit it', () => {
    const double = createMatcher([sig('x', 'Connection closed', 'MCP error {number}: Connection closed')]);
    expect(double.match('MCP error -32000: Connection closed')).toHaveLength(1);
  });

  it('never badges obsolete entries', () => {
    const retired = createMatcher([{ ...sig('old', 'Connection closed'), obsolete: 'replaced' }]);
    expect(retired.match('Connection closed')).toEqual([]);
  });

  it('finds nothing in empty or unrelated text', () => {
    expect(matcher.match('')).toEqual([]);
    expect(matcher.match('all good here'.repeat(1000))).toEqual([]);
  });

  it('keeps the automaton size independent of duplicate anchors', () => {
    const many = createMatcher(Array.from({ length: 50 }, (_, k) => sig(`e${k}`, `Connection closed {int} x${k}`)));
    const one = createMatcher([sig('e', 'Connection closed {int} x')]);
    expect(many.automaton.stateCount).toBe(one.automaton.stateCount);
  });
});
