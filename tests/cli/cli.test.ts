import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { KNOWLEDGE_DIR, ROOT } from '../helpers/knowledge';

async function run(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdin: Readable.from([Buffer.from(stdin)]),
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
    },
    KNOWLEDGE_DIR,
  );
  return { code, stdout, stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'faultline-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

const cancelLog = join(ROOT, 'samples', 'claude-desktop-mcp.log');
const spawnLog = join(ROOT, 'samples', 'cline-windows-npx.log');

describe('faultline diagnose', () => {
  it('ranks the python-sdk#2610 cause first when CancelledError and notifications/cancelled are near', async () => {
    const { code, stdout } = await run(['diagnose', '--json', cancelLog]);
    expect(code).toBe(0);
    const [report] = JSON.parse(stdout);
    const match = report.matches.find((m: { id: string }) => m.id === 'mcp/connection-closed');
    expect(match.causes[0].id).toBe('python-sdk-cancel-kills-receive-loop');
    expect(match.causes[0].cues.map((c: { text: string }) => c.text)).toEqual(
      expect.arrayContaining(['notifications/cancelled', 'CancelledError']),
    );
    expect(match.causes[0].sources).toContain('https://github.com/modelcontextprotocol/python-sdk/issues/2610');
  });

  it('ranks the spawn cause first when spawn npx ENOENT is near', async () => {
    const { stdout } = await run(['diagnose', '--json', spawnLog]);
    const match = JSON.parse(stdout)[0].matches.find((m: { id: string }) => m.id === 'mcp/connection-closed');
    expect(match.causes[0].id).toBe('command-not-found');
  });

  it('prints exactly one JSON array, one object per input in order, with offsets into the input', async () => {
    const text = 'boot\nError: MCP error -32000: Connection closed\n';
    const path = file('one.log', text);
    const { code, stdout } = await run(['diagnose', '--json', path, '-'], 'nothing to see');
    expect(code).toBe(0);
    const reports = JSON.parse(stdout);
    expect(reports.map((r: { input: string }) => r.input)).toEqual([path, '-']);
    expect(reports[1].matches).toEqual([]);
    const m = reports[0].matches[0];
    expect(Object.keys(m)).toEqual(['id', 'title', 'start', 'end', 'text', 'causes']);
    expect(Object.keys(m.causes[0])).toEqual(['id', 'title', 'label', 'score', 'confidence', 'evidence', 'cues', 'sources']);
    expect(m.causes[0].confidence).toBe('none');
    expect(m.causes[0].evidence).toEqual([]);
    expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('prints the line, title, causes and entry path for people', async () => {
    const { stdout } = await run(['diagnose', spawnLog]);
    expect(stdout).toContain(`${spawnLog}:3:23: MCP error -32000: Connection closed`);
    expect(stdout).toContain('because: "spawn npx ENOENT" in block');
    expect(stdout).toContain('entry: knowledge/mcp/connection-closed.md');
  });

  it('reads stdin by default and exits 1 when nothing matched', async () => {
    const { code, stdout } = await run(['diagnose'], 'all fine\n');
    expect(code).toBe(1);
    expect(stdout).toBe('<stdin>: no known errors\n');
  });

  it.each([
    ['empty input', ''],
    ['invalid UTF-8', Buffer.from([0x4d, 0x43, 0x50, 0xff, 0xfe, 0xc3, 0x28, 0x0a])],
  ])('gives a clear empty result for %s', async (_what, content) => {
    const { code, stdout } = await run(['diagnose', '--json', file('odd.txt', content)]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0].matches).toEqual([]);
  });

  it('finds an error next to invalid UTF-8 bytes', async () => {
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(' MCP error -32000: Connection closed')]);
    const { code } = await run(['diagnose', file('mixed.txt', content)]);
    expect(code).toBe(0);
  });

  it('skips binary files with a one-line message', async () => {
    const { code, stderr } = await run(['diagnose', file('bin.dat', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]))]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/bin\.dat: binary file \(contains NUL bytes\), not scanned\n$/);
  });

  it('exits 2 with a one-line message on a missing file or a bad option', async () => {
    const missing = await run(['diagnose', join(tmp, 'nope.log')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.log: no such file\n$/);
    const bad = await run(['diagnose', '--jsno']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('handles a 50 MB single-line file in bounded segments and finds errors across segment cuts', async () => {
    const size = 50 * 1024 * 1024;
    const needle = 'MCP error -32000: Connection closed';
    const buffer = Buffer.alloc(size, 'x');
    // One occurrence straddling the first 1 MiB segment boundary, one at the very end.
    buffer.write(` ${needle} `, (1 << 20) - 10);
    buffer.write(` ${needle}`, size - needle.length - 1);
    const path = file('huge.log', buffer);
    const { code, stdout } = await run(['diagnose', '--json', path]);
    expect(code).toBe(0);
    const starts = JSON.parse(stdout)[0].matches.map((m: { start: number }) => m.start);
    expect(starts).toEqual([(1 << 20) - 9, size - needle.length]);
  });
});

describe('faultline search, show and kb commands', () => {
  it('search finds the seed entry from a misspelling', async () => {
    const { code, stdout } = await run(['search', 'conection', 'clsed']);
    expect(code).toBe(0);
    expect(stdout).toContain('mcp/connection-closed');
  });

  it('show prints causes, fixes and sources; an unknown id exits 2', async () => {
    const { code, stdout } = await run(['show', 'mcp/connection-closed']);
    expect(code).toBe(0);
    expect(stdout).toContain('python-sdk/issues/2610');
    expect(stdout).toContain('fix:');
    expect((await run(['show', 'mcp/nope'])).code).toBe(2);
  });

  it('kb:stats reports counts', async () => {
    const { code, stdout } = await run(['kb:stats', '--json']);
    expect(code).toBe(0);
    const stats = JSON.parse(stdout);
    expect(stats.entries).toBeGreaterThan(0);
    expect(stats.perTool.mcp.entries).toBeGreaterThan(0);
  });

  it('an unknown command exits 2 with usage', async () => {
    const { code, stderr } = await run(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: faultline');
  });
});
