// The real knowledge base, loaded once per test file the way the CLI loads it.
import { join } from 'node:path';
import { loadKnowledgeFolder, type LoadedKnowledge } from '../../src/knowledge/load-folder';

export const ROOT = join(__dirname, '..', '..');
export const KNOWLEDGE_DIR = join(ROOT, 'knowledge');

let cached: LoadedKnowledge | undefined;
export function realKnowledge(): LoadedKnowledge {
  cached ??= loadKnowledgeFolder(KNOWLEDGE_DIR, ROOT);
  return cached;
}
