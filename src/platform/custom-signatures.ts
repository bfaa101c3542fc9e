/**
 * The person's own signatures: the Markdown files as written (so export gives back
 * exactly what was imported or edited) and the entries compiled from them by the
 * same parser and validator as the bundled knowledge base.
 */
import { storage } from 'wxt/utils/storage';
import type { Entry } from '../engine/types';

export interface CustomFile {
  /** Path-like name `folder/name.md`; the entry id is derived from it. */
  name: string;
  text: string;
}

export interface CustomSignatures {
  files: CustomFile[];
  entries: Entry[];
}

export const EMPTY_CUSTOM: CustomSignatures = { files: [], entries: [] };

export const customSignaturesItem = storage.defineItem<CustomSignatures>('local:customSignatures', {
  fallback: EMPTY_CUSTOM,
  version: 1,
  migrations: {},
});
