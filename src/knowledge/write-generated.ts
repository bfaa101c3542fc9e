/** Writes the compiled knowledge as JSON modules (Node only; used by the build). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prefilterAnchors } from '../engine/prefilter';
import { compileKnowledge } from './compile';
import { loadKnowledgeFolder } from './load-folder';
import { formatProblem } from './parse-entry';

export class KnowledgeError extends Error {}

export function writeGeneratedKnowledge(knowledgeDir: string, outDir: string): { entries: number } {
  const { entries, problems } = loadKnowledgeFolder(knowledgeDir);
  if (problems.length > 0) {
    throw new KnowledgeError(
      `knowledge: ${problems.length} problem${problems.length === 1 ? '' : 's'}; run npm run kb:check\n${problems.map(formatProblem).join('\n')}`,
    );
  }
  const compiled = compileKnowledge(entries);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'entries.json'), JSON.stringify(compiled.entries));
  writeFileSync(join(outDir, 'signatures.json'), JSON.stringify(compiled.signatures));
  // All the content script carries of the knowledge: where an error might be (engine/prefilter.ts).
  writeFileSync(join(outDir, 'anchors.json'), JSON.stringify(prefilterAnchors(compiled.signatures)));
  writeFileSync(join(outDir, 'search.json'), JSON.stringify({ docs: compiled.searchDocs, index: compiled.searchIndex }));
  return { entries: entries.length };
}
