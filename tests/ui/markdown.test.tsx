// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeSpans, Markdown, MarkdownInline, looksLikeCommand } from '../../src/ui/markdown';
import { parseInline, parseMarkdown, safeHref } from '../../src/ui/markdown-parse';

let root: HTMLElement;
function show(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('markdown subset', () => {
  it('renders paragraphs, code, strong, em, links and lists', () => {
    const el = show(
      <Markdown
        text={[
          'First **bold** and *em* with `npm ci` and [the docs](https://example.com/a?b=1).',
          'same paragraph',
          '',
          '- one',
          '- two with `code`',
          '',
          '3. three',
          '4. four',
          '',
          '```sh',
          'npm install',
          '```',
        ].join('\n')}
      />,
    );
    const paragraphs = el.querySelectorAll('p');
    expect(paragraphs).toHaveLength(1);
    expect(paragraphs[0].textContent).toContain('same paragraph');
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelector('em')?.textContent).toBe('em');
    expect(el.querySelector('p code')?.textContent).toBe('npm ci');
    const link = el.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://example.com/a?b=1');
    expect(link.getAttribute('rel')).toBe('noreferrer');
    expect(link.getAttribute('target')).toBe('_blank');
    expect([...el.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two with code']);
    expect(el.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(el.querySelectorAll('ol li')).toHaveLength(2);
    expect(el.querySelector('pre code')?.textContent).toBe('npm install');
  });

  it('nests emphasis across code spans and inside links', () => {
    expect(parseInline('**run `npm ci` now** and [*see* this](https://a.example/)')).toEqual([
      { kind: 'strong', children: ['run ', { kind: 'code', text: 'npm ci' }, ' now'] },
      ' and ',
      { kind: 'link', href: 'https://a.example/', children: [{ kind: 'em', children: ['see'] }, ' this'] },
    ]);
  });

  it.each([
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
    ['<img src=x onerror="alert(1)">', '<img src=x onerror="alert(1)">'],
    // Parentheses cannot occur in a link target here, so this one is not even a link.
    ['[click](javascript:alert(1))', '[click](javascript:alert(1))'],
    ['[click](JavaScript:alert%281%29)', 'click'],
    ['[data](data:text/html,<b>x</b>)', '[data](data:text/html,<b>x</b>)'],
    ['[plain](http://example.com)', 'plain'],
    ['[rel](/diagnosis.html)', 'rel'],
  ])('renders %j as text without markup or unsafe links', (source, text) => {
    const el = show(<Markdown text={source} />);
    expect(el.textContent).toBe(text);
    expect(el.querySelector('script, img, iframe, b')).toBeNull();
    for (const a of el.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https:/);
    expect(el.querySelectorAll('a')).toHaveLength(0);
  });

  it.each([
    ['**unclosed bold', '**unclosed bold'],
    ['*a **b* c**', null],
    ['`unclosed code', '`unclosed code'],
    ['``double` mismatch', '``double` mismatch'],
    ['[link without target]', '[link without target]'],
    ['[a](https://x.example', '[a](https://x.example'],
    ['** spaced **', '** spaced **'],
    ['\\*not em\\*', '*not em*'],
    ['```\nfence never closes', '```\nfence never closes'],
  ])('keeps unbalanced markers in %j as text', (source, text) => {
    const el = show(<Markdown text={source} />);
    // Whatever the tree, no character of the source is lost except the markers used.
    if (text !== null) expect(el.textContent).toBe(text);
    else expect(el.textContent?.replace(/\s/g, '')).toMatch(/^[ab c*]+$/);
    expect(el.querySelector('pre')).toBeNull();
  });

  it.each([
    ['100k backticks', '`'.repeat(100_000)],
    ['100k backticks after text', 'x ' + '`'.repeat(100_000)],
    ['alternating backtick runs', '` `` '.repeat(20_000)],
    ['unclosed bold openers', '**a '.repeat(25_000)],
    ['mixed emphasis', '*a **b '.repeat(15_000)],
    ['link openers', '[a'.repeat(50_000) + '](https://x.example/)'],
    ['unclosed fences', '```a\n'.repeat(20_000)],
    ['escapes', '\\*'.repeat(50_000)],
  ])('parses %s and keeps it as text (sizes at which a quadratic parser would run past the test timeout)', (_name, source) => {
    // No timing assertion: timings are flaky on a loaded machine; the size is the test.
    const blocks = parseMarkdown(source);
    expect(blocks.length).toBeGreaterThan(0);
    const el = show(<Markdown text={source} />);
    expect(el.textContent?.length).toBeGreaterThan(1000);
    expect(el.querySelector('script')).toBeNull();
  });

  it('renders a 100k backtick run exactly as typed', () => {
    const source = 'x ' + '`'.repeat(100_000);
    expect(show(<Markdown text={source} />).textContent).toBe(source);
  });
});

describe('code spans only', () => {
  it('marks up backtick spans and leaves brackets, stars and backslashes as written', () => {
    const el = show(<CodeSpans text={'The `cwd` option [x](https://a.example) **not bold** C:\\Users `a*b`'} />);
    expect([...el.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['cwd', 'a*b']);
    expect(el.textContent).toBe('The cwd option [x](https://a.example) **not bold** C:\\Users a*b');
    expect(el.querySelector('a, strong')).toBeNull();
  });
});

describe('safeHref', () => {
  it.each([
    ['https://github.com/a/b/issues/1', 'https://github.com/a/b/issues/1'],
    ['HTTPS://Example.com', 'https://example.com/'],
    ['http://example.com', undefined],
    ['javascript:alert(1)', undefined],
    ['https:alert(1)', undefined],
    ['//example.com', undefined],
    ['https://', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(safeHref(raw)).toBe(expected);
  });
});

describe('copy buttons', () => {
  it.each([
    ['npm prefix -g', true],
    ['claude mcp list', true],
    ['export PATH="$HOME/.local/bin:$PATH"', true],
    ['console.log', false],
    ['"command": "cmd"', false],
    ['Authorization: Bearer', false],
    ['await client.close()', false],
    ['ENOENT', false],
    ['spawn X ENOENT', false],
    ["Unhandled 'error' event", false],
    ['export NODE_EXTRA_CA_CERTS=/path/to/corp-root.pem', true],
  ])('%s looks like a command: %s', (code, expected) => {
    expect(looksLikeCommand(code)).toBe(expected);
  });

  it('adds a named copy button to commands and code blocks only', () => {
    const el = show(
      <>
        <MarkdownInline text="Run `which npx` and replace `console.log` with `console.error`." copyCommands />
        <Markdown text={'```\nnpm ci\n```'} />
      </>,
    );
    const buttons = [...el.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Copy command: which npx', 'Copy command: npm ci']);
  });
});

describe('markdown headings', () => {
  it('drops the closing #s and spaces of a heading', () => {
    expect(parseMarkdown('## Fix it ##  ')).toEqual([{ kind: 'heading', children: parseInline('Fix it') }]);
    expect(parseMarkdown('#no space')).toEqual(parseMarkdown('#no space').filter((b) => b.kind !== 'heading'));
  });

  it('a heading line of 300,000 spaces and #s is read in one pass', () => {
    // The former `(.*?)[ \t#]*$` tried every split of such a line (2.5 s at 20,000 characters).
    const blocks = parseMarkdown(`# a${' #'.repeat(150_000)}x`);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].kind).toBe('heading');
  });
});
