/** The toolbar icon's count of known errors on a tab. */
import { browser } from 'wxt/browser';
import { totalCount } from '../page/findings';
import type { FindingSummary } from '../platform/messages';
import { t, tn } from '../ui/i18n';

const COLOR = '#d9480f';

/** MV3 has `action`; Firefox's MV2 build has `browserAction` with the same methods. */
function actionApi() {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export async function showCount(tabId: number, findings: FindingSummary[]): Promise<void> {
  const action = actionApi();
  if (!action) return;
  const count = totalCount(findings);
  await action.setBadgeText({ tabId, text: badgeText(count) });
  await action.setBadgeBackgroundColor({ tabId, color: COLOR });
  await action.setTitle({ tabId, title: count > 0 ? tn('actionTitleCount', count) : t('actionTitle') });
}
