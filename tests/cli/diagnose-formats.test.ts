/**
 * diagnose for logs and CI: repeats grouped with a summary, --fix, colour rules,
 * GitHub Actions annotations, --fail-on exit codes, and columns on lines cut into segments.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { paintFor } from '../../src/cli/colors';
import { runDiagnose } from '../../src/cli/diagnose';
import { escapeData, escapeProperty } from '../../src/cli/format-github';
import { loadKnowledgeFolder } from '../../src/knowledge/load-folder';
import { KNOWLEDGE_DIR } from '../helpers/knowledge';

const { entries } = loadKnowledgeFolder(KNOWLEDGE_DIR, undefined, { crossCheck: false });
const tmp = mkdtempSync(join(tmpdir(), 'faultline-formats-'));

async function run(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}, isTTY = false) {
  let stdout = '';
  let stderr = '';
  const code = await runDiagnose(
    args,
    {
      stdin: Readable.from([Buffer.from(stdin)]),
      stdout: { write: (s: string) => (stdout += s), isTTY } as { write(s: string): unknown },
      stderr: { write: (s: string) => (stderr += s) },
    },
    entries,
    env,
  );
  return { code, stdout, stderr };
}

const CLOSED = 'MCP error -32000: Connection closed';

describe('diagnose for logs', () => {
  it('prints 2,000 repeats of one error as one group, then a summary', async () => {
    const log = Array.from({ length: 2000 }, (_, k) => `2026-05-12 10:00:${String(k % 60).padStart(2, '0')} [error] ${CLOSED}\n\n`).join('');
    const { code, stdout } = await run(['-'], log);
    expect(code).toBe(0);
    expect(stdout.match(/^<stdin>:\d+:\d+: /gm)).toHaveLength(1);
    expect(stdout).toMatch(/^<stdin>:1:29: MCP error -32000: Connection closed {2}\(2000 times, lines 1-3999\)$/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('<stdin>: 2000 known errors, 1 distinct: mcp/connection-closed x2000');
  });

  it('keeps repeats apart when their top cause differs', async () => {
    const { stdout } = await run(['-'], `Error: spawn npx ENOENT\n${CLOSED}\n\nCancelledError in notifications/cancelled\n${CLOSED}\n`);
    expect(stdout.match(/^<stdin>:\d+:\d+: MCP error/gm)).toHaveLength(2);
  });

  it('--fix prints the top cause’s fix steps', async () => {
    const { stdout } = await run(['--fix', '-'], `Error: spawn npx ENOENT\n${CLOSED}\n`);
    expect(stdout).toMatch(/ {2}fix \(Server command not found by host\):\n {5}1\. Find the command's absolute path/);
  });

  it('colours only on a TTY, never with NO_COLOR, and with FORCE_COLOR in a pipe', async () => {
    const esc = '\u001b[';
    expect((await run(['-'], CLOSED, {}, true)).stdout).toContain(esc);
    expect((await run(['-'], CLOSED, { NO_COLOR: '1' }, true)).stdout).not.toContain(esc);
    expect((await run(['-'], CLOSED, {}, false)).stdout).not.toContain(esc);
    expect(paintFor({ isTTY: false }, { FORCE_COLOR: '1' }).bold('x')).toBe(`${esc}1mx${esc}22m`);
  });

  it('gives the column on the line, also for a match on a line longer than a segment', async () => {
    const path = join(tmp, 'long.log');
    const prefix = 'x'.repeat(3 * 1024 * 1024);
    writeFileSync(path, `first line\n${prefix} ${CLOSED}\n`);
    const { stdout } = await run([path]);
    expect(stdout).toContain(`${path}:2:${prefix.length + 2}: MCP error -32000: Connection closed`);
  });

  it('says only what is wrong about a missing file', async () => {
    const { code, stdout, stderr } = await run([join(tmp, 'missing.log')]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`faultline: ${join(tmp, 'missing.log')}: no such file\n`);
  });
});

describe('diagnose in CI', () => {
  it('--format github prints one escaped ::error annotation per group', async () => {
    const path = join(tmp, 'ci.log');
    writeFileSync(path, `step 1\nError: spawn npx ENOENT\n${CLOSED}\n${CLOSED}\n`);
    const { code, stdout } = await run(['--format', 'github', path]);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.every((l) => /^::error file=[^,]+,line=\d+,col=\d+,title=[^:]+::/.test(l))).toBe(true);
    const closed = lines.find((l) => l.includes('title=Faultline%3A MCP error -32000%3A Connection closed'))!;
    expect(closed).toContain(`file=${escapeProperty(path)},line=3,col=1,`);
    expect(closed).toContain('(2 times)%0ALikely cause (strong evidence): The host cannot find or launch the server command%0AFix: ');
    expect(closed).not.toMatch(/[\r]|\n./);
  });

  it('escapes workflow-command data and properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('C:\\a,b:c')).toBe('C%3A\\a%2Cb%3Ac');
  });

  it('--fail-on exits 1 only when a named entry, folder or category occurred', async () => {
    expect((await run(['--fail-on', 'mcp/connection-closed', '-'], CLOSED)).code).toBe(1);
    expect((await run(['--fail-on=mcp/', '-'], CLOSED)).code).toBe(1);
    expect((await run(['--fail-on', 'process', '-'], CLOSED)).code).toBe(1);
    expect((await run(['--fail-on', 'npm/eresolve', '-'], CLOSED)).code).toBe(0);
    expect((await run(['--fail-on', 'npm/eresolve', '-'], 'all good')).code).toBe(0);
    expect((await run(['--fail-on'], CLOSED)).code).toBe(2);
    expect((await run(['--format', 'xml', '-'], CLOSED)).stderr).toMatch(/--format takes one of: human, json, github/);
  });
});
