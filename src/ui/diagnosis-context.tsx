/** Says where the context that ranked the causes came from, or that it is gone. */
import type { StoredContext } from '../platform/diagnosis-link';
import { t } from './i18n';
import { safeHref } from './markdown-parse';

export function ContextNote({ context }: { context?: StoredContext }) {
  // Session storage is emptied when the browser closes; an old link loses its context.
  if (!context) return <p class="notice">{t('diagnosisContextMissing')}</p>;
  const source = context.source ?? { kind: 'badge' };
  const href = source.url ? safeHref(source.url) : undefined;
  const name = source.title || source.url || '';
  const place = href ? (
    <a href={href} rel="noreferrer" target="_blank">
      {name}
    </a>
  ) : (
    name
  );
  return (
    <p class="context-note">
      {source.kind === 'selection' ? t('diagnosisContextSelection') : t('diagnosisContextBadge')}
      {name && (
        <>
          {' '}
          {place}
        </>
      )}
    </p>
  );
}
