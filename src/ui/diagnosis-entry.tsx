/** One knowledge entry in full: signature, summary, explanation and every cause, ranked. */
import type { Engine } from '../engine/diagnose';
import { ContextTexts, describePattern, rankCauses, type RankingContext } from '../engine/rank';
import type { Entry, Match, RankedCause } from '../engine/types';
import { toSignature } from '../knowledge/compile';
import { CauseView } from './diagnosis-cause';
import { Heading } from './diagnosis-heading';
import { getLanguage, localized, t } from './i18n';
import type { KnowledgeBase } from './knowledge-entries';
import { CodeSpans, Markdown } from './markdown';
import { diagnosisHref } from './diagnosis-links';

/** The causes in the order to show: ranked by the context, else by stated likelihood. */
export function orderCauses(entry: Entry, context?: RankingContext, engine?: Engine): RankedCause[] {
  // With an empty block no cue fires, so only the likelihood prior orders the causes.
  // The engine's cache knows every signature, so `entry:` cues rank here as on the badge.
  const texts = new ContextTexts(context ?? { block: '' }, engine?.newCache());
  return rankCauses(toSignature(entry), texts);
}

/** The id of an entry's article on the page, for the contents list. */
export function entryAnchor(id: string): string {
  return `e-${id.replace(/[^a-z0-9-]/gi, '-')}`;
}

export function localizedSummary(entry: Entry): string {
  return getLanguage() === 'zh_CN' && entry.summary_zh ? entry.summary_zh : entry.summary;
}

/** The line of `text` around a match, with the match marked. */
function MatchedText({ text, match }: { text: string; match: Match }) {
  const lineStart = text.lastIndexOf('\n', match.start - 1) + 1;
  const lineEndAt = text.indexOf('\n', match.end);
  const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
  // Long lines (minified logs) are cut to a window around the match.
  const from = Math.max(lineStart, match.start - 160);
  const to = Math.min(lineEnd, match.end + 160);
  return (
    <pre class="matched-text" tabIndex={0}>
      <code>
        {from > lineStart && '…'}
        {text.slice(from, match.start)}
        <mark>{text.slice(match.start, match.end)}</mark>
        {text.slice(match.end, to)}
        {to < lineEnd && '…'}
      </code>
    </pre>
  );
}

export interface EntryViewProps {
  entry: Entry;
  kb: KnowledgeBase;
  level: number;
  /** Causes already ranked (a text diagnosis); otherwise ranked here with `context`. */
  ranked?: RankedCause[];
  context?: RankingContext;
  /** The diagnosed text and where this entry matched it. */
  match?: { text: string; match: Match };
  inText?: boolean;
}

export function EntryView({ entry, kb, level, ranked, context, match, inText = false }: EntryViewProps) {
  const causes = ranked ?? orderCauses(entry, context, context ? kb.engine : undefined);
  const ranking = ranked !== undefined ? true : context !== undefined;
  const idPrefix = entryAnchor(entry.id);
  const related = entry.related.map((id) => kb.get(id)).filter((e): e is Entry => e !== undefined);
  return (
    <article class="entry" id={idPrefix} aria-labelledby={`${idPrefix}-title`}>
      <p class="entry-kicker">
        {entry.tools.join(' · ')}
        {kb.isCustom(entry.id) && <span class="tag">{t('diagnosisCustom')}</span>}
      </p>
      <Heading level={level} id={`${idPrefix}-title`} class="entry-title">
        {localized(entry)}
      </Heading>
      {entry.obsolete && <p class="notice">{t('diagnosisObsolete', entry.obsolete)}</p>}
      {entry.checked && <p class="muted entry-checked">{t('diagnosisChecked', entry.checked)}</p>}
      {match && (
        <section class="entry-section">
          <Heading level={level + 1}>{t('diagnosisMatched')}</Heading>
          <MatchedText {...match} />
        </section>
      )}
      <p class="summary">
        <CodeSpans text={localizedSummary(entry)} />
      </p>
      <section class="entry-section">
        <Heading level={level + 1}>{t('diagnosisCauses', causes.length)}</Heading>
        <p class="muted">{ranking ? t('diagnosisRankedByContext') : t('diagnosisRankedByLikelihood')}</p>
        <ol class="causes">
          {causes.map((rankedCause, k) => {
            const cause = entry.causes.find((c) => c.id === rankedCause.id);
            return cause ? (
              <CauseView
                key={cause.id}
                cause={cause}
                ranked={rankedCause}
                rank={k + 1}
                level={level + 2}
                ranking={ranking}
                inText={inText}
                idPrefix={idPrefix}
                collapsed={k > 0}
              />
            ) : null;
          })}
        </ol>
      </section>
      {entry.body.trim() && (
        <div class="body">
          <Markdown text={entry.body} />
        </div>
      )}
      {related.length > 0 && (
        <section class="entry-section">
          <Heading level={level + 1}>{t('diagnosisRelated')}</Heading>
          <ul class="related">
            {related.map((other) => (
              <li key={other.id}>
                <a href={diagnosisHref({ entry: other.id })}>{localized(other)}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
            <section class="entry-section">
        <Heading level={level + 1}>{t('diagnosisSignature')}</Heading>
        <ul class="signature">
          {entry.patterns.map((pattern, k) => (
            <li key={k}>
              <code>{describePattern(pattern)}</code>
              {pattern.kind === 'regex' && <span class="tag">{t('diagnosisRegex')}</span>}
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
