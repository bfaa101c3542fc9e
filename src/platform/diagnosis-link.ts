/**
 * Addresses of the diagnosis page. It is deep-linkable:
 *   diagnosis.html?entry=mcp/connection-closed        an entry
 *   diagnosis.html?text=<url-encoded text>            a diagnosis of a text
 *   diagnosis.html?entry=ID&context=KEY               an entry ranked for the context a
 *                                                      badge or selection stored under KEY
 * Contexts can be large (a whole thread), so they live in `storage.session` rather than
 * in the URL; session storage is cleared when the browser closes.
 */
import type { DiagnosisContext } from './messages';

export interface DiagnosisRequest {
  entry?: string;
  text?: string;
  context?: string;
}

/** Texts longer than this go through session storage instead of the URL. */
export const MAX_TEXT_IN_URL = 2_000;

export const contextStorageKey = (key: string) => `session:context:${key}` as const;

export interface StoredContext extends DiagnosisContext {
  /** Where the context came from, shown on the diagnosis page. */
  source: { kind: 'badge' | 'selection'; url?: string; title?: string };
}

export function diagnosisPath(request: DiagnosisRequest): string {
  const params = new URLSearchParams();
  if (request.entry) params.set('entry', request.entry);
  if (request.text) params.set('text', request.text);
  if (request.context) params.set('context', request.context);
  return `/diagnosis.html?${params.toString()}`;
}

export function parseDiagnosisRequest(search: string): DiagnosisRequest {
  const params = new URLSearchParams(search);
  const request: DiagnosisRequest = {};
  const entry = params.get('entry');
  const text = params.get('text');
  const context = params.get('context');
  if (entry) request.entry = entry;
  if (text) request.text = text;
  if (context && /^[a-z0-9-]{1,64}$/i.test(context)) request.context = context;
  return request;
}
