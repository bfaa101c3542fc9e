/** The card a badge opens: what the error is and its most likely cause on this page. */
import { useEffect, useState } from 'preact/hooks';
import type { Diagnosis, FiredCue } from '../engine/types';
import type { CauseDetails } from '../platform/messages';
import { CARD_WHERE, replyMarkdown } from './badge-markdown';
import { localized, t } from './i18n';
import { trusted } from './trusted';

export interface BadgeCardProps {
  id: string;
  diagnosis: Diagnosis;
  loadDetails: (causeId: string) => Promise<CauseDetails | null>;
  onOpenDiagnosis: () => void;
  onClose: () => void;
}


/** How many of the usual causes the card lists when the page gives no clue. */
const USUAL_CAUSES_SHOWN = 3;

export function BadgeCard({ id, diagnosis, loadDetails, onOpenDiagnosis, onClose }: BadgeCardProps) {
  const top = diagnosis.causes[0];
  const [details, setDetails] = useState<CauseDetails | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    if (top) {
      loadDetails(top.id).then(
        (d) => live && setDetails(d),
        () => live && setDetails(null),
      );
    }
    return () => {
      live = false;
    };
  }, [diagnosis.entryId, top?.id]);
  const supporting = top?.cues.filter((c) => c.weight > 0) ?? [];
  const against = top?.cues.filter((c) => c.weight < 0) ?? [];

  return (
    <div class="card" id={id} role="dialog" aria-label={localized(diagnosis)}>
      <div class="card-head">
        <p class="card-title">{localized(diagnosis)}</p>
        <button type="button" class="card-close" aria-label={t('cardClose')} onClick={trusted(onClose)}>
          ×
        </button>
      </div>
      {top && top.confidence !== 'none' && (
        <section>
          <p class="card-label">{t(top.confidence === 'strong' ? 'cardLikelyCause' : 'cardPossibleCause')}</p>
          <p class="card-cause">{localized(top)}</p>
          <ul class="card-cues">
            {supporting.slice(0, 3).map((cue) => (
              <li key={cue.cue}>
                <CueLine cue={cue} />
              </li>
            ))}
            {against.slice(0, 1).map((cue) => (
              <li key={cue.cue} class="card-against">
                {t('cardAgainst', cue.text)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {top && top.confidence === 'none' && (
        <section>
          <p class="card-label">{t('cardNoClue')}</p>
          <ol class="card-usual">
            {diagnosis.causes.slice(0, USUAL_CAUSES_SHOWN).map((cause) => (
              <li key={cause.id}>{localized(cause)}</li>
            ))}
          </ol>
        </section>
      )}
      {details?.fix && (
        <section>
          <p class="card-label">{t('cardFix')}</p>
          <p class="card-fix">
            <InlineCode text={details.fix} />
          </p>
        </section>
      )}
      {(details?.affected || details?.fixed) && (
        <dl class="card-versions">
          {details.affected && (
            <>
              <dt>{t('cardAffected')}</dt>
              <dd>{details.affected}</dd>
            </>
          )}
          {details.fixed && (
            <>
              <dt>{t('cardFixed')}</dt>
              <dd>{details.fixed}</dd>
            </>
          )}
        </dl>
      )}
      {details?.sources && details.sources.length > 0 && (
        <section class="card-sources">
          <p class="card-label">
            {t('cardSources')}
            {details.checked && <span class="card-checked"> · {t('cardChecked', details.checked)}</span>}
          </p>
          <ul>
            {details.sources.map((url) => (
              <li key={url}>
                <a href={url} target="_blank" rel="noreferrer">
                  {shortUrl(url)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="card-actions">
        <button type="button" class="card-open" onClick={trusted(onOpenDiagnosis)}>
          {t('cardOpenDiagnosis')}
        </button>
        <CopyMarkdown diagnosis={diagnosis} details={details} />
      </div>
      <p class="card-keys">{t('cardKeys')}</p>
    </div>
  );
}

/** A source as a reader recognizes it: `github.com/o/r/issues/1`. */
function shortUrl(url: string): string {
  const bare = url.replace(/^https:\/\//, '');
  return bare.length > 60 ? `${bare.slice(0, 57)}…` : bare;
}

/** Puts the diagnosis on the clipboard as a short Markdown reply, and says whether it worked. */
function CopyMarkdown({ diagnosis, details }: { diagnosis: Diagnosis; details: CauseDetails | null | undefined }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(replyMarkdown(diagnosis, details)).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" class="card-copy" onClick={trusted(copy)} aria-live="polite">
      {state === 'copied' ? t('cardCopied') : state === 'failed' ? t('cardCopyFailed') : t('cardCopyMarkdown')}
    </button>
  );
}

/** Text with `backtick` spans shown as code (no Markdown beyond that in a card). */
function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split('`').map((part, k) => (k % 2 === 1 ? <code key={k}>{part}</code> : part))}
    </>
  );
}

/** "`CancelledError` in this comment", with the cue's found text as code. */
function CueLine({ cue }: { cue: FiredCue }) {
  const where = t(CARD_WHERE[cue.where]);
  const [before, after] = t('cardCueIn', '\u0000', where).split('\u0000');
  const shown = cue.text.length > 60 ? `${cue.text.slice(0, 57)}…` : cue.text;
  return (
    <>
      {before}
      <code>{shown}</code>
      {after}
    </>
  );
}
