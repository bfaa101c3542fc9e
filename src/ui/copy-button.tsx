/** A button that copies a command to the clipboard and says so for a moment. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from './i18n';

type State = 'idle' | 'copied' | 'failed';

/** How long "Copied" stays before the button returns to its label. */
const RESET_MS = 2000;

export function CopyButton({ text, label }: { text: string; label?: string }) {
  const [state, setState] = useState<State>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), RESET_MS);
  };

  const name = state === 'copied' ? t('diagnosisCopied') : state === 'failed' ? t('diagnosisCopyFailed') : t('diagnosisCopyCommand', label ?? text);
  return (
    <>
    <button type="button" class={`copy-button copy-${state}`} aria-label={name} title={name} onClick={copy}>
      <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        {state === 'copied' ? (
          <path d="M13.78 4.22a.75.75 0 0 1 0 1.06l-7.25 7.25a.75.75 0 0 1-1.06 0L2.22 9.28a.75.75 0 0 1 1.06-1.06L6 10.94l6.72-6.72a.75.75 0 0 1 1.06 0Z" />
        ) : (
          <path d="M0 6.75C0 5.78.78 5 1.75 5h1.5a.75.75 0 0 1 0 1.5h-1.5a.25.25 0 0 0-.25.25v7.5c0 .14.11.25.25.25h7.5a.25.25 0 0 0 .25-.25v-1.5a.75.75 0 0 1 1.5 0v1.5A1.75 1.75 0 0 1 9.25 16h-7.5A1.75 1.75 0 0 1 0 14.25ZM5 1.75C5 .78 5.78 0 6.75 0h7.5C15.22 0 16 .78 16 1.75v7.5A1.75 1.75 0 0 1 14.25 11h-7.5A1.75 1.75 0 0 1 5 9.25Zm1.75-.25a.25.25 0 0 0-.25.25v7.5c0 .14.11.25.25.25h7.5a.25.25 0 0 0 .25-.25v-7.5a.25.25 0 0 0-.25-.25Z" />
        )}
      </svg>
      <span class="copy-text" aria-hidden="true">
        {state === 'copied' ? t('diagnosisCopied') : ''}
      </span>
    </button>
    {/* Announced once; the changed button name alone is not read by every screen reader. */}
    <span class="visually-hidden" role="status">
      {state === 'idle' ? '' : name}
    </span>
    </>
  );
}
