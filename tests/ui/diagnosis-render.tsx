// Shared by the diagnosis component tests: render into a fresh div and clean up after.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import entries from '../../src/knowledge/generated/entries.json';
import type { Entry } from '../../src/engine/types';
import { createKnowledgeBase } from '../../src/ui/knowledge-entries';

export const ENTRIES = entries as Entry[];
export const kb = createKnowledgeBase(ENTRIES, []);
export const entry = (id: string) => ENTRIES.find((e) => e.id === id) as Entry;

const mounted: HTMLElement[] = [];
export function show(node: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  act(() => render(node, root));
  return root;
}
export function unmountAll() {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
}

/** The cause cards in page order: their titles, as the reader sees them. */
export function causeTitles(root: ParentNode): string[] {
  return [...root.querySelectorAll('.cause .cause-title')].map((h) => h.textContent ?? '');
}
