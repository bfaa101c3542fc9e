/**
 * The paste box: a multi-line field whose text is diagnosed right here, exactly as a
 * selection sent from the context menu is (the same TextView). Nothing leaves the page.
 */
import { useState } from 'preact/hooks';
import { TextView } from './diagnosis-text';
import { t } from './i18n';
import type { KnowledgeBase } from './knowledge-entries';

/** As much as the context menu passes on (the diagnosis page reads at most this). */
export const PASTE_MAX_CHARS = 1024 * 1024;

export function PasteBox({ kb }: { kb: KnowledgeBase }) {
  const [draft, setDraft] = useState('');
  const [text, setText] = useState('');
  const tooLong = draft.length > PASTE_MAX_CHARS;
  const submit = (event: Event) => {
    event.preventDefault();
    if (draft.trim() === '' || tooLong) return;
    setText(draft);
  };
  return (
    <>
      <form class="paste-box" onSubmit={submit} aria-labelledby="paste-title">
        <h1 class="page-title" id="paste-title">
          {t('diagnosisPasteTitle')}
        </h1>
        <p class="muted">{t('diagnosisPasteHint')}</p>
        <label class="visually-hidden" for="paste-text">
          {t('diagnosisPasteLabel')}
        </label>
        <textarea
          id="paste-text"
          rows={10}
          spellcheck={false}
          value={draft}
          placeholder={t('diagnosisPastePlaceholder')}
          aria-describedby={tooLong ? 'paste-too-long' : undefined}
          onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            // Ctrl/Cmd+Enter diagnoses without reaching for the button.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
          }}
        />
        {tooLong && (
          <p class="notice" id="paste-too-long" role="alert">
            {t('diagnosisPasteTooLong', Math.round(PASTE_MAX_CHARS / 1024))}
          </p>
        )}
        <button type="submit" class="button" disabled={draft.trim() === '' || tooLong}>
          {t('diagnosisPasteButton')}
        </button>
      </form>
      {text && (
        <div class="paste-result" aria-live="polite">
          <TextView kb={kb} text={text} />
        </div>
      )}
    </>
  );
}
