/**
 * Which elements of a page the content script diagnoses, each exactly once.
 *
 * The rule (pure DOM querying, no mutation):
 * 1. Candidates are the outermost elements matching `adapter.blocks` that are neither in
 *    nor inside `adapter.skip` / `ALWAYS_SKIP`. A candidate nested in another candidate
 *    is never returned on its own, so no text is scanned twice.
 * 2. A candidate with no `<pre>` in it (a comment without code, a chat message, inline
 *    code, a Stack Exchange comment) is returned whole: inline code stays in its sentence.
 * 3. A candidate whose text is all inside `<pre>` elements (a code block, `.highlight`
 *    wrappers, a comment that is only a code block) is returned whole.
 * 4. Otherwise the candidate mixes prose and code blocks (a comment body with a pasted
 *    log): it is split so that every code block gets its own badge. Its code blocks are
 *    returned (the outermost wrapper whose text is all code, e.g. `.highlight` around
 *    `pre`), and so is every outermost descendant that holds text but no code block
 *    (paragraphs, list items, `<summary>`). An element with text directly inside it (a
 *    Discord message: loose text, then a `<pre>`) is not split but returned whole, so no
 *    text is ever left out.
 * The result is in document order. Rank each block with `closest(adapter.comment)` and
 * the page's `adapter.thread`.
 */
import { ALWAYS_SKIP, type SiteAdapter } from './types';

/** The selector of subtrees never scanned for this adapter. */
export function skipSelectorOf(adapter: Pick<SiteAdapter, 'skip'>): string {
  return adapter.skip.trim() ? `${ALWAYS_SKIP}, ${adapter.skip}` : ALWAYS_SKIP;
}

/** True when `element` is, or is inside, a skipped subtree. */
export function isSkipped(element: Element, skip: string): boolean {
  return element.closest(skip) !== null;
}

/** The text of `element` without its skipped subtrees (editors, our own UI). */
export function textOf(element: Element, skip: string): string {
  let text = '';
  for (const node of textNodesOf(element, skip)) text += node.data;
  return text;
}

function* textNodesOf(element: Element, skip: string): Generator<Text> {
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === 3) yield child as Text;
    else if (child.nodeType === 1 && !(child as Element).matches(skip)) yield* textNodesOf(child as Element, skip);
  }
}

const isBlank = (text: string): boolean => text.trim() === '';

function hasCodeBlock(element: Element, skip: string): boolean {
  if (element.matches('pre')) return true;
  for (const pre of Array.from(element.querySelectorAll('pre'))) {
    if (!isSkipped(pre, skip)) return true;
  }
  return false;
}

/** True when all the text of `element` is inside `<pre>` elements. */
function isAllCode(element: Element, skip: string): boolean {
  if (element.matches('pre')) return true;
  for (const node of textNodesOf(element, skip)) {
    if (!isBlank(node.data) && !node.parentElement?.closest('pre')) return false;
  }
  return hasCodeBlock(element, skip);
}

function hasLooseText(element: Element): boolean {
  return Array.from(element.childNodes).some((node) => node.nodeType === 3 && !isBlank((node as Text).data));
}

/** Pushes `element` whole, or its parts when it mixes prose and code blocks (rule 4). */
function collect(element: Element, skip: string, out: Element[]): void {
  if (!hasCodeBlock(element, skip) || isAllCode(element, skip) || hasLooseText(element)) {
    if (!isBlank(textOf(element, skip))) out.push(element);
    return;
  }
  for (const child of Array.from(element.children)) {
    if (!child.matches(skip)) collect(child, skip, out);
  }
}

/** The blocks to diagnose under `root`, by the rule above. */
export function blocksIn(root: ParentNode, adapter: Pick<SiteAdapter, 'blocks' | 'skip'>): Element[] {
  const out: Element[] = [];
  for (const candidate of candidatesIn(root, adapter)) out.push(...blocksOfCandidate(candidate, adapter));
  return out;
}

/**
 * Step 1 of the rule alone: the outermost candidates under `root`, in document order.
 * One selector query, so the content script can list a long thread at once and expand
 * the candidates (`blocksOfCandidate`) a few at a time.
 */
export function candidatesIn(root: ParentNode, adapter: Pick<SiteAdapter, 'blocks' | 'skip'>): Element[] {
  const skip = skipSelectorOf(adapter);
  const candidates = new Set(Array.from(root.querySelectorAll(adapter.blocks)).filter((el) => !isSkipped(el, skip)));
  return [...candidates].filter((el) => !hasAncestorIn(el, candidates));
}

/** Steps 2–4 of the rule for one outermost candidate: the blocks it is diagnosed as. */
export function blocksOfCandidate(candidate: Element, adapter: Pick<SiteAdapter, 'blocks' | 'skip'>): Element[] {
  const out: Element[] = [];
  collect(candidate, skipSelectorOf(adapter), out);
  return out;
}

function hasAncestorIn(element: Element, candidates: ReadonlySet<Element>): boolean {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    if (candidates.has(parent)) return true;
  }
  return false;
}
