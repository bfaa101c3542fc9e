// Reads and drives the badges the way a browser's developer tools do. The badges live in
// closed shadow roots, which page scripts (and so Playwright's locators) cannot enter; the
// DevTools protocol can: DOM.getDocument with `pierce: true` lists closed roots too. Clicks
// and hovers go through the real mouse, so they are trusted input, as a person's are.
// Used by the e2e suite, the page benchmark and `npm start`'s screenshots.
import type { CDPSession, Page } from 'playwright-core';

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: Array<CdpNode & { shadowRootType?: string }>;
  contentDocument?: CdpNode;
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();

function session(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** A node inside (or hosting) a closed root, addressed across document refreshes. */
export interface ClosedNode {
  backendNodeId: number;
  /** The host element of the closed root it belongs to. */
  hostBackendNodeId: number;
}

async function closedRoots(cdp: CDPSession): Promise<Array<{ host: CdpNode; root: CdpNode }>> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
  const found: Array<{ host: CdpNode; root: CdpNode }> = [];
  const walk = (node: CdpNode) => {
    for (const shadow of node.shadowRoots ?? []) {
      if (shadow.shadowRootType === 'closed') found.push({ host: node, root: shadow });
      walk(shadow);
    }
    for (const child of node.children ?? []) walk(child);
    if (node.contentDocument) walk(node.contentDocument);
  };
  walk(root);
  return found;
}

/** Hosts of closed shadow roots (our badge hosts), in document order. */
export async function closedHosts(page: Page): Promise<number[]> {
  const cdp = await session(page);
  return (await closedRoots(cdp)).map((r) => r.host.backendNodeId);
}

/** Elements matching `selector` inside any closed root, in document order. */
export async function queryClosed(page: Page, selector: string): Promise<ClosedNode[]> {
  const cdp = await session(page);
  const out: ClosedNode[] = [];
  for (const { host, root } of await closedRoots(cdp)) {
    const { nodeIds } = (await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector })) as { nodeIds: number[] };
    for (const nodeId of nodeIds) {
      const { node } = (await cdp.send('DOM.describeNode', { nodeId })) as { node: CdpNode };
      out.push({ backendNodeId: node.backendNodeId, hostBackendNodeId: host.backendNodeId });
    }
  }
  return out;
}

/** Runs `fn` with `this` bound to the node (in the page's world) and returns its JSON result. */
export async function onNode<T>(page: Page, node: { backendNodeId: number }, fn: string): Promise<T> {
  const cdp = await session(page);
  const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId })) as { object: { objectId: string } };
  const { result, exceptionDetails } = (await cdp.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: fn,
    returnByValue: true,
  })) as { result: { value: T }; exceptionDetails?: { text: string } };
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

export const textOf = (page: Page, node: { backendNodeId: number }) => onNode<string>(page, node, 'function () { return this.textContent ?? ""; }');
export const attributeOf = (page: Page, node: { backendNodeId: number }, name: string) =>
  onNode<string | null>(page, node, `function () { return this.getAttribute(${JSON.stringify(name)}); }`);

async function centerOf(page: Page, node: { backendNodeId: number }): Promise<{ x: number; y: number }> {
  const cdp = await session(page);
  await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: node.backendNodeId });
  const { quads } = (await cdp.send('DOM.getContentQuads', { backendNodeId: node.backendNodeId })) as { quads: number[][] };
  const q = quads[0];
  if (!q) throw new Error('the node has no box (not rendered)');
  return { x: (q[0] + q[2] + q[4] + q[6]) / 4, y: (q[1] + q[3] + q[5] + q[7]) / 4 };
}

/** A real mouse click on the node's center: a trusted event. */
export async function clickNode(page: Page, node: { backendNodeId: number }): Promise<void> {
  const { x, y } = await centerOf(page, node);
  await page.mouse.click(x, y);
}

export async function hoverNode(page: Page, node: { backendNodeId: number }): Promise<void> {
  const { x, y } = await centerOf(page, node);
  await page.mouse.move(x, y);
}

/** Focuses the node as the browser does for keyboard navigation (DOM.focus: trusted focus events). */
export async function focusNode(page: Page, node: { backendNodeId: number }): Promise<void> {
  const cdp = await session(page);
  await cdp.send('DOM.focus', { backendNodeId: node.backendNodeId });
}

/** The element that has focus as the page sees it: the host, when focus is inside a shadow root. */
export async function focusedNode(page: Page): Promise<number | undefined> {
  const cdp = await session(page);
  const { result } = (await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' })) as { result: { objectId?: string } };
  if (!result.objectId) return undefined;
  const { node } = (await cdp.send('DOM.describeNode', { objectId: result.objectId })) as { node: CdpNode };
  return node.backendNodeId;
}
