/** `faultline show ID`: one entry in full, as plain text. */
import type { Entry } from '../engine/types';
import type { CliIo } from './io';

export function runShow(args: string[], io: CliIo, entries: Entry[]): number {
  const id = args[0]?.replace(/\.md$/, '').replace(/^knowledge\//, '');
  if (!id || args.length > 1) {
    io.stderr.write('faultline: show: give one entry id (usage: faultline show ID)\n');
    return 2;
  }
  const entry = entries.find((e) => e.id === id);
  if (!entry) {
    io.stderr.write(`faultline: show: no entry "${id}" (try: faultline search ${id.split('/').pop()})\n`);
    return 2;
  }
  const out: string[] = [];
  out.push(`${entry.title}  [${entry.id}]`);
  if (entry.obsolete) out.push(`OBSOLETE: ${entry.obsolete}`);
  out.push(`tools: ${entry.tools.join(', ')} · category: ${entry.category} · file: ${entry.file}`, '', entry.summary, '');
  out.push('Recognized by:', ...entry.patterns.map((p) => `  ${p.kind === 'text' ? p.text : `/${p.regex}/`}`), '');
  entry.causes.forEach((c, k) => {
    out.push(`${k + 1}. ${c.title}  (${c.likelihood})`);
    out.push(`   ${c.mechanism}`);
    if (c.affected) out.push(`   affected: ${c.affected}`);
    if (c.fixed) out.push(`   fixed: ${c.fixed}`);
    out.push('   fix:', ...c.fix.map((step) => `   - ${step}`));
    out.push(`   verify: ${c.verify}`);
    out.push('   sources:', ...c.sources.map((s) => `   - ${s}`), '');
  });
  if (entry.related.length) out.push(`related: ${entry.related.join(', ')}`);
  if (entry.body) out.push('', entry.body);
  io.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
