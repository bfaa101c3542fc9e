/**
 * GitHub Actions workflow commands: one `::error` annotation per group of repeats, so a
 * step that diagnoses its own failed log shows each known error on the run's summary.
 * Syntax: docs.github.com/actions/reference/workflow-commands-for-github-actions.
 */
import type { Entry } from '../engine/types';
import type { MatchGroup } from './diagnose-scan';
import { oneLine } from './format-human';

/** Message data: `%`, CR and LF are escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(input: string, groups: MatchGroup[], byId: Map<string, Entry>): string {
  let out = '';
  for (const { first: m, count } of groups) {
    const entry = byId.get(m.id) as Entry;
    const top = m.causes[0];
    const cause = top ? entry.causes.find((c) => c.id === top.id) : undefined;
    const props = [
      ...(input === '-' ? [] : [`file=${escapeProperty(input)}`]),
      `line=${m.line}`,
      `col=${m.column}`,
      `title=${escapeProperty(`Faultline: ${oneLine(m.title, 100)}`)}`,
    ].join(',');
    const lines = [
      count > 1 ? `${oneLine(m.text)} (${count} times)` : oneLine(m.text),
      top && top.confidence !== 'none'
        ? `Likely cause (${top.confidence} evidence): ${top.title}`
        : `No clue in the log; usual causes: ${m.causes.slice(0, 3).map((c) => c.title).join('; ')}`,
      ...(cause && top?.confidence !== 'none' && cause.fix[0] ? [`Fix: ${cause.fix[0]}`] : []),
      `Details: npx faultline show ${m.id}`,
    ];
    out += `::error ${props}::${escapeData(lines.join('\n'))}\n`;
  }
  return out;
}
