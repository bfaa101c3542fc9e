/** "On this page": the known errors the content script found on the current tab. */
import type { FindingSummary } from '../platform/messages';
import { localized, t, tn } from './i18n';
import { openDiagnosis } from './popup-browser';

/** `undefined` while the background has not answered yet. */
export type FindingsState = FindingSummary[] | undefined;

export function PopupFindings({ findings }: { findings: FindingsState }) {
  return (
    <section class="popup-findings" aria-labelledby="popup-findings-heading">
      <h2 id="popup-findings-heading" class="popup-label">
        {t('popupOnThisPage')}
      </h2>
      {findings === undefined ? (
        // Same height as one row, so the answer does not push the results down twice.
        <p class="popup-muted popup-findings-placeholder">{t('popupFindingsLoading')}</p>
      ) : findings.length === 0 ? (
        <p class="popup-muted popup-findings-placeholder">{t('popupNoFindings')}</p>
      ) : (
        <ul class="popup-findings-list">
          {findings.map((finding) => (
            <li key={finding.entryId}>
              <FindingRow finding={finding} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FindingRow({ finding }: { finding: FindingSummary }) {
  // A button: Tab reaches it, and Enter or Space opens the diagnosis like a click.
  return (
    <button type="button" class="popup-finding" onClick={() => void openDiagnosis(finding.entryId)}>
      <span class="popup-finding-text">
        <span class="popup-row-title">{localized(finding)}</span>
        {finding.topCause && <span class="popup-row-meta">{t('popupLikelyCause', localized(finding.topCause))}</span>}
      </span>
      <span class="popup-count" aria-hidden="true">
        {finding.count}
      </span>
      <span class="popup-sr-only">{tn('popupFindingCount', finding.count)}</span>
    </button>
  );
}
