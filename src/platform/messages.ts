/**
 * The one message contract between content scripts, extension pages and the
 * background. Messages are named by direction (`page:` from a content script,
 * `ui:` from an extension page). The background validates every message against this
 * file before acting (see `parseMessage`): a page can reach a content script's
 * messaging only through our code, but we still treat content-script data as untrusted.
 */

import type { RankedCause } from '../engine/types';

/** What the toolbar and the popup know about one signature found on a tab. */
export interface FindingSummary {
  entryId: string;
  title: string;
  title_zh?: string;
  /** Badges for this signature on the tab. */
  count: number;
  topCause?: { id: string; title: string; title_zh?: string };
}

/** The texts around a match, nearest first, as the diagnosis page re-ranks them. */
export interface DiagnosisContext {
  block: string;
  /** The page's title (for a thread: the issue or question title). */
  title?: string;
  comment?: string;
  page?: string;
}

/** One block (or a window of a long block) that may hold known errors, and its comment by index. */
export interface DiagnoseItem {
  block: string;
  /** Index into the request's `comments`. */
  comment?: number;
}

/**
 * What a content script sends to have blocks diagnosed: the blocks where its prefilter
 * found an anchor, batched, with the thread title, their comments and a thread excerpt
 * sent once per batch. The background holds the signatures, causes and cues; the content
 * script holds only the anchors (engine/prefilter.ts).
 */
export interface DiagnoseRequest {
  items: DiagnoseItem[];
  title?: string;
  comments?: string[];
  page?: string;
}

/** One known error in an item's block (offsets into that block), its causes ranked for the texts around it. */
export interface FoundError {
  entryId: string;
  start: number;
  end: number;
  title: string;
  title_zh?: string;
  causes: RankedCause[];
}

/** The one-line facts a badge card shows; the full texts stay out of content scripts. */
export interface CauseDetails {
  /** The first fix step, as plain text. */
  fix?: string;
  /** Every fix step, as plain text (for "Copy as Markdown"). */
  steps?: string[];
  affected?: string;
  fixed?: string;
  /** The sources the cause rests on (at most a few). */
  sources?: string[];
  support?: 'confirmed' | 'reported' | 'unverified';
  /** The day the entry's sources were last read. */
  checked?: string;
}

export type PageMessage =
  | { type: 'page:findings'; url: string; findings: FindingSummary[] }
  | { type: 'page:open-diagnosis'; entryId: string; context: DiagnosisContext }
  | { type: 'page:cause-details'; entryId: string; causeId: string }
  | ({ type: 'page:diagnose' } & DiagnoseRequest);

export type UiMessage =
  | { type: 'ui:tab-findings'; tabId: number }
  | { type: 'ui:scan-tab'; tabId: number };

export type Message = PageMessage | UiMessage;

/** Replies, by message type. */
export interface Replies {
  'page:findings': { ok: true };
  'page:open-diagnosis': { ok: true };
  'page:cause-details': CauseDetails | null;
  /** Per item, the known errors found in its block, at most LIMITS.rankEntries. */
  'page:diagnose': FoundError[][];
  'ui:tab-findings': FindingSummary[];
  'ui:scan-tab': { ok: boolean; error?: string };
}

/** Size caps: a hostile or huge page cannot make us store or forward unbounded text. */
export const LIMITS = {
  findings: 500,
  id: 200,
  title: 1_000,
  block: 64 * 1024,
  comment: 256 * 1024,
  page: 1024 * 1024,
  url: 4_096,
  /** Diagnosis and ranking get at most this much of each text (the 64 KB thread excerpt). */
  rankText: 64 * 1024,
  /** Errors reported per block of a batch. */
  rankEntries: 64,
  /** Blocks and distinct comments in one diagnosis batch. */
  rankItems: 32,
  /** All the text of one diagnosis batch. */
  rankBatchChars: 1024 * 1024,
} as const;

export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export class MessageError extends Error {}

