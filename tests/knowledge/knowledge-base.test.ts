import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/diagnose';
import { toSignature } from '../../src/knowledge/compile';
import { formatProblem } from '../../src/knowledge/parse-entry';
import { KNOWLEDGE_DIR, realKnowledge } from '../helpers/knowledge';

const { entries, parsed, problems } = realKnowledge();
// As a page sees them: after context has picked between entries that share words.
const engine = createEngine(entries.map(toSignature));
const claimed = (text: string) => engine.diagnoseBlock(text).map((d) => d.entryId);

describe('the knowledge base', () => {
  it('passes kb:check with no problems', () => {
    expect(problems.map(formatProblem)).toEqual([]);
  });

  it('loads every entry file (nothing silently skipped)', () => {
    const files = readdirSync(KNOWLEDGE_DIR, { recursive: true }).filter((f) => String(f).endsWith('.md') && !String(f).endsWith('README.md'));
    expect(entries).toHaveLength(files.length);
  });

  it('has a seed entry with the four causes the design names', () => {
    const seed = entries.find((e) => e.id === 'mcp/connection-closed');
    expect(seed?.causes.map((c) => c.id)).toEqual([
      'command-not-found',
      'server-crashes-on-start',
      'stdout-pollution',
      'python-sdk-cancel-kills-receive-loop',
    ]);
  });
});

// Every example and counterexample, one test each, so a failure names the entry and text.
const exampleCases = parsed.flatMap((p) => p.examples.map((ex) => [p.entry.id, ex.field, ex.value] as const));
const counterCases = parsed.flatMap((p) => p.counterexamples.map((ex) => [p.entry.id, ex.field, ex.value] as const));

describe('examples match their entry', () => {
  it.each(exampleCases)('%s %s', (id, _field, text) => {
    expect(claimed(text)).toContain(id);
  });
});

describe('counterexamples do not match their entry', () => {
  it.each(counterCases)('%s %s', (id, _field, text) => {
    expect(claimed(text)).not.toContain(id);
  });
});
