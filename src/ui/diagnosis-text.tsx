/**
 * The diagnosis of a text (a selection or a paste): every known error in it with causes
 * ranked by what surrounds it, then the closest entries by fuzzy search, and when
 * nothing is known, links to search the web for the text's key line.
 */
import type { RankingContext } from '../engine/rank';
import type { Diagnosis } from '../engine/types';
import { entryAnchor, EntryView } from './diagnosis-entry';
import { keyLine, NearestEntries, WebSearchLinks } from './diagnosis-nearest';
import { localized, localizedLabel, t, tn } from './i18n';
import type { KnowledgeBase } from './knowledge-entries';

const NEAREST = 5;

/** One diagnosis per entry (its first match), in the order the text mentions them. */
export function diagnoseForPage(kb: KnowledgeBase, text: string, context?: Omit<RankingContext, 'block'>): Diagnosis[] {
  const all = context ? kb.engine.diagnoseBlock(text, context) : kb.engine.diagnoseText(text);
  const seen = new Set<string>();
  return all
    .sort((a, b) => a.start - b.start)
    .filter((d) => {
      if (seen.has(d.entryId)) return false;
      seen.add(d.entryId);
      return true;
    });
}

export function TextView({ kb, text, context }: { kb: KnowledgeBase; text: string; context?: Omit<RankingContext, 'block'> }) {
  const found = diagnoseForPage(kb, text, context);
  const query = keyLine(text);
  const matched = new Set(found.map((d) => d.entryId));
  const nearest = kb.search(query, NEAREST + matched.size).filter((hit) => !matched.has(hit.doc.id)).slice(0, NEAREST);
  return (
    <div class="text-view">
      <h1 class="page-title">{t('diagnosisTextTitle')}</h1>
      <details class="your-text">
        <summary>{tn('diagnosisYourText', text.length)}</summary>
        <pre tabIndex={0}>
          <code>{text}</code>
        </pre>
      </details>
      <p class="lead" role="status">
        {found.length === 0 ? t('diagnosisNoMatch') : t('diagnosisFound', found.length)}
      </p>
      {found.length > 1 && (
        <nav class="contents" aria-label={t('diagnosisContents')}>
          <ol>
            {found.map((d) => {
              const entry = kb.get(d.entryId);
              return entry ? (
                <li key={d.entryId}>
                  <a href={`#${entryAnchor(d.entryId)}`}>{localized(entry)}</a>
                  {d.causes[0] && d.causes[0].confidence !== 'none' && <span class="muted"> — {localizedLabel(d.causes[0]) ?? localized(d.causes[0])}</span>}
                </li>
              ) : null;
            })}
          </ol>
        </nav>
      )}
      {found.map((d) => {
        const entry = kb.get(d.entryId);
        return entry ? (
          <EntryView key={d.entryId} entry={entry} kb={kb} level={2} ranked={d.causes} match={{ text, match: d }} inText={!context} />
        ) : null;
      })}
      <NearestEntries hits={nearest} level={2} heading={found.length === 0 ? t('diagnosisNearest') : t('diagnosisSimilar')} />
      {found.length === 0 && query !== '' && <WebSearchLinks query={query} level={2} />}
    </div>
  );
}