/** A plain object (not null, not an array): what every stored or sent record must be. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(obj: Record<string, unknown>, key: string, max: number, optional = false): string | undefined {
  const v = obj[key];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string') throw new MessageError(`${key}: expected a string`);
  if (v.length > max) throw new MessageError(`${key}: longer than ${max} characters`);
  return v;
}

const ID = /^[a-z0-9][a-z0-9._/-]{0,199}$/;
function id(obj: Record<string, unknown>, key: string): string {
  const v = str(obj, key, LIMITS.id) as string;
  if (!ID.test(v)) throw new MessageError(`${key}: not a knowledge id`);
  return v;
}

function tabId(obj: Record<string, unknown>): number {
  const v = obj.tabId;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new MessageError('tabId: expected a tab id');
  return v;
}

function parseFinding(raw: unknown): FindingSummary {
  if (!isObject(raw)) throw new MessageError('findings: expected objects');
  const count = raw.count;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new MessageError('findings.count: expected a positive integer');
  }
  const finding: FindingSummary = { entryId: id(raw, 'entryId'), title: str(raw, 'title', LIMITS.title) as string, count };
  const titleZh = str(raw, 'title_zh', LIMITS.title, true);
  if (titleZh !== undefined) finding.title_zh = titleZh;
  if (raw.topCause !== undefined) {
    if (!isObject(raw.topCause)) throw new MessageError('findings.topCause: expected an object');
    const cause = raw.topCause;
    finding.topCause = { id: id(cause, 'id'), title: str(cause, 'title', LIMITS.title) as string };
    const causeZh = str(cause, 'title_zh', LIMITS.title, true);
    if (causeZh !== undefined) finding.topCause.title_zh = causeZh;
  }
  return finding;
}

function parseContext(raw: unknown): DiagnosisContext {
  if (!isObject(raw)) throw new MessageError('context: expected an object');
  const context: DiagnosisContext = { block: str(raw, 'block', LIMITS.block) as string };
  const title = str(raw, 'title', LIMITS.title, true);
  const comment = str(raw, 'comment', LIMITS.comment, true);
  const page = str(raw, 'page', LIMITS.page, true);
  if (title !== undefined) context.title = title;
  if (comment !== undefined) context.comment = comment;
  if (page !== undefined) context.page = page;
  return context;
}

function parseDiagnoseRequest(raw: Record<string, unknown>): DiagnoseRequest {
  if (!Array.isArray(raw.items) || raw.items.length === 0) throw new MessageError('items: expected a non-empty list');
  if (raw.items.length > LIMITS.rankItems) throw new MessageError(`items: more than ${LIMITS.rankItems}`);
  const comments = raw.comments === undefined ? [] : raw.comments;
  if (!Array.isArray(comments) || comments.length > LIMITS.rankItems) throw new MessageError(`comments: expected at most ${LIMITS.rankItems} strings`);
  const request: DiagnoseRequest = {
    items: raw.items.map((item, k) => {
      if (!isObject(item)) throw new MessageError(`items[${k}]: expected an object`);
      const parsed: DiagnoseItem = { block: str(item, 'block', LIMITS.rankText) as string };
      if (item.comment !== undefined) {
        if (typeof item.comment !== 'number' || !Number.isInteger(item.comment) || item.comment < 0 || item.comment >= comments.length) {
          throw new MessageError(`items[${k}].comment: not an index into comments`);
        }
        parsed.comment = item.comment;
      }
      return parsed;
    }),
  };
  if (comments.length > 0) request.comments = comments.map((c, k) => str({ [`comments[${k}]`]: c }, `comments[${k}]`, LIMITS.rankText) as string);
  for (const key of ['title', 'page'] as const) {
    const value = str(raw, key, key === 'title' ? LIMITS.title : LIMITS.rankText, true);
    if (value !== undefined) request[key] = value;
  }
  const total =
    request.items.reduce((n, i) => n + i.block.length, 0) + (request.comments ?? []).reduce((n, c) => n + c.length, 0) + (request.page?.length ?? 0);
  if (total > LIMITS.rankBatchChars) throw new MessageError(`the batch holds more than ${LIMITS.rankBatchChars} characters`);
  return request;
}

/**
 * Checks a message's shape and its sender. `page:` messages must come from a content
 * script of this extension running in a tab; `ui:` messages from one of our own pages.
 * Anything else throws a MessageError with a short reason.
 */
export function parseMessage(raw: unknown, sender: MessageSender, extension: { id: string; origin: string }): Message {
  if (!isObject(raw) || typeof raw.type !== 'string') throw new MessageError('not a Faultline message');
  if (sender.id !== extension.id) throw new MessageError('sender is not this extension');
  const fromPage = raw.type.startsWith('page:');
  if (fromPage && typeof sender.tab?.id !== 'number') throw new MessageError(`${raw.type}: must come from a tab`);
  if (!fromPage && !(sender.url ?? '').startsWith(extension.origin)) {
    throw new MessageError(`${raw.type}: must come from an extension page`);
  }
  switch (raw.type) {
    case 'page:findings': {
      if (!Array.isArray(raw.findings)) throw new MessageError('findings: expected a list');
      if (raw.findings.length > LIMITS.findings) throw new MessageError(`findings: more than ${LIMITS.findings}`);
      return { type: raw.type, url: str(raw, 'url', LIMITS.url) as string, findings: raw.findings.map(parseFinding) };
    }
    case 'page:open-diagnosis':
      return { type: raw.type, entryId: id(raw, 'entryId'), context: parseContext(raw.context) };
    case 'page:cause-details':
      return { type: raw.type, entryId: id(raw, 'entryId'), causeId: id(raw, 'causeId') };
    case 'page:diagnose':
      return { type: raw.type, ...parseDiagnoseRequest(raw) };
    case 'ui:tab-findings':
    case 'ui:scan-tab':
      return { type: raw.type, tabId: tabId(raw) };
    default:
      throw new MessageError(`unknown message type ${JSON.stringify(raw.type.slice(0, 40))}`);
  }
}
