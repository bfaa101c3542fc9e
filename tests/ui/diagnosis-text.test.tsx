// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { keyLine } from '../../src/ui/diagnosis-nearest';
import { TextView } from '../../src/ui/diagnosis-text';
import { causeTitles, entry, kb, show, unmountAll } from './diagnosis-render';

afterEach(unmountAll);

// Real pastes, from the `examples` of knowledge/mcp/connection-closed.md.
const SPAWN_PASTE = `failed to start or connect to MCP server 'sequential-thinking' {"command":"npx"};
McpError: MCP error -32000: Connection closed`;

describe('text diagnosis', () => {
  it('shows the matched entry with its match highlighted and causes ranked by the text', () => {
    const text = `2025-05-12 15:48:10.701 [info] Starting server\nError: spawn uvx ENOENT\n${SPAWN_PASTE}`;
    const el = show(<TextView kb={kb} text={text} />);
    expect(el.querySelector('h1')?.textContent).toBe('Diagnosis of your text');
    // `spawn uvx ENOENT` is a known error of its own; the entries follow the text's order.
    expect(el.querySelector('[role=status]')?.textContent).toBe('Known errors in this text: 2');
    const articles = [...el.querySelectorAll('article.entry')];
    expect(articles[0].querySelector('h2')?.textContent).toMatch(/ENOENT/);
    const article = articles[1];
    expect(article.querySelector('h2')?.textContent).toBe('MCP error -32000: Connection closed');
    expect(article.querySelector('.matched-text mark')?.textContent).toBe('MCP error -32000: Connection closed');
    expect(article.querySelector('.matched-text')?.textContent).toBe('McpError: MCP error -32000: Connection closed');
    const commandNotFound = entry('mcp/connection-closed').causes.find((c) => c.id === 'command-not-found')!;
    expect(causeTitles(article)[0]).toBe(commandNotFound.title);
    expect(article.querySelector('.cues li')?.textContent).toBe('spawn uvx ENOENT — in this block');
    // Exact matches come with similar entries, and no web search is offered.
    expect(el.querySelector('.nearest h2')?.textContent).toBe('Similar known errors');
    expect(el.querySelector('.web-search')).toBeNull();
  });

  it('lists each matched entry once, in the order of the text', () => {
    const text = 'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree\n\nError: MCP error -32000: Connection closed\nMCP error -32000: Connection closed';
    const el = show(<TextView kb={kb} text={text} />);
    const ids = kb.engine.diagnoseText(text).map((d) => d.entryId);
    const unique = [...new Set(ids)];
    expect(unique.length).toBeGreaterThanOrEqual(2);
    const titles = [...el.querySelectorAll('article.entry > h2')].map((h) => h.textContent);
    expect(titles).toHaveLength(unique.length);
    expect(titles.at(-1)).toBe('MCP error -32000: Connection closed');
  });

  it('offers the nearest entries and web searches for the key line when nothing matches', () => {
    const text = '   \nnpx: installed 42 packages\nError: MCP eror -32000: Conection closd\n    at Client.connect (index.js:12:3)';
    const el = show(<TextView kb={kb} text={text} />);
    expect(el.querySelector('article.entry')).toBeNull();
    expect(el.querySelector('[role=status]')?.textContent).toBe('No known error matches this text exactly.');
    expect(el.querySelector('.nearest h2')?.textContent).toBe('Closest known errors');
    const nearest = [...el.querySelectorAll('.nearest a')] as HTMLAnchorElement[];
    expect(nearest.length).toBeGreaterThan(0);
    expect(nearest.map((a) => a.getAttribute('href'))).toContain('diagnosis.html?entry=mcp%2Fconnection-closed');
    const [github, stackOverflow] = [...el.querySelectorAll('.web-links a')] as HTMLAnchorElement[];
    const query = 'Error: MCP eror -32000: Conection closd';
    expect(el.querySelector('.key-line')?.textContent).toBe(query);
    expect(new URL(github.href).origin + new URL(github.href).pathname).toBe('https://github.com/search');
    expect(new URL(github.href).searchParams.get('type')).toBe('issues');
    expect(new URL(github.href).searchParams.get('q')).toBe(query);
    expect(new URL(stackOverflow.href).origin + new URL(stackOverflow.href).pathname).toBe('https://stackoverflow.com/search');
    expect(new URL(stackOverflow.href).searchParams.get('q')).toBe(query);
    for (const a of [github, stackOverflow]) {
      expect(a.rel).toBe('noreferrer');
      expect(a.target).toBe('_blank');
    }
  });

  it('ranks with a stored context: the selection is the block, the rest comes from the page', () => {
    const text = 'MCP error -32000: Connection closed';
    const el = show(<TextView kb={kb} text={text} context={{ comment: 'Traceback (most recent call last):\nModuleNotFoundError: No module named mcp_server' }} />);
    const crash = entry('mcp/connection-closed').causes.find((c) => c.id === 'server-crashes-on-start')!;
    expect(causeTitles(el)[0]).toBe(crash.title);
    expect(el.querySelector('.cues li')?.textContent).toBe('No module named — in this comment');
  });
});

describe('key line', () => {
  it.each([
    ['the first line that names an error', 'Starting server\nLoaded 3 tools\nError: spawn npx ENOENT\nmore', 'Error: spawn npx ENOENT'],
    ['npm ERR! lines', 'npm WARN old lockfile\nnpm ERR! code ERESOLVE', 'npm ERR! code ERESOLVE'],
    ['an errno code', 'listen EADDRINUSE: address already in use :::3000', 'listen EADDRINUSE: address already in use :::3000'],
    ['the first non-empty line otherwise', '\n\n   hello world  \nsecond', 'hello world'],
    ['without ANSI colours or a leading timestamp', '2025-05-12 15:48:10.753 \u001b[31mfatal: not a git repository\u001b[0m', 'fatal: not a git repository'],
    ['nothing for blank text', '  \n ', ''],
    [
      "a Python traceback's exception line, not its header",
      'Traceback (most recent call last):\n  File "/app/main.py", line 3, in <module>\n    import mcp\nModuleNotFoundError: No module named \'mcp\'',
      "ModuleNotFoundError: No module named 'mcp'",
    ],
    [
      'the outer exception of a chained traceback',
      'Traceback (most recent call last):\n  File "a.py", line 1\nhttpx.ConnectError: [Errno 111] Connection refused\n\nThe above exception was the direct cause of the following exception:\n\nTraceback (most recent call last):\n  File "b.py", line 9\nopenai.APIConnectionError: Connection error.',
      'openai.APIConnectionError: Connection error.',
    ],
    ['the error before a Node stack, not a frame', 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:13510:13', 'TypeError: fetch failed'],
  ])('picks %s', (_name, text, expected) => {
    expect(keyLine(text)).toBe(expected);
  });

  it('trims long lines to about 200 characters at a word boundary', () => {
    const line = `Error: ${'word '.repeat(100)}`;
    const key = keyLine(line);
    expect(key.length).toBeLessThanOrEqual(200);
    expect(key.length).toBeGreaterThan(150);
    expect(key.endsWith('word')).toBe(true);
  });
});
