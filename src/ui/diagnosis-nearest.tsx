/**
 * What the page offers beyond exact matches: the closest entries by fuzzy search, and
 * links to search GitHub issues and Stack Overflow. The links are plain anchors the
 * person may follow; the page itself requests nothing.
 */
import type { SearchHit } from '../engine/search';
import { Heading } from './diagnosis-heading';
import { diagnosisHref, githubIssuesSearch, stackOverflowSearch } from './diagnosis-links';
import { localized, t } from './i18n';

const KEY_LINE_MAX = 200;
// Words and codes that mark the line of a paste that states the error.
const ERROR_LINE = /error|exception|failed|failure|fatal|panic|traceback|denied|refused|cannot|unable|\bERR|\bE[A-Z]{3,}\b/i;

/** Lines that frame an error without stating it: traceback headers, stack frames, carets, chain separators. */
const FRAME_LINE = /^(?:traceback \(most recent call last\)|file "|at |\^+$|~+\^*$|during handling of the above exception|the above exception was the direct cause)/i;
/** Python's closing line: the exception type and its message. */
const PY_EXCEPTION_LINE = /^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Fault)\b/;

/**
 * The line that states the error. After a Python traceback that is its last line (the
 * exception), not the traceback header; elsewhere (Node, npm, git print the error first,
 * then the stack) the first line that names an error.
 */
function errorLine(lines: string[]): string | undefined {
  const stated = lines.filter((l) => !FRAME_LINE.test(l));
  const lastTraceback = lines.findLastIndex((l) => /^traceback \(most recent call last\)/i.test(l));
  if (lastTraceback >= 0) {
    const after = lines.slice(lastTraceback + 1).filter((l) => !FRAME_LINE.test(l));
    const exception = after.findLast((l) => PY_EXCEPTION_LINE.test(l));
    if (exception) return exception;
  }
  return stated.find((l) => ERROR_LINE.test(l));
}

/** The line of a text that looks most like the error, trimmed for a search query. */
export function keyLine(text: string): string {
  const lines = text
    // ANSI colours and log prefixes (timestamps) add nothing to a search.
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const line = errorLine(lines) ?? lines[0] ?? '';
  const trimmed = line.replace(/^\[?\d{4}-\d\d-\d\d[T ][\d:.,]+Z?\]?\s*/, '');
  if (trimmed.length <= KEY_LINE_MAX) return trimmed;
  // Cut at a word boundary so the query does not end in half a word.
  const cut = trimmed.slice(0, KEY_LINE_MAX);
  const space = cut.lastIndexOf(' ');
  return space > KEY_LINE_MAX / 2 ? cut.slice(0, space) : cut;
}

export function NearestEntries({ hits, level, heading }: { hits: SearchHit[]; level: number; heading: string }) {
  return (
    <section class="nearest" aria-labelledby="nearest-title">
      <Heading level={level} id="nearest-title">
        {heading}
      </Heading>
      {hits.length === 0 ? (
        <p class="muted">{t('diagnosisNearestNone')}</p>
      ) : (
        <ul class="entry-links">
          {hits.map((hit) => (
            <li key={hit.doc.id}>
              <a href={diagnosisHref({ entry: hit.doc.id })}>{localized(hit.doc)}</a>
              <span class="muted">
                {hit.doc.tools.join(' · ')}
                {hit.doc.topCause ? ` — ${hit.doc.topCause}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function WebSearchLinks({ query, level }: { query: string; level: number }) {
  return (
    <section class="web-search" aria-labelledby="web-search-title">
      <Heading level={level} id="web-search-title">
        {t('diagnosisSearchWeb')}
      </Heading>
      <pre class="key-line" tabIndex={0}>
        <code>{query}</code>
      </pre>
      <ul class="web-links">
        <li>
          <a href={githubIssuesSearch(query)} rel="noreferrer" target="_blank">
            {t('diagnosisSearchGithub')}
          </a>
        </li>
        <li>
          <a href={stackOverflowSearch(query)} rel="noreferrer" target="_blank">
            {t('diagnosisSearchStackOverflow')}
          </a>
        </li>
      </ul>
      <p class="muted">{t('diagnosisSearchWebNote')}</p>
    </section>
  );
}
