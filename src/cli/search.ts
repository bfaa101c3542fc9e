/** `faultline search QUERY...`: fuzzy search, best first. */
import { createSearcher, toSearchDoc } from '../engine/search';
import type { Entry } from '../engine/types';
import type { CliIo } from './io';

export function runSearch(args: string[], io: CliIo, entries: Entry[]): number {
  const query = args.join(' ').trim();
  if (!query) {
    io.stderr.write('faultline: search: give a query (usage: faultline search QUERY)\n');
    return 2;
  }
  const hits = createSearcher(entries.map(toSearchDoc)).search(query, 10);
  if (hits.length === 0) {
    io.stdout.write(`no entry matches "${query}"\n`);
    return 1;
  }
  for (const hit of hits) {
    io.stdout.write(`${hit.doc.id}  ${hit.doc.title}  (${hit.doc.tools.join(', ')})\n`);
  }
  return 0;
}
