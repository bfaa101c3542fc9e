// @vitest-environment happy-dom
// The block rule of src/sites/blocks-in.ts on small documents, one rule per row.
import { describe, expect, it } from 'vitest';
import { blocksIn } from '../../src/sites';

const adapter = { blocks: '.body, pre, .highlight, code, .msg', skip: '.editor' };

const CASES: { name: string; html: string; expected: string[] }[] = [
  { name: 'a body without code blocks is one block, inline code included', html: '<div class="body"><p>a <code>x</code> b</p><p>c</p></div>', expected: ['.body'] },
  { name: 'a body mixing prose and a code block is split', html: '<div class="body"><p>a</p><div class="highlight"><pre>x</pre></div><p>b <code>y</code></p></div>', expected: ['p:nth-child(1)', '.highlight', 'p:nth-child(3)'] },
  { name: 'a code wrapper with a text-less copy button stays whole', html: '<div class="highlight"><pre><code>x</code></pre><button aria-label="Copy"><svg></svg></button></div>', expected: ['.highlight'] },
  { name: 'a body that is only a code block stays whole', html: '<div class="body"><pre>x</pre></div>', expected: ['.body'] },
  { name: 'details are split into summary and code block', html: '<div class="body"><p>a</p><details><summary>log</summary><pre>x</pre></details></div>', expected: ['p', 'summary', 'pre'] },
  { name: 'loose text next to a code block keeps the element whole', html: '<div class="msg">see this<pre>x</pre></div>', expected: ['.msg'] },
  { name: 'nested bodies (React viewer) are split through', html: '<div class="body"><div class="body"><p>a</p><pre>x</pre></div></div>', expected: ['p', 'pre'] },
  { name: 'a skipped editor is never a block, nor inside one', html: '<div class="editor"><pre>x</pre></div><div class="body"><p>a</p></div>', expected: ['.body'] },
  { name: 'an editor inside a split body is left out', html: '<div class="body"><p>a</p><pre>x</pre><div class="editor"><p>draft</p></div></div>', expected: ['p', 'pre'] },
  { name: 'textarea (ALWAYS_SKIP) is left out', html: '<div class="body"><p>a</p><pre>x</pre><textarea>draft</textarea></div>', expected: ['p', 'pre'] },
  { name: 'blank blocks are dropped', html: '<div class="body"> </div><pre>x</pre>', expected: ['pre'] },
];

describe('blocksIn', () => {
  it.each(CASES)('$name', ({ html, expected }) => {
    document.body.innerHTML = html; // fixed test markup, not page text
    const blocks = blocksIn(document.body, adapter);
    expect(blocks.length).toBe(expected.length);
    blocks.forEach((block, i) => expect(block.matches(expected[i])).toBe(true));
  });
});
