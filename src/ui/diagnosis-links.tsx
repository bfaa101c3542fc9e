/** Links between diagnosis pages and out to the web searches the person may choose. */
import { diagnosisPath, type DiagnosisRequest } from '../platform/diagnosis-link';

/** Relative, so it works in the extension page and in tests alike. */
export function diagnosisHref(request: DiagnosisRequest): string {
  return diagnosisPath(request).replace(/^\//, '');
}

export function githubIssuesSearch(query: string): string {
  return `https://github.com/search?${new URLSearchParams({ type: 'issues', q: query })}`;
}

export function stackOverflowSearch(query: string): string {
  return `https://stackoverflow.com/search?${new URLSearchParams({ q: query })}`;
}
