/** The prebuilt search index, parsed once per page that searches. */
import search from '../knowledge/generated/search.json';
import { createSearcher, type SearchDoc, type Searcher } from '../engine/search';

let searcher: Searcher | undefined;
export function getSearcher(): Searcher {
  searcher ??= createSearcher(search.docs as SearchDoc[], search.index);
  return searcher;
}
