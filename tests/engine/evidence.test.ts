/**
 * Facts from real pastes (each from the thread named beside it): platform, versions,
 * inner-cause lines and negation, read from normalized text as ranking reads them.
 */
import { describe, expect, it } from 'vitest';
import { innerCauseRanges, isNegated, platformFacts, versionFacts } from '../../src/engine/evidence';
import { normalize } from '../../src/engine/normalize';

const norm = (text: string) => normalize(text).text;

describe('platformFacts', () => {
  const cases: Array<{ source: string; text: string; platforms: string[] }> = [
    {
      source: 'https://github.com/modelcontextprotocol/servers/issues/1490',
      text: 'C:\\Python312\\python.exe: No module named mcp_server_fetch MCP error -32000: Connection closed.',
      platforms: ['windows'],
    },
    {
      source: 'https://github.com/RooCodeInc/Roo-Code/issues/4729',
      text: 'This is on Windows 10\nI am using Node v24.2.0',
      platforms: ['windows'],
    },
    {
      source: 'https://github.com/microsoft/vscode/issues/286284',
      text: '\tat async n._fetch (/Users/roblou/.vscode-insiders/extensions/github.copilot-chat-0.36.2026010601/dist/extension.js:4483:25404)',
      platforms: ['macos'],
    },
    {
      source: 'https://github.com/microsoft/autogen/issues/1272',
      text: '  File "/home/jynx/.local/lib/python3.10/site-packages/httpx/_client.py", line 943, in _send_handling_auth',
      platforms: ['linux'],
    },
    {
      source: 'https://github.com/nodejs/undici/issues/4330',
      text: 'I have a docker container running node. Only for specific domain name I am getting EAI_AGAIN in fetch',
      platforms: ['container'],
    },
    {
      source: 'https://github.com/microsoft/autogen/issues/1272 (title)',
      text: '[Bug]: Connection refused error on WSL2',
      platforms: ['wsl'],
    },
  ];
  it.each(cases)('reads $platforms from $source', ({ text, platforms }) => {
    expect([...new Set(platformFacts(norm(text)).map((f) => f.platform))]).toEqual(platforms);
  });

  it('finds nothing in a paste that names no platform', () => {
    expect(platformFacts(norm('Error: MCP error -32000: Connection closed'))).toEqual([]);
  });

  it("does not take docker's usage hint for a container", () => {
    const text = "docker: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?.\nSee 'docker run --help'.";
    expect(platformFacts(norm(text)).map((f) => f.platform)).not.toContain('container');
    expect(platformFacts(norm('docker run -it --rm node:20 bash')).map((f) => f.platform)).toContain('container');
  });
});

describe('versionFacts', () => {
  const cases: Array<{ source: string; text: string; found: Array<[string, string]> }> = [
    { source: 'https://github.com/RooCodeInc/Roo-Code/issues/4729', text: 'I am using Node v24.2.0', found: [['node', '24.2.0']] },
    { source: 'python-sdk#2610 style pin', text: 'mcp==1.26.0\nanyio==4.9.0', found: [['mcp', '1.26.0']] },
    { source: 'package.json dependency', text: '"@modelcontextprotocol/sdk": "^1.12.0",', found: [['@modelcontextprotocol/sdk', '1.12.0']] },
    { source: 'claude --version output', text: '$ claude --version\n2.0.12 (Claude Code)', found: [['claude-code', '2.0.12']] },
    { source: 'npm package spec', text: 'npm i -g @anthropic-ai/claude-code@1.0.61', found: [['claude-code', '1.0.61']] },
    {
      source: 'https://github.com/microsoft/autogen/issues/1272',
      text: '  File "/home/jynx/.local/lib/python3.10/site-packages/httpx/_client.py", line 943',
      found: [['python', '3.10']],
    },
  ];
  it.each(cases)('reads $found from $source', ({ text, found }) => {
    expect(versionFacts(norm(text)).map((f) => [f.product, f.version])).toEqual(found);
  });

  it('does not read a version out of a longer word or a path', () => {
    expect(versionFacts(norm('at GetAddrInfoReqWrap.onlookupall (node:dns:122:26)'))).toEqual([]);
    expect(versionFacts(norm('/app/node_modules/.pnpm/chatgpt@5.0.10/node_modules/chatgpt/build/index.js:46:15'))).toEqual([]);
  });

  it("does not take Node's process id for its version; a Docker image tag stays a version", () => {
    expect(versionFacts(norm('(node:52114) ExperimentalWarning: Importing JSON modules is an experimental feature'))).toEqual([]);
    expect(versionFacts(norm('FROM node:18-alpine')).map((f) => f.product)).toEqual(['node']);
  });
});

