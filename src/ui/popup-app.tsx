/** Toolbar popup: typo-tolerant search over the whole knowledge base. */
import { useMemo, useRef, useState, useEffect } from 'preact/hooks';
import { Highlight } from './highlight';
import { getSearcher } from './knowledge-search';

export function PopupApp() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const hits = useMemo(() => getSearcher().search(query, 12), [query]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else return;
    event.preventDefault();
  };

  return (
    <main class="popup">
      <label class="search-label" for="faultline-search">
        Search known errors
      </label>
      <input
        id="faultline-search"
        ref={input}
        type="search"
        value={query}
        placeholder="e.g. MCP error -32000"
        autocomplete="off"
        aria-controls="faultline-results"
        onInput={(e) => {
          setQuery((e.target as HTMLInputElement).value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="faultline-results" class="results" role="listbox" aria-label="Results">
        {hits.map((hit, k) => {
          const titleRanges = hit.matches.find((m) => m.key === 'title')?.indices;
          return (
            <li key={hit.doc.id} role="option" aria-selected={k === active} class={k === active ? 'active' : ''}>
              <div class="title">
                <Highlight text={hit.doc.title} ranges={titleRanges} />
              </div>
              <div class="meta">
                {hit.doc.tools.join(' · ')}
                {hit.doc.topCause ? ` — ${hit.doc.topCause}` : ''}
              </div>
            </li>
          );
        })}
      </ul>
      {query.trim() !== '' && hits.length === 0 && <p class="empty">No known error matches “{query}”.</p>}
    </main>
  );
}
