/** "Copy as Markdown" replies: evidence and fix when the page gives evidence, the usual causes when not. */
import { describe, expect, it } from 'vitest';
import { causeDetails } from '../../src/background/knowledge';
import { createEngine } from '../../src/engine/diagnose';
import type { Entry } from '../../src/engine/types';
import { toSignature } from '../../src/knowledge/compile';
import entries from '../../src/knowledge/generated/entries.json';
import { replyMarkdown } from '../../src/ui/badge-markdown';
import { setLanguage } from '../../src/ui/i18n';

const all = entries as Entry[];
const engine = createEngine(all.map(toSignature));
const details = (entryId: string, causeId: string) => {
  const entry = all.find((e) => e.id === entryId)!;
  return causeDetails(entry.causes.find((c) => c.id === causeId)!, entry);
};

describe('replyMarkdown', () => {
  it('names the cause, the evidence, every fix step and the sources', () => {
    setLanguage('en');
    const [spawn, closed] = engine.diagnoseBlock('Error: spawn npx ENOENT\nMCP error -32000: Connection closed');
    expect(spawn.entryId).toBe('node/spawn-enoent');
    const md = replyMarkdown(closed, details('mcp/connection-closed', closed.causes[0].id));
    const lines = md.split('\n');
    expect(lines[0]).toBe('**Error:** `MCP error -32000: Connection closed`: MCP error -32000: Connection closed');
    expect(lines[2]).toBe('**Likely cause:** The host cannot find or launch the server command');
    expect(lines[3]).toBe('Why: `spawn npx ENOENT` in this block');
    expect(md).toContain('**Fix:**\n1. Find the command\'s absolute path');
    expect(md).toMatch(/\nSources: https:\/\/github\.com\/cline\/cline\/issues\/1948 · /);
  });

  it('lists the usual causes and no fix when nothing on the page tells them apart', () => {
    setLanguage('en');
    const [closed] = engine.diagnoseBlock('MCP error -32000: Connection closed');
    const md = replyMarkdown(closed, details('mcp/connection-closed', closed.causes[0].id));
    expect(md).toContain('**Nothing in the thread tells the causes apart; the usual ones are:**\n1. The host cannot find or launch the server command\n2. ');
    expect(md).not.toContain('**Fix:**');
  });

  it('fences code that itself holds backticks', () => {
    setLanguage('en');
    const [d] = engine.diagnoseBlock('Error: spawn npx ENOENT');
    const md = replyMarkdown({ ...d, text: 'a `b` c' }, null);
    expect(md.split('\n')[0]).toContain('``a `b` c``'.replace('``a', '`` a').replace('c``', 'c ``'));
  });
});
