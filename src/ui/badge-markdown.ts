/**
 * "Copy as Markdown": the card's diagnosis as a short reply for the thread: the error,
 * the likely cause and the evidence for it (or, with none, the usual causes), the fix
 * steps and the sources. Plain text in, Markdown out; nothing is rendered here.
 */
import type { Diagnosis, FiredCue } from '../engine/types';
import type { CauseDetails } from '../platform/messages';
import { localized, t, type MessageKey } from './i18n';

/** The card's word for where evidence was found ("in this block"). */
export const CARD_WHERE: Record<FiredCue['where'], MessageKey> = {
  inner: 'cardWhereInner',
  block: 'cardWhereBlock',
  title: 'cardWhereTitle',
  comment: 'cardWhereComment',
  page: 'cardWherePage',
};

/** Inline code that survives any backticks in the text. */
function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${flat} ${fence}` : `${fence}${flat}${fence}`;
}

export function replyMarkdown(diagnosis: Diagnosis, details: CauseDetails | null | undefined): string {
  const lines: string[] = [`**${t('mdError')}** ${code(diagnosis.text)}: ${localized(diagnosis)}`, ''];
  const top = diagnosis.causes[0];
  if (top && top.confidence !== 'none') {
    lines.push(`**${t(top.confidence === 'strong' ? 'mdLikelyCause' : 'mdPossibleCause')}** ${localized(top)}`);
    const why = top.cues.filter((c) => c.weight > 0).slice(0, 3);
    if (why.length > 0) lines.push(`${t('mdBecause')} ${why.map((c) => t('cardCueIn', code(c.text), t(CARD_WHERE[c.where]))).join('; ')}`);
    if (details?.steps?.length) {
      lines.push('', `**${t('mdFix')}**`);
      details.steps.forEach((step, k) => lines.push(`${k + 1}. ${step}`));
    }
    if (details?.sources?.length) lines.push('', `${t('mdSources')} ${details.sources.join(' · ')}`);
  } else if (top) {
    lines.push(`**${t('mdUsualCauses')}**`);
    diagnosis.causes.slice(0, 3).forEach((cause, k) => lines.push(`${k + 1}. ${localized(cause)}`));
  }
  return `${lines.join('\n')}\n`;
}
