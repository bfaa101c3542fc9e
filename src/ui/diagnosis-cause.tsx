/** One cause of an entry, as ranked for the context: score, the cues behind it, the fix. */
import type { Cause, FiredCue, RankedCause } from '../engine/types';
import { Heading } from './diagnosis-heading';
import { getLanguage, localized, t, type MessageKey } from './i18n';
import { safeHref } from './markdown-parse';
import { CodeSpans, MarkdownInline } from './markdown';

const WHERE: Record<FiredCue['where'], MessageKey> = {
  inner: 'diagnosisCueInner',
  block: 'diagnosisCueBlock',
  title: 'diagnosisCueTitle',
  comment: 'diagnosisCueComment',
  page: 'diagnosisCuePage',
};

const CONFIDENCE: Record<RankedCause['confidence'], MessageKey> = {
  strong: 'diagnosisConfidenceStrong',
  some: 'diagnosisConfidenceSome',
  none: 'diagnosisConfidenceNone',
};

const SUPPORT: Record<NonNullable<Cause['support']>, MessageKey> = {
  confirmed: 'diagnosisSupportConfirmed',
  reported: 'diagnosisSupportReported',
  unverified: 'diagnosisSupportUnverified',
};

/** The cause's texts in the UI language where the knowledge has them (commands stay as written). */
function bodies(cause: Cause) {
  const zh = getLanguage() === 'zh_CN';
  return {
    mechanism: zh && cause.mechanism_zh ? cause.mechanism_zh : cause.mechanism,
    fix: zh && cause.fix_zh && cause.fix_zh.length === cause.fix.length ? cause.fix_zh : cause.fix,
    verify: zh && cause.verify_zh ? cause.verify_zh : cause.verify,
  };
}

const LIKELIHOOD: Record<Cause['likelihood'], MessageKey> = {
  common: 'diagnosisLikelihoodCommon',
  occasional: 'diagnosisLikelihoodOccasional',
  rare: 'diagnosisLikelihoodRare',
};

function CueList({ cues, inText }: { cues: FiredCue[]; inText: boolean }) {
  return (
    <ul class="cues">
      {cues.map((cue) => (
        <li key={cue.cue}>
          <code title={cue.cue === cue.text ? undefined : cue.cue}>{cue.text}</code>
          {' — '}
          {cue.where === 'page' && inText ? t('diagnosisCueText') : t(WHERE[cue.where])}
        </li>
      ))}
    </ul>
  );
}

function Sources({ urls }: { urls: string[] }) {
  const safe = urls.map((url) => ({ url, href: safeHref(url) }));
  return (
    <ul class="sources">
      {safe.map(({ url, href }) => (
        <li key={url}>
          {href ? (
            <a href={href} rel="noreferrer" target="_blank">
              {href.replace(/^https:\/\//, '')}
            </a>
          ) : (
            url
          )}
        </li>
      ))}
    </ul>
  );
}

export interface CauseViewProps {
  cause: Cause;
  ranked: RankedCause;
  rank: number;
  /** Heading level of the cause title. */
  level: number;
  /** Whether a context ranked the causes (otherwise they are in their stated order). */
  ranking: boolean;
  /** The context is a pasted text, so "page" cues were found elsewhere in that text. */
  inText: boolean;
  idPrefix: string;
  /** Shown under its title only, opened on demand (every cause but the first). */
  collapsed?: boolean;
}

export function CauseView({ cause, ranked, rank, level, ranking, inText, idPrefix, collapsed = false }: CauseViewProps) {
  const support = ranked.cues.filter((c) => c.weight > 0);
  const against = ranked.cues.filter((c) => c.weight < 0);
  const top = rank === 1 && ranking && ranked.confidence !== 'none';
  const titleId = `${idPrefix}-${cause.id}`;
  const text = bodies(cause);
  const head = (
    <>
      <div class="cause-head">
        <span class="cause-rank" aria-hidden="true">
          {rank}
        </span>
        <Heading level={level} id={titleId} class="cause-title">
          <CodeSpans text={localized(cause)} />
        </Heading>
      </div>
      <p class="cause-meta">
        {top && <span class="tag tag-top">{t('diagnosisMostLikely')}</span>}
        <span class="tag">{t(LIKELIHOOD[cause.likelihood])}</span>
        {cause.support && <span class={`tag tag-support-${cause.support}`}>{t(SUPPORT[cause.support])}</span>}
        {ranking && <span class={`tag tag-confidence tag-${ranked.confidence}`}>{t(CONFIDENCE[ranked.confidence])}</span>}
      </p>
    </>
  );
  // The fix first: what to do, how to check it, then why and where it comes from.
  const body = (
    <>
      {ranking &&
        (support.length > 0 ? (
          <div class="cue-group">
            <p class="field-label">{t('diagnosisCuesFor')}</p>
            <CueList cues={support} inText={inText} />
          </div>
        ) : (
          <p class="muted">{t('diagnosisNoCues')}</p>
        ))}
      {against.length > 0 && (
        <div class="cue-group cue-against">
          <p class="field-label">{t('diagnosisCuesAgainst')}</p>
          <CueList cues={against} inText={inText} />
        </div>
      )}
      <Heading level={level + 1}>{t('diagnosisFix')}</Heading>
      <ol class="fix-steps">
        {text.fix.map((step, k) => (
          <li key={k}>
            <MarkdownInline text={step} copyCommands />
          </li>
        ))}
      </ol>
      <Heading level={level + 1}>{t('diagnosisVerify')}</Heading>
      <p>
        <MarkdownInline text={text.verify} copyCommands />
      </p>
      <Heading level={level + 1}>{t('diagnosisMechanism')}</Heading>
      <p>
        <MarkdownInline text={text.mechanism} />
      </p>
      {(cause.affected || cause.fixed) && (
        <dl class="versions">
          {cause.affected && (
            <div>
              <dt>{t('diagnosisAffected')}</dt>
              <dd>
                <MarkdownInline text={cause.affected} />
              </dd>
            </div>
          )}
          {cause.fixed && (
            <div>
              <dt>{t('diagnosisFixed')}</dt>
              <dd>
                <MarkdownInline text={cause.fixed} />
              </dd>
            </div>
          )}
        </dl>
      )}
      <Heading level={level + 1}>{t('diagnosisSources')}</Heading>
      <Sources urls={cause.sources} />
    </>
  );
  return (
    <li class={top ? 'cause cause-top' : 'cause'} aria-labelledby={titleId} data-cause-id={cause.id}>
      {collapsed ? (
        <details class="cause-details">
          <summary>{head}</summary>
          {body}
        </details>
      ) : (
        <>
          {head}
          {body}
        </>
      )}
    </li>
  );
}
