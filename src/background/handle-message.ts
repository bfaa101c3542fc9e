/**
 * The background's side of the message contract. Every message is parsed and its
 * sender checked (`parseMessage`) before anything happens; a bad one is answered with
 * an error and changes nothing.
 */
import { MessageError, parseMessage, type Message, type MessageSender, type Replies } from '../platform/messages';
import { showCount } from './action-count';
import { causeDetails, findEntry } from './knowledge';
import { openEntryDiagnosis } from './open-diagnosis';
import { createRateLimiter } from './rate-limit';
import { diagnoseForPage } from './diagnose-for-page';
import { scanTab } from './scan-tab';
import type { TabFindings } from './tab-findings';

export interface HandlerDeps {
  extension: { id: string; origin: string };
  findings: TabFindings;
}

/** A person opens a diagnosis now and then; three in ten seconds from one tab is already a lot. */
const openLimiter = createRateLimiter(3, 10_000);

export type HandlerSender = MessageSender & { tab?: { id?: number; index?: number; windowId?: number; url?: string; title?: string } };

export async function handleMessage(raw: unknown, sender: HandlerSender, deps: HandlerDeps): Promise<Replies[Message['type']] | { error: string }> {
  let message: Message;
  try {
    message = parseMessage(raw, sender, deps.extension);
  } catch (error) {
    if (error instanceof MessageError) return { error: error.message };
    throw error;
  }
  switch (message.type) {
    case 'page:findings': {
      const tabId = sender.tab?.id as number;
      await deps.findings.set(tabId, message.findings);
      await showCount(tabId, message.findings);
      return { ok: true };
    }
    case 'page:open-diagnosis': {
      if (!openLimiter.allow(sender.tab?.id ?? -1)) return { error: 'too many diagnosis pages opened from this tab; try again in a few seconds' };
      if (!(await findEntry(message.entryId))) return { error: `unknown entry ${message.entryId}` };
      await openEntryDiagnosis(message.entryId, { ...message.context, source: { kind: 'badge', url: sender.tab?.url, title: sender.tab?.title } }, sender.tab);
      return { ok: true };
    }
    case 'page:cause-details': {
      const entry = await findEntry(message.entryId);
      const cause = entry?.causes.find((c) => c.id === message.causeId);
      return cause ? causeDetails(cause, entry) : null;
    }
    case 'page:diagnose': {
      const { type: _type, ...request } = message;
      return diagnoseForPage(request);
    }
    case 'ui:tab-findings':
      return deps.findings.get(message.tabId);
    case 'ui:scan-tab':
      return scanTab(message.tabId);
  }
}
