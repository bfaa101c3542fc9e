/** The few browser calls the popup makes, kept apart so components stay plain. */
import { browser } from 'wxt/browser';
import { diagnosisPath } from '../platform/diagnosis-link';

export interface PopupTab {
  id: number;
  url?: string;
}

/** The tab the popup was opened over; `activeTab` lets us read its URL. */
export async function getActiveTab(): Promise<PopupTab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url };
}

/** The host the site switch acts on: only ordinary web pages have one. */
export function webHostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

/** Opens an entry's diagnosis page in a new tab and closes the popup. */
export async function openDiagnosis(entry: string): Promise<void> {
  const path = diagnosisPath({ entry }) as Parameters<typeof browser.runtime.getURL>[0];
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
  window.close();
}

/** Opens the diagnosis page's paste box in a new tab and closes the popup. */
export async function openPasteBox(): Promise<void> {
  const path = diagnosisPath({}) as Parameters<typeof browser.runtime.getURL>[0];
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
  window.close();
}

export async function openOptions(): Promise<void> {
  await browser.runtime.openOptionsPage();
  window.close();
}
