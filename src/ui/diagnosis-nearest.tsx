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

/** The line of a text that looks most like the error, trimmed for a search query. */
export function keyLine(text: string): string {
  const lines = text
    // ANSI colours and log prefixes (timestamps) add nothing to a search.
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const line = lines.find((l) => ERROR_LINE.test(l)) ?? lines[0] ?? '';
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
