/**
 * Compiles `knowledge/` into `src/knowledge/generated/` (entries, signatures for the
 * content script, and the prebuilt search index). Throws with every problem listed
 * when an entry is faulty, so the build stops.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGeneratedKnowledge } from '../src/knowledge/write-generated';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function buildKnowledge(): void {
  writeGeneratedKnowledge(join(root, 'knowledge'), join(root, 'src', 'knowledge', 'generated'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    buildKnowledge();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}
