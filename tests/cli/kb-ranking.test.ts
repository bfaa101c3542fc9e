/**
 * kb:ranking and kb:coverage: the held-back set is reported in aggregate only (no record
 * of it is ever printed), cause examples that fail are listed, coverage counts key lines.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKbCoverage } from '../../src/cli/kb-coverage';
import { runKbRanking } from '../../src/cli/kb-ranking';
import { KNOWLEDGE_DIR } from '../helpers/knowledge';

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdin: process.stdin, stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s) } },
  };
}

const record = (id: string, block: string, cause: string | null, url: string) =>
  JSON.stringify({ id, url, repo: 'o/r', title: 'MCP server fails', block, entry: 'mcp/connection-closed', cause });

describe('kb:ranking', () => {
  it('prints the held-back figures in aggregate, never a record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-hb-'));
    writeFileSync(
      join(dir, 'held-back-test.jsonl'),
      [
        record('secret-1', 'Error: spawn npx ENOENT\nMCP error -32000: Connection closed', 'command-not-found', 'https://example.org/o/r/issues/2'),
        record('secret-2', 'MCP error -32000: Connection closed', 'stdout-pollution', 'https://example.org/o/r/issues/4'),
        record('secret-3', 'nothing known here', 'stdout-pollution', 'https://example.org/o/r/issues/6'),
      ].join('\n'),
    );
    const { io: cli, out } = io();
    expect(runKbRanking([], cli, KNOWLEDGE_DIR, dir)).toBe(0);
    expect(out.stdout).toMatch(/held-back set \(held-back-test\.jsonl\): 3 pastes; recognized 2\/3 \(66\.7%\); right cause first 1\/2 of those \(50\.0%\)/);
    expect(out.stdout).not.toMatch(/secret-|issues\/[246]/);
  });

  it('refuses a broken held-back file with its line number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-hb-'));
    writeFileSync(join(dir, 'held-back-x.jsonl'), '{"id": 1}\n');
    const { io: cli, out } = io();
    expect(runKbRanking([], cli, KNOWLEDGE_DIR, dir)).toBe(2);
    expect(out.stderr).toMatch(/^held-back-x\.jsonl:1: needs string/);
  });
});

describe('kb:coverage', () => {
  it('counts the issues with key lines and the share recognized, and lists misses on request', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-cov-'));
    const line = (id: string, key: string[]) => JSON.stringify({ id, url: `https://example.org/${id}`, title: 't', key_lines: key });
    writeFileSync(join(dir, 'sample.jsonl'), [line('a', ['Error: spawn npx ENOENT']), line('b', ['zorp: the flux capacitor overheated']), line('c', [])].join('\n'));
    const { io: cli, out } = io();
    expect(runKbCoverage(['--misses'], cli, KNOWLEDGE_DIR, dir)).toBe(0);
    expect(out.stdout).toContain('sample.jsonl: 3 issues, 2 with key error lines, recognized 1/2 (50.0%)');
    expect(out.stdout).toContain('  b  zorp: the flux capacitor overheated  https://example.org/b');
  });
});
