// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { EntryView } from '../../src/ui/diagnosis-entry';
import { setLanguage } from '../../src/ui/i18n';
import { causeTitles, entry, kb, show, unmountAll } from './diagnosis-render';

const CLOSED = entry('mcp/connection-closed');
const causeTitle = (id: string) => CLOSED.causes.find((c) => c.id === id)!.title;

afterEach(() => {
  unmountAll();
  setLanguage('en');
});

describe('entry view', () => {
  it('shows signature, title, summary and every cause in stated likelihood order without context', () => {
    const el = show(<EntryView entry={CLOSED} kb={kb} level={1} />);
    expect(el.querySelector('h1')?.textContent).toBe('MCP error -32000: Connection closed');
    const signature = [...el.querySelectorAll('.signature code')].map((c) => c.textContent);
    expect(signature).toEqual(['MCP error -32000: Connection closed', '"code": ?-32000, ?"message": ?"Connection closed"']);
    expect(el.querySelector('.summary')?.textContent).toBe(CLOSED.summary);
    // The body's `-32000` is rendered as code, not as backticks.
    expect(el.querySelector('.body code')?.textContent).toBe('-32000');
    // Three common causes in file order, then the occasional one.
    expect(causeTitles(el)).toEqual(CLOSED.causes.map((c) => c.title));
    expect(el.textContent).toContain('No context given');
    expect(el.querySelector('.tag-top')).toBeNull();
  });

  it('shows fix steps with copy buttons, verification, versions and https sources', () => {
    const el = show(<EntryView entry={CLOSED} kb={kb} level={1} />);
    const python = [...el.querySelectorAll('.cause')].find((c) => c.textContent?.includes('python-sdk#2610'))!;
    expect(python.querySelector('.versions')?.textContent).toContain('mcp >=1.21.0 <=1.29.0');
    expect(python.querySelector('.versions')?.textContent).toContain('Fixed in');
    const sources = [...python.querySelectorAll('.sources a')] as HTMLAnchorElement[];
    expect(sources.map((a) => a.href)).toContain('https://github.com/modelcontextprotocol/python-sdk/issues/2610');
    for (const a of sources) {
      expect(a.rel).toBe('noreferrer');
      expect(a.target).toBe('_blank');
    }
    const commandCause = el.querySelector('.cause')!;
    const copyNames = [...commandCause.querySelectorAll('.fix-steps button')].map((b) => b.getAttribute('aria-label'));
    expect(copyNames).toContain('Copy command: which npx');
    expect(commandCause.textContent).toContain('How to verify');
  });

  it('ranks the python-sdk cause first when the comment holds CancelledError and notifications/cancelled', () => {
    const context = {
      block: 'McpError: MCP error -32000: Connection closed',
      comment: 'After the client sent notifications/cancelled the server logged asyncio.exceptions.CancelledError and hung.',
      page: 'Using mcp 1.27.1 with FastMCP over stdio.',
    };
    const el = show(<EntryView entry={CLOSED} kb={kb} level={1} context={context} />);
    const titles = causeTitles(el);
    expect(titles[0]).toBe(causeTitle('python-sdk-cancel-kills-receive-loop'));
    expect(titles).toHaveLength(4);
    const top = el.querySelector('.cause')!;
    expect(top.classList.contains('cause-top')).toBe(true);
    expect(top.querySelector('.tag-top')?.textContent).toBe('Most likely here');
    const cues = [...top.querySelectorAll('.cues li')].map((li) => li.textContent);
    expect(cues).toContain('CancelledError — in this comment');
    expect(cues).toContain('notifications/cancelled — in this comment');
    expect(cues).toContain('FastMCP — on this page');
    expect(cues).toContain('mcp 1.27. — on this page');
    // Confidence instead of raw scores: two weight-3 cues in the comment are strong evidence; the rest have none.
    expect(top.querySelector('.tag-confidence')?.textContent).toBe('Strong evidence here');
    expect([...el.querySelectorAll('.tag-confidence')].slice(1).map((s) => s.textContent)).toEqual([
      'No evidence here',
      'No evidence here',
      'No evidence here',
    ]);
    expect(el.textContent).toContain('Ranked by the clues found around the error');
  });

  it('shows negative cues as evidence against and ranks spawn ENOENT first', () => {
    const context = { block: 'Error: spawn npx ENOENT\nMCP error -32000: Connection closed' };
    const el = show(<EntryView entry={CLOSED} kb={kb} level={1} context={context} />);
    expect(causeTitles(el)[0]).toBe(causeTitle('command-not-found'));
    expect(el.querySelector('.cause .cues li')?.textContent).toBe('spawn npx ENOENT — in this block');
    const python = [...el.querySelectorAll('.cause')].find((c) => c.textContent?.includes('python-sdk#2610'))!;
    expect(python.querySelector('.cue-against')?.textContent).toContain('Evidence against');
    expect(python.querySelector('.cue-against li')?.textContent).toBe('spawn npx ENOENT — in this block');
    // Causes without a clue say so instead of showing an empty list.
    expect(el.textContent).toContain('No clue for this cause in the context.');
  });

  it('uses the Chinese title, summary and labels in zh_CN', () => {
    setLanguage('zh_CN');
    const el = show(<EntryView entry={CLOSED} kb={kb} level={1} />);
    expect(el.querySelector('h1')?.textContent).toBe(CLOSED.title_zh);
    expect(el.querySelector('.summary')?.textContent).toBe(CLOSED.summary_zh);
    expect(causeTitles(el)[0]).toBe(CLOSED.causes[0].title_zh);
    expect(el.textContent).toContain('解决方法');
    expect(el.textContent).toContain('参考来源');
  });

  it('links related entries to their diagnosis', () => {
    const withRelated = kb.entries.find((e) => e.related.length > 0)!;
    const el = show(<EntryView entry={withRelated} kb={kb} level={1} />);
    const links = [...el.querySelectorAll('.related a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(withRelated.related.map((id) => `diagnosis.html?entry=${encodeURIComponent(id)}`));
  });

  it('shows code in cause titles and keeps entry titles exactly as the error reads', () => {
    const spawn = entry('node/spawn-enoent');
    const el = show(<EntryView entry={spawn} kb={kb} level={1} />);
    const cwd = [...el.querySelectorAll('.cause-title')].find((h) => h.textContent === 'The cwd option points to a directory that does not exist')!;
    expect(cwd.querySelector('code')?.textContent).toBe('cwd');
    unmountAll();
    const ssl = kb.entries.find((e) => e.title.startsWith('[SSL: CERTIFICATE_VERIFY_FAILED]'))!;
    expect(show(<EntryView entry={ssl} kb={kb} level={1} />).querySelector('h1')?.textContent).toBe(ssl.title);
  });

  it('keeps heading levels consecutive', () => {
    const el = show(<EntryView entry={CLOSED} kb={kb} level={1} />);
    const levels = [...el.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1]));
    levels.forEach((level, k) => {
      if (k > 0) expect(level - levels[k - 1]).toBeLessThanOrEqual(1);
    });
    expect(Math.max(...levels)).toBe(4);
  });
});
