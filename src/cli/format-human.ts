/** The human output of `diagnose`: one block per group of repeats, then a summary line. */
import type { Entry, FiredCue } from '../engine/types';
import type { Paint } from './colors';
import type { MatchGroup } from './diagnose-scan';

export function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

const whereText = (q: FiredCue) => (q.where === 'page' ? 'input' : q.where === 'inner' ? "the error's cause line" : q.where);

export function formatHuman(name: string, groups: MatchGroup[], byId: Map<string, Entry>, paint: Paint, options: { fix: boolean }): string {
  if (groups.length === 0) return `${name}: no known errors\n`;
  let out = '';
  for (const { first: m, count, lastLine } of groups) {
    const entry = byId.get(m.id) as Entry;
    const repeats = count > 1 ? paint.dim(`  (${count} times, lines ${m.line}-${lastLine})`) : '';
    out += `${name}:${m.line}:${m.column}: ${paint.bold(m.title)}${repeats}\n`;
    out += `  matched: ${oneLine(m.text)}\n`;
    const top = m.causes[0];
    if (top && top.confidence === 'none' && m.causes.length > 1) out += `  ${paint.dim('no clue in this input; the usual causes:')}\n`;
    m.causes.slice(0, 3).forEach((c, k) => {
      const found = c.evidence.filter((q) => q.weight > 0).map((q) => `"${oneLine(q.text)}" in ${whereText(q)}`);
      const against = c.evidence.filter((q) => q.weight < 0).map((q) => `"${oneLine(q.text)}" in ${whereText(q)}`);
      const strength =
        c.confidence === 'strong' ? ` ${paint.green('[strong evidence]')}` : c.confidence === 'some' ? ` ${paint.yellow('[some evidence]')}` : '';
      out += `  ${k + 1}. ${c.title}${strength}\n`;
      if (found.length) out += `     because: ${found.join(', ')}\n`;
      if (against.length) out += `     against: ${against.join(', ')}\n`;
    });
    if (m.causes.length > 3) out += `  ... ${m.causes.length - 3} more cause${m.causes.length - 3 === 1 ? '' : 's'}\n`;
    if (options.fix && top) {
      const cause = entry.causes.find((c) => c.id === top.id);
      if (cause) {
        const which = oneLine(cause.label ?? cause.title, 60);
        out += top.confidence === 'none' ? `  fix, if the cause is the usual first one (${which}):\n` : `  fix (${which}):\n`;
        cause.fix.forEach((step, k) => (out += `     ${k + 1}. ${step}\n`));
      }
    }
    out += `  entry: ${entry.file}  ${paint.cyan(`(faultline show ${m.id})`)}\n\n`;
  }
  const total = groups.reduce((n, g) => n + g.count, 0);
  const entries = new Map<string, number>();
  for (const g of groups) entries.set(g.first.id, (entries.get(g.first.id) ?? 0) + g.count);
  const list = [...entries].map(([id, n]) => (n > 1 ? `${id} x${n}` : id)).join(', ');
  out += `${name}: ${total} known error${total === 1 ? '' : 's'}, ${entries.size} distinct: ${list}\n`;
  return out;
}
