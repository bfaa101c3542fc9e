import { describe, expect, it } from 'vitest';
import { foldLiteral, normalize, toOriginalRange } from '../../src/engine/normalize';

describe('normalize: one case per kind of paste noise', () => {
  it.each([
    ['ANSI colour codes (real ESC)', '\u001b[31mError:\u001b[0m boom', 'Error: boom'],
    ['ANSI codes pasted as literal \\u001b text', '\\u001b[1;31mError\\u001b[0m: boom', 'Error: boom'],
    ['ANSI codes pasted as literal \\x1b and \\033 text', '\\x1b[33mwarn\\033[0m x', 'warn x'],
    ['OSC hyperlink sequences', '\u001b]8;;https://x.dev\u0007link\u001b]8;;\u0007 text', 'link text'],
    ['CRLF line endings', 'line one\r\nline two\r\n', 'line one\nline two\n'],
    ['lone CR (progress output)', 'step 1\rstep 2', 'step 1\nstep 2'],
    ['runs of spaces and tabs', 'Error:   \t  boom    now', 'Error: boom now'],
    ['indentation and trailing spaces around line breaks', '  at foo   \n    at bar', 'at foo\nat bar'],
    ['smart quotes', '\u201cnpx\u201d isn\u2019t found', '"npx" isn\'t found'],
    ['full-width punctuation', '错误\uff1aMCP error -32000\uff1aConnection closed\uff08x\uff09', '错误: MCP error -32000: Connection closed(x)'],
    ['ideographic and no-break spaces', 'a\u3000b\u00a0c', 'a b c'],
    ['zero-width characters', 'Conn\u200bection\ufeff closed', 'Connection closed'],
    ['JSON-escaped quotes and line breaks', '{"msg":"Error: \\"x\\" failed\\n  at y"}', '{"msg":"Error: "x" failed\nat y"}'],
    ['doubled backslashes in JSON', '{"path":"C:\\\\Users\\\\me\\\\x.js"}', '{"path":"C:\\Users\\me\\x.js"}'],
    ['JSON unicode escapes', '{"m":"caf\\u00e9 \\u001b[31mred"}', '{"m":"café red"}'],
    ['HTML entities', 'Unexpected token &lt;, &quot;&lt;html&gt;&quot; is not valid JSON &amp; more &#39;x&#x27;', 'Unexpected token <, "<html>" is not valid JSON & more \'x\''],
  ])('%s', (_kind, input, expected) => {
    expect(normalize(input).text).toBe(expected);
  });

  it('keeps Windows paths intact on lines that are not JSON-escaped', () => {
    expect(normalize('C:\\new\\tools\\node.exe failed').text).toBe('C:\\new\\tools\\node.exe failed');
  });

  it('joins terminal hard-wraps (lines cut at the terminal width)', () => {
    const width = 80;
    const message = `${'x'.repeat(60)} MCP error -32000: Connection closed by the host after the server exited with code 1`;
    const wrapped = message.match(new RegExp(`.{1,${width}}`, 'g'))!.join('\n');
    expect(wrapped.split('\n')[0]).toHaveLength(width);
    expect(normalize(`${wrapped}\nnext line`).text).toBe(`${message}\nnext line`);
  });

  it('does not join lines of ordinary text', () => {
    expect(normalize('short line\nanother line\n').text).toBe('short line\nanother line\n');
  });

  it('maps every normalized character back to the original text', () => {
    const original = '\u001b[31m  Error:\u001b[0m   &quot;x&quot;';
    const norm = normalize(original);
    expect(norm.text).toBe('Error: "x"');
    const at = norm.text.indexOf('"x"');
    const range = toOriginalRange(norm, at, at + 3);
    expect(original.slice(range.start, range.end)).toBe('&quot;x&quot;');
    const word = toOriginalRange(norm, 0, 5);
    expect(original.slice(word.start, word.end)).toBe('Error');
  });

  it('handles empty input and lone surrogates without throwing', () => {
    expect(normalize('').text).toBe('');
    expect(normalize('a\ud800b').text).toBe('a\ud800b');
  });

  it('decodes an HTML entity for a character outside the BMP, mapped to the whole entity', () => {
    const norm = normalize('a &#x1F600; b');
    expect(norm.text).toBe('a \u{1F600} b');
    expect(toOriginalRange(norm, 2, 4)).toEqual({ start: 2, end: 11 });
  });

  it('folds pattern literals the same way as text, keeping edge spaces', () => {
    expect(foldLiteral(' \u201cx\u201d  y ')).toBe(' "x" y ');
  });
});
