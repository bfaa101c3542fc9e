/**
 * The search box and its results. The box keeps focus while arrow keys move the active
 * result (aria-activedescendant), so typing never stops; Enter opens the active result.
 * The list itself is also focusable, for people who Tab into it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../engine/search';
import { Highlight } from './highlight';
import { getLanguage, localized, t, tn } from './i18n';
import { getSearcher } from './knowledge-search';
import { openDiagnosis } from './popup-browser';

const LIMIT = 12;
const optionId = (k: number) => `popup-result-${k}`;

/** `children` sit between the box and the results (the popup puts "On this page" there). */
export function PopupSearch({ children }: { children?: ComponentChildren }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => input.current?.focus(), []);
  const hits = useMemo(() => getSearcher().search(query, LIMIT), [query]);

  useEffect(() => {
    list.current?.querySelector(`#${optionId(active)}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, hits]);

  const onKeyDown = (event: KeyboardEvent) => {
    const inList = event.currentTarget === list.current;
    if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    // In the text box Home and End move the caret; in the list they jump.
    else if (inList && event.key === 'Home') setActive(0);
    else if (inList && event.key === 'End') setActive(hits.length - 1);
    else if (event.key === 'Enter' && hits[active]) void openDiagnosis(hits[active].doc.id);
    else return;
    event.preventDefault();
  };

  const activeId = hits.length > 0 ? optionId(active) : undefined;
  return (
    <div class="popup-search">
      <label class="popup-label" for="popup-search-input">
        {t('popupSearchLabel')}
      </label>
      <input
        id="popup-search-input"
        ref={input}
        type="search"
        value={query}
        placeholder={t('popupSearchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        aria-controls={hits.length > 0 ? 'popup-results' : undefined}
        aria-activedescendant={activeId}
        onInput={(e) => {
          setQuery((e.currentTarget as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {children}
      {/* Fixed height: the popup does not resize with every keystroke. */}
      <div class="popup-results-area">
        {hits.length > 0 ? (
          <ul
            id="popup-results"
            ref={list}
            class="popup-results"
            role="listbox"
            tabIndex={0}
            aria-label={t('popupResults')}
            aria-activedescendant={activeId}
            onKeyDown={onKeyDown}
          >
            {hits.map((hit, k) => (
              <ResultOption key={hit.doc.id} hit={hit} id={optionId(k)} selected={k === active} onHover={() => setActive(k)} />
            ))}
          </ul>
        ) : (
          <p class="popup-muted">{query.trim() === '' ? t('popupHint') : t('popupNoResults', query.trim())}</p>
        )}
      </div>
      <p class="popup-sr-only" role="status">
        {query.trim() === '' ? '' : tn('popupResultCount', hits.length)}
      </p>
    </div>
  );
}

function ResultOption(props: { hit: SearchHit; id: string; selected: boolean; onHover: () => void }) {
  const { doc, matches } = props.hit;
  // Show the title in the UI language, highlighting whichever title the query matched.
  const useZh = getLanguage() === 'zh_CN' && !!doc.title_zh;
  const ranges = matches.find((m) => m.key === (useZh ? 'title_zh' : 'title'))?.indices;
  return (
    <li
      id={props.id}
      role="option"
      aria-selected={props.selected}
      class={props.selected ? 'popup-option active' : 'popup-option'}
      onClick={() => void openDiagnosis(doc.id)}
      onMouseMove={props.selected ? undefined : props.onHover}
    >
      <div class="popup-row-title">
        <Highlight text={localized(doc)} ranges={ranges} />
      </div>
      <div class="popup-row-meta">
        {doc.tools.join(' · ')}
        {doc.topCause ? ` — ${localized({ title: doc.topCause, title_zh: doc.topCause_zh })}` : ''}
      </div>
    </li>
  );
}
