/**
 * `faultline diagnose [options] [FILE|-]...`: the engine over files or stdin, printed for
 * a person (repeats grouped, a summary per input), as JSON, or as GitHub Actions
 * annotations; `--fail-on` makes the exit status say whether chosen errors occurred.
 */
import { createEngine } from '../engine/diagnose';
import type { Entry } from '../engine/types';
import { paintFor } from './colors';
import { groupRepeats, scanInput, type LocatedMatch, type MatchReport } from './diagnose-scan';
import { formatGithub } from './format-github';
import { formatHuman } from './format-human';
import type { CliIo } from './io';
import { BinaryInputError } from './read-input';

export type { CauseReport, MatchReport } from './diagnose-scan';

export interface InputReport {
  input: string;
  matches: MatchReport[];
}

const FORMATS = ['human', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

export const DIAGNOSE_USAGE =
  'usage: faultline diagnose [--json | --format human|json|github] [--fix] [--fail-on ID|FOLDER/|CATEGORY]... [FILE|-]...';

interface Options {
  format: Format;
  fix: boolean;
  failOn: string[];
  inputs: string[];
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { format: 'human', fix: false, failOn: [], inputs: [] };
  for (let k = 0; k < args.length; k++) {
    const arg = args[k];
    const value = (name: string) => {
      const inline = arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : undefined;
      if (inline !== undefined) return inline;
      const next = args[k + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      k++;
      return next;
    };
    if (arg === '--json') options.format = 'json';
    else if (arg === '--fix') options.fix = true;
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const format = value('--format');
      if (!format || !(FORMATS as readonly string[]).includes(format)) return `--format takes one of: ${FORMATS.join(', ')}`;
      options.format = format as Format;
    } else if (arg === '--fail-on' || arg.startsWith('--fail-on=')) {
      const target = value('--fail-on');
      if (!target) return '--fail-on takes an entry id, a folder ending in "/" or a category';
      options.failOn.push(target);
    } else if (arg === '-' || !arg.startsWith('-')) options.inputs.push(arg);
    else return `unknown option "${arg}"`;
  }
  if (options.inputs.length === 0) options.inputs.push('-');
  if (options.inputs.filter((i) => i === '-').length > 1) return 'stdin ("-") can be read only once';
  return options;
}

/** Whether a match is one `--fail-on` names: its id, its folder (`mcp/`), or its category. */
function selected(match: LocatedMatch, entry: Entry, failOn: string[]): boolean {
  return failOn.some((t) => t === match.id || (t.endsWith('/') && match.id.startsWith(t)) || t === entry.category);
}

export async function runDiagnose(args: string[], io: CliIo, entries: Entry[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.stderr.write(`faultline: diagnose: ${options} (${DIAGNOSE_USAGE})\n`);
    return 2;
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  const engine = createEngine(entries);
  const paint = paintFor(io.stdout as { isTTY?: boolean }, env);
  const reports: InputReport[] = [];
  let readError = false;
  let matched = false;
  let failing = false;

  for (const input of options.inputs) {
    let located: LocatedMatch[] = [];
    try {
      located = await scanInput(input === '-' ? io.stdin : input, engine, byId);
    } catch (error) {
      const message = error instanceof BinaryInputError ? error.message : describeReadError(error);
      io.stderr.write(`faultline: ${input === '-' ? 'stdin' : input}: ${message}\n`);
      if (!(error instanceof BinaryInputError)) readError = true;
      if (options.format !== 'json') continue;
    }
    if (located.length > 0) matched = true;
    if (located.some((m) => selected(m, byId.get(m.id) as Entry, options.failOn))) failing = true;
    const groups = groupRepeats(located);
    if (options.format === 'json') reports.push({ input, matches: located.map(({ line: _line, column: _column, ...m }) => m) });
    else if (options.format === 'github') io.stdout.write(formatGithub(input, groups, byId));
    else io.stdout.write(formatHuman(input === '-' ? '<stdin>' : input, groups, byId, paint, { fix: options.fix }));
  }
  if (options.format === 'json') io.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
  if (readError) return 2;
  if (options.failOn.length > 0) return failing ? 1 : 0;
  return matched ? 0 : 1;
}

function describeReadError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EISDIR') return 'is a directory';
  if (e.code === 'EACCES') return 'permission denied';
  return e.message ?? String(error);
}
