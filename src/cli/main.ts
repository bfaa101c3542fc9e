/** The `faultline` command line: dispatches to one file per command. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledgeFolder } from '../knowledge/load-folder';
import { runDiagnose } from './diagnose';
import type { CliIo } from './io';
import { runKbCheck } from './kb-check';
import { runKbCoverage } from './kb-coverage';
import { runKbRanking } from './kb-ranking';
import { runKbStats } from './kb-stats';
import { runSearch } from './search';
import { runShow } from './show';

export const KNOWLEDGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'knowledge');
/** The held-back ranking set (tests/ranking/held-back*.jsonl), read by kb:ranking in aggregate only. */
/** Samples of real issues with their key error lines (tests/coverage/*.jsonl). */
export const COVERAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'coverage');
export const HELD_BACK_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'ranking');

export const USAGE = `usage: faultline <command> [options]

commands:
  diagnose [--json|--format human|json|github] [--fix] [--fail-on ID|FOLDER/|CATEGORY] [FILE|-]...
                                  find known errors in files or stdin (default: stdin)
  search QUERY                    fuzzy-search the knowledge base
  show ID                         print one entry in full
  kb:check [FOLDER]               validate the knowledge files
  kb:stats [--json]               knowledge coverage report
  kb:ranking [FOLDER]...          cause examples that do not rank first; held-back figures
  kb:coverage [--misses]          share of real issues' error lines recognized

exit status: 0 found / ok, 1 nothing found, 2 usage or read error
`;

function loadEntries(io: CliIo, knowledgeDir: string) {
  const { entries, problems } = loadKnowledgeFolder(knowledgeDir, undefined, { crossCheck: false });
  if (problems.length > 0) {
    io.stderr.write(`faultline: warning: ${problems.length} knowledge problem(s) skipped; run: faultline kb:check\n`);
  }
  return entries;
}

export async function main(argv: string[], io: CliIo, knowledgeDir = KNOWLEDGE_DIR): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'diagnose':
      return runDiagnose(args, io, loadEntries(io, knowledgeDir));
    case 'search':
      return runSearch(args, io, loadEntries(io, knowledgeDir));
    case 'show':
      return runShow(args, io, loadEntries(io, knowledgeDir));
    case 'kb:check':
      return runKbCheck(args, io, knowledgeDir);
    case 'kb:stats':
      return runKbStats(args, io, knowledgeDir);
    case 'kb:coverage':
      return runKbCoverage(args, io, knowledgeDir, COVERAGE_DIR);
    case 'kb:ranking':
      return runKbRanking(args, io, knowledgeDir, HELD_BACK_DIR);
    case '-h':
    case '--help':
    case 'help':
      io.stdout.write(USAGE);
      return 0;
    case undefined:
      io.stderr.write(USAGE);
      return 2;
    default:
      io.stderr.write(`faultline: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
