import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledgeFolder } from '../../src/knowledge/load-folder';
import { formatProblem } from '../../src/knowledge/parse-entry';
import { checkRegexSafety } from '../../src/knowledge/regex-safety';

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
    ['a nested repeat', '(?:ab{1,3}){1,9} failed', /nested repetition/],
    ['a backreference', '(a)\\1 failed', /backreferences/],
    ['a syntax error', 'Error (unclosed', /does not compile/],
  ])('%s', (_what, regex, expected) => {
    const result = checkRegexSafety(regex, 'failed');
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatch(expected);
  });
});
