/**
 * Opens the diagnosis page in a new tab next to the one it came from. Contexts (a
 * badge's block, comment and thread; a long selection) go to `storage.session` under a
 * random key, so the URL stays short and the text never leaves the browser.
 */
import { browser } from 'wxt/browser';
import { diagnosisPath, MAX_TEXT_IN_URL, type DiagnosisRequest, type StoredContext } from '../platform/diagnosis-link';
import { storeContext } from '../platform/diagnosis-contexts';

export interface Opener {
  id?: number;
  index?: number;
  windowId?: number;
}

async function openTab(request: DiagnosisRequest, opener?: Opener): Promise<void> {
  await browser.tabs.create({
    // getURL's typing knows file paths only; ours carries a query string.
    url: (browser.runtime.getURL as (path: string) => string)(diagnosisPath(request)),
    ...(opener?.index !== undefined ? { index: opener.index + 1 } : {}),
    ...(opener?.id !== undefined ? { openerTabId: opener.id } : {}),
    ...(opener?.windowId !== undefined ? { windowId: opener.windowId } : {}),
  });
}

/** The context's key, or undefined when storage refuses it: the page then opens without it. */
async function tryStoreContext(context: StoredContext): Promise<string | undefined> {
  try {
    return await storeContext(context);
  } catch (error) {
    console.warn('Faultline: the diagnosis context could not be stored; opening without it.', error);
    return undefined;
  }
}

export async function openEntryDiagnosis(entryId: string, context: StoredContext | undefined, opener?: Opener): Promise<void> {
  const key = context ? await tryStoreContext(context) : undefined;
  await openTab({ entry: entryId, ...(key ? { context: key } : {}) }, opener);
}

/** A selected text: short ones travel in the URL (deep-linkable); long ones by key. */
export async function openTextDiagnosis(text: string, source: StoredContext['source'], opener?: Opener): Promise<void> {
  const key = await tryStoreContext({ block: text, source });
  await openTab({ ...(text.length <= MAX_TEXT_IN_URL ? { text } : {}), ...(key ? { context: key } : {}) }, opener);
}
