/**
 * The diagnosis page: reads the request from the address (an entry, a text, and the key
 * of a context stored by a badge or a selection), loads the knowledge base, and shows
 * the entry or the diagnosis of the text under a search box.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RankingContext } from '../engine/rank';
import type { DiagnosisRequest, StoredContext } from '../platform/diagnosis-link';
import { EntryView } from './diagnosis-entry';
import { DiagnosisSearch } from './diagnosis-search';
import { ContextNote } from './diagnosis-context';
import { PasteBox } from './diagnosis-paste';
import { TextView } from './diagnosis-text';
import { localized, t } from './i18n';
import type { KnowledgeBase } from './knowledge-entries';

export interface DiagnosisAppProps {
  request: DiagnosisRequest;
  loadKnowledge: () => Promise<KnowledgeBase>;
  /** Resolves the stored context for a key; undefined when it is gone. */
  loadContext: (key: string) => Promise<StoredContext | undefined>;
}

interface Loaded {
  kb: KnowledgeBase;
  context?: StoredContext;
}

/** Only the strings the ranker reads, whatever else the stored object holds. */
function rankingContext(stored: StoredContext): RankingContext {
  return {
    block: typeof stored.block === 'string' ? stored.block : '',
    ...(typeof stored.title === 'string' ? { title: stored.title } : {}),
    ...(typeof stored.comment === 'string' ? { comment: stored.comment } : {}),
    ...(typeof stored.page === 'string' ? { page: stored.page } : {}),
  };
}

function Content({ request, kb, context }: { request: DiagnosisRequest } & Loaded) {
  const contextNote = request.context ? <ContextNote context={context} /> : null;
  if (request.entry) {
    const entry = kb.get(request.entry);
    if (!entry) {
      return (
        <div class="message" role="alert">
          <h1 class="page-title">{t('diagnosisUnknownTitle')}</h1>
          <p>{t('diagnosisUnknownEntry', request.entry)}</p>
          <p>{t('diagnosisUseSearch')}</p>
        </div>
      );
    }
    return (
      <>
        {contextNote}
        <EntryView entry={entry} kb={kb} level={1} context={context ? rankingContext(context) : undefined} />
      </>
    );
  }
  // A long selection travels in the stored context only; the selection is the block then.
  const text = request.text ?? (context?.source?.kind === 'selection' ? context.block : undefined);
  if (text && text.trim()) {
    const around = context ? rankingContext(context) : undefined;
    return (
      <>
        {contextNote}
        <TextView kb={kb} text={text} context={around ? { ...(around.comment ? { comment: around.comment } : {}), ...(around.page ? { page: around.page } : {}) } : undefined} />
      </>
    );
  }
  // Nothing asked for: the page is a paste box (also what the popup's "Paste a log" opens).
  return <PasteBox kb={kb} />;
}

export function DiagnosisApp({ request, loadKnowledge, loadContext }: DiagnosisAppProps) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [failed, setFailed] = useState<string>();

  useEffect(() => {
    let live = true;
    const context = request.context ? loadContext(request.context).catch(() => undefined) : Promise.resolve(undefined);
    Promise.all([loadKnowledge(), context]).then(
      ([kb, stored]) => live && setLoaded({ kb, ...(stored ? { context: stored } : {}) }),
      (error: unknown) => live && setFailed(String(error)),
    );
    return () => {
      live = false;
    };
  }, [request]);

  useEffect(() => {
    const entry = loaded && request.entry ? loaded.kb.get(request.entry) : undefined;
    document.title = entry ? t('diagnosisDocTitle', localized(entry)) : t('diagnosisPageTitle');
  }, [loaded, request]);

  return (
    <>
      <header class="top">
        <div class="top-inner">
          <a class="brand" href="diagnosis.html">
            {t('diagnosisPageTitle')}
          </a>
          <DiagnosisSearch kb={loaded?.kb} />
        </div>
      </header>
      <main class="page" aria-busy={loaded || failed ? 'false' : 'true'}>
        {failed ? (
          <p role="alert">{t('diagnosisLoadFailed', failed)}</p>
        ) : loaded ? (
          <Content request={request} {...loaded} />
        ) : (
          <p class="muted">{t('diagnosisLoading')}</p>
        )}
      </main>
    </>
  );
}
