/** The search box at the top of the diagnosis page: jump to any entry by name or text. */
import { useMemo, useState } from 'preact/hooks';
import { diagnosisHref } from './diagnosis-links';
import { Highlight } from './highlight';
import { getLanguage, localized, t } from './i18n';
import type { KnowledgeBase } from './knowledge-entries';

export function DiagnosisSearch({ kb }: { kb?: KnowledgeBase }) {
  const [query, setQuery] = useState('');
  const hits = useMemo(() => (kb ? kb.search(query, 8) : []), [kb, query]);
  const showTitleRanges = getLanguage() !== 'zh_CN';
  return (
    <div class="search" role="search">
      <label class="search-label" for="diagnosis-search">
        {t('diagnosisSearchLabel')}
      </label>
      <input
        id="diagnosis-search"
        type="search"
        value={query}
        placeholder={t('diagnosisSearchPlaceholder')}
        autocomplete="off"
        aria-controls="diagnosis-search-results"
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      <div id="diagnosis-search-results" aria-live="polite">
        {query.trim() !== '' &&
          (hits.length === 0 ? (
            <p class="muted search-empty">{t('diagnosisSearchNone', query)}</p>
          ) : (
            <ul class="search-results" aria-label={t('diagnosisSearchResults')}>
              {hits.map((hit) => (
                <li key={hit.doc.id}>
                  <a href={diagnosisHref({ entry: hit.doc.id })}>
                    {showTitleRanges ? (
                      <Highlight text={hit.doc.title} ranges={hit.matches.find((m) => m.key === 'title')?.indices} />
                    ) : (
                      localized(hit.doc)
                    )}
                  </a>
                  <span class="muted">{hit.doc.tools.join(' · ')}</span>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </div>
  );
}
