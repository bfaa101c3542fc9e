/** `faultline kb:check [PATH-PREFIX]`: validates the knowledge folder. */
import { formatProblem } from '../knowledge/parse-entry';
import { loadKnowledgeFolder } from '../knowledge/load-folder';
import type { CliIo } from './io';

export function runKbCheck(args: string[], io: CliIo, knowledgeDir: string): number {
  const prefix = args[0]?.replace(/\\/g, '/').replace(/\/$/, '');
  const { entries, problems } = loadKnowledgeFolder(knowledgeDir);
  const shown = prefix ? problems.filter((p) => p.file.startsWith(prefix) || p.file.startsWith(`knowledge/${prefix}`)) : problems;
  for (const problem of shown) io.stderr.write(`${formatProblem(problem)}\n`);
  const causes = entries.reduce((n, e) => n + e.causes.length, 0);
  if (shown.length > 0) {
    io.stderr.write(`kb:check: ${shown.length} problem${shown.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  io.stdout.write(`kb:check: ${entries.length} entries, ${causes} causes, no problems\n`);
  return 0;
}
