/**
 * The held-back set and the cause examples stay apart (no thread in both), and the
 * held-back file reads cleanly: a broken line is reported by number, not skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeldBack } from '../../src/knowledge/held-back';
import { loadKnowledgeFolder } from '../../src/knowledge/load-folder';

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'tests', 'ranking');
const files = readdirSync(DIR).filter((f) => /^held-back.*\.jsonl$/.test(f));

describe('the held-back set', () => {
  const records = files.flatMap((f) => parseHeldBack(readFileSync(join(DIR, f), 'utf8'), f).records);

  it('parses without errors and names existing entries and causes', () => {
    for (const f of files) expect(parseHeldBack(readFileSync(join(DIR, f), 'utf8'), f).errors).toEqual([]);
    const { entries } = loadKnowledgeFolder(join(ROOT, 'knowledge'), undefined, { crossCheck: false });
    const byId = new Map(entries.map((e) => [e.id, e]));
    for (const r of records) {
      const entry = byId.get(r.entry);
      expect(entry, r.id).toBeDefined();
      expect(entry!.causes.length, `${r.id}: multi-cause entries only`).toBeGreaterThan(1);
      if (r.cause !== null) expect(entry!.causes.map((c) => c.id), r.id).toContain(r.cause);
    }
  });

  it('has one record per thread and shares no thread with the knowledge base', () => {
    const urls = records.map((r) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
    const { parsed } = loadKnowledgeFolder(join(ROOT, 'knowledge'), undefined, { crossCheck: false });
    const cited = new Set(parsed.flatMap((p) => [...p.causeExamples.map((e) => e.source), ...p.entry.causes.flatMap((c) => c.sources)]));
    expect(urls.filter((u) => cited.has(u))).toEqual([]);
  });

  it('reports a broken line by its number', () => {
    const { records: rs, errors } = parseHeldBack('{"id":"a","url":"u","title":"t","block":"b","entry":"e","cause":null}\nnot json\n{"id":"b"}\n', 'x.jsonl');
    expect(rs).toHaveLength(1);
    expect(errors).toEqual([expect.stringMatching(/^x\.jsonl:2: not JSON/), expect.stringMatching(/^x\.jsonl:3: needs string/)]);
  });
});