describe('innerCauseRanges', () => {
  const inner = (text: string) => {
    const t = norm(text);
    return innerCauseRanges(t).map((r) => t.slice(r.start, r.end));
  };

  it("takes Node's [cause] line with its error object (nodejs/undici#4330)", () => {
    const paste = `TypeError: fetch failed
    at node:internal/deps/undici/undici:13510:13
    at process.processTicksAndRejections (node:internal/process/task_queues:105:5) {
  [cause]: Error: getaddrinfo EAI_AGAIN usavisas.com
      at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26) {
    errno: -3001,
    code: 'EAI_AGAIN',
    syscall: 'getaddrinfo',
    hostname: 'usavisas.com'
  }
}`;
    const [range] = inner(paste);
    expect(range.startsWith('[cause]: Error: getaddrinfo EAI_AGAIN usavisas.com')).toBe(true);
    expect(range).toContain("code: 'EAI_AGAIN'");
    expect(range).not.toContain('TypeError: fetch failed');
  });

  it('takes the older `cause:` spelling (Chanzhaoyu/chatgpt-web#918) and a docker compose prefix (MoonTechLab/LunaTV#79)', () => {
    expect(inner("    at fetchSSE (/app/node_modules/chatgpt/build/index.js:46:15) {\n  cause: Error: getaddrinfo EAI_AGAIN bypass.duti.tech\n      at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:107:26) {")[0]).toContain(
      'getaddrinfo EAI_AGAIN bypass.duti.tech',
    );
    expect(inner('moontv-core     |     at async f (/app/.next/server/app/api/cron/route.js:1:1663) {\nmoontv-core     |   [cause]: Error: getaddrinfo EAI_AGAIN cj.rycjapi.com')[0]).toContain(
      '[cause]: Error: getaddrinfo EAI_AGAIN cj.rycjapi.com',
    );
  });

  it('takes an inline `Caused by:` from the marker on (designcomputer/mysql_mcp_server#49, RUC-GSAI/YuLan-Rec#9)', () => {
    expect(inner('`error: Failed to spawn: `mysql_mcp_server` Caused by: program not found MCP error -32000: Connection closed')).toEqual([
      'Caused by: program not found MCP error -32000: Connection closed',
    ]);
    expect(inner("openai.error.APIConnectionError: Error communicating with OpenAI: HTTPSConnectionPool(host='api.openai.com', port=443): Max retries exceeded with url: /v1/engines/text-embedding-ada-002/embeddings (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f36b7fc1ff0>: Failed to establish a new connection: [Errno 111] Connection refused'))")).toEqual([]);
  });

  it("takes the last line before Python's chained-exception separator (microsoft/autogen#1272)", () => {
    const paste = `    raise mapped_exc(message) from exc
httpx.ConnectError: [Errno 111] Connection refused

During handling of the above exception, another exception occurred:

Traceback (most recent call last):`;
    expect(inner(paste)).toEqual(['httpx.ConnectError: [Errno 111] Connection refused']);
  });

  it('finds none in a plain error line', () => {
    expect(inner('Error: MCP error -32000: Connection closed')).toEqual([]);
  });
});

describe('isNegated', () => {
  const negatedAt = (sentence: string, mention: string) => {
    const t = norm(sentence);
    return isNegated(t, t.toLowerCase().indexOf(mention.toLowerCase()));
  };
  const cases: Array<[string, string, boolean]> = [
    ['It is not `spawn npx ENOENT`, npx is on my PATH', 'spawn npx ENOENT', true],
    ["This isn't Windows, I'm on macOS 14", 'Windows', true],
    ["This isn't Windows, I'm on macOS 14", 'macOS', false],
    ['No longer happens with mcp==1.27.0', 'mcp==1.27.0', true],
    ['Error: not connected: spawn uv ENOENT', 'spawn uv ENOENT', false],
    ['This is on Windows 10', 'Windows', false],
    ['不是 Windows 的问题，我用的是 macOS', 'Windows', true],
  ];
  it.each(cases)('"%s": "%s" negated = %s', (sentence, mention, expected) => {
    expect(negatedAt(sentence, mention)).toBe(expected);
  });
});
