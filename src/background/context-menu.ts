/**
 * "Diagnose selected text": a context-menu item on any selection. It needs no content
 * script (the browser hands us the selection), so it works on every page.
 */
import { browser } from 'wxt/browser';
import { LIMITS } from '../platform/messages';
import { t } from '../ui/i18n';
import { openTextDiagnosis, type Opener } from './open-diagnosis';

export const MENU_ID = 'faultline-diagnose-selection';

export function createMenus(): void {
  browser.contextMenus.removeAll().then(
    () => browser.contextMenus.create({ id: MENU_ID, title: t('menuDiagnoseSelection'), contexts: ['selection'] }),
    () => {},
  );
}

export interface MenuClick {
  menuItemId: string | number;
  selectionText?: string;
}

/** Handles a click on our menu item; returns false when the click was not ours or empty. */
export async function onMenuClicked(info: MenuClick, tab?: Opener & { url?: string; title?: string }): Promise<boolean> {
  if (info.menuItemId !== MENU_ID) return false;
  const text = (info.selectionText ?? '').slice(0, LIMITS.block);
  if (text.trim() === '') return false;
  await openTextDiagnosis(text, { kind: 'selection', ...(tab?.url ? { url: tab.url } : {}), ...(tab?.title ? { title: tab.title } : {}) }, tab);
  return true;
}
