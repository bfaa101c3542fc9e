import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeFolder } from '../../src/knowledge/load-folder';
import { formatProblem } from '../../src/knowledge/parse-entry';
import { checkVerificationBound, MAX_VERIFY_STEPS, stepsPerStart } from '../../src/knowledge/regex-bound';
import { checkRegexSafety } from '../../src/knowledge/regex-safety';
import { compilePattern } from '../../src/engine/pattern';

// Each folder under faulty-knowledge/ holds a small knowledge/ tree and expected.txt: the
// exact `file:line: field: problem` lines kb:check must print for it.
const FIXTURES = join(__dirname, '..', 'fixtures', 'faulty-knowledge');
const cases = readdirSync(FIXTURES).sort();

describe('validator: faulty entries give exact messages', () => {
  it.each(cases)('%s', (name) => {
    const dir = join(FIXTURES, name);
    const expected = readFileSync(join(dir, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
    // Fixtures named bundled-* check the bundled knowledge's extra rules; the others the format alone.
    const { problems } = loadKnowledgeFolder(join(dir, 'knowledge'), dir, { bundled: name.startsWith('bundled-') });
    expect(problems.map(formatProblem)).toEqual(expected);
    if (name !== 'valid') expect(expected.length).toBeGreaterThan(0);
  });
});

describe('regex safety', () => {
  it.each([
    ['a bounded regex', 'Error W\\d{1,5}: (?:foo|bar) failed', null],
    ['an optional group', 'Error(?: code \\d{1,3})? failed', null],
    ['a star', 'Error .* failed', /unbounded "\*"/],
    ['a plus', 'Error \\d+ failed', /unbounded "\+"/],
    ['an open-ended repeat', 'Error \\d{2,} failed', /unbounded "\{2,\}"/],
    ['a huge repeat', 'Error \\d{1,5000} failed', /exceeds 500/],
    ['a nested repeat whose iterations cannot be confused', '(?:ab{1,3}){1,9} failed', null],
    ['a backreference', '(a)\\1 failed', /backreferences/],
    ['a syntax error', 'Error (unclosed', /does not compile/],
  ])('%s', (_what, regex, expected) => {
    const result = checkRegexSafety(regex, 'failed');
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });
});

describe('verification bound: what a page can make a verifier do', () => {
  const text = (t: string) => compilePattern({ kind: 'text', text: t });
  const regex = (r: string, anchor: string) => compilePattern({ kind: 'regex', regex: r, anchor });

  it('a repeat followed by a character it cannot match keeps one way to continue', () => {
    // `\d{1,6}\.`: only the longest run of digits can be followed by the dot.
    expect(stepsPerStart('x\\d{1,6}\\.y')).toBeLessThan(30);
    expect(stepsPerStart('x\\d{1,600}\\.y')).toBeLessThan(stepsPerStart('x\\d{1,6}\\.y') * 120);
  });

  it('repeats that can match the same characters multiply', () => {
    const two = stepsPerStart('\\w{0,50}\\w{0,50}!');
    const three = stepsPerStart('\\w{0,50}\\w{0,50}\\w{0,50}!');
    expect(three).toBeGreaterThan(two * 40);
  });

  it.each([
    ['an alternation of the same character under a repeat', regex('zzzz(a|a){1,500}!', 'zzzz')],
    ['an alternation of overlapping classes under a repeat', regex('zzzz(\\w|\\d){1,500}x', 'zzzz')],
    ['adjacent repeats of one class', regex('zzzz\\w{0,400}\\w{0,400}\\w{0,400}\\w{0,400}!', 'zzzz')],
    ['a lookahead holding repeats', regex('zzzz(?=[\\s\\S]{0,500}a[\\s\\S]{0,500}b[\\s\\S]{0,500}c)', 'zzzz')],
    ['four {any} in a row', text('zzzz{any}{any}{any}{any}!')],
  ])('refuses %s', (_what, compiled) => {
    expect(checkVerificationBound(compiled)).toMatch(/backtracking steps on hostile text/);
  });

  it.each([
    ['a placeholder pattern', text('Failed to start MCP server {name}: spawn {path} ENOENT')],
    ['one {any}', text('API Error: {number} {any}overloaded_error')],
    ['a version and a name', text('{name}@{version} requires node {version}')],
    ['a bounded gap', regex('API Error:? 400[\\s\\S]{0,200}?tool_use`?\\s{1,20}ids', 'tool_use')],
  ])('accepts %s', (_what, compiled) => {
    expect(checkVerificationBound(compiled)).toBeNull();
  });

  it('the hostile cases are refused by a wide margin, the accepted ones sit under the limit', () => {
    expect(stepsPerStart('zzzz(\\w|\\d){1,500}x')).toBeGreaterThan(MAX_VERIFY_STEPS * 1e6);
  });
});
