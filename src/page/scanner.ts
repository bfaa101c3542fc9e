/**
 * The page scanner: finds the blocks an adapter names, reads new or changed ones in idle
 * slices (visible ones first), has the background diagnose those where the prefilter
 * found an anchor, mounts one badge per signature per block, highlights the matched
 * text, and keeps all of it in step with a page that changes under it.
 */
import type { Prefilter } from '../engine/prefilter';
import type { Diagnosis } from '../engine/types';
import { LIMITS, type CauseDetails, type DiagnoseRequest, type DiagnosisContext, type FindingSummary, type FoundError } from '../platform/messages';
import type { Settings } from '../platform/settings';
import { ALWAYS_SKIP, type SiteAdapter } from '../sites/types';
import type { BadgeItem } from '../ui/badge-group';
import { anchorFor, createBadgeHost, isOwnElement, type BadgeHost } from './badge-host';
import { listenForBadgeKeys } from './badge-keys';
import { CHUNK_OVERLAP, createBlockScan, withoutNegated, type BlockResult } from './block-scan';
import { boundedText, createExtraction, rangeFor, type ExtractedText } from './extract';
import { summarize } from './findings';
import { createHighlights } from './highlights';
import { createMoreSummary } from './more-summary';
import { createScheduler, type Slice } from './scheduler';

export interface ScannerOptions {
  doc: Document;
  adapter: SiteAdapter;
  /** Where a known error might be: the content script's only knowledge. */
  prefilter: Prefilter;
  settings: Settings;
  signal: AbortSignal;
  /** The outermost block candidates in a subtree (one cheap query). */
  candidatesIn: (root: ParentNode, adapter: SiteAdapter) => Element[];
  /** The blocks one candidate is diagnosed as (it may split a comment body). */
  blocksOfCandidate: (candidate: Element, adapter: SiteAdapter) => Element[];
  report: (findings: FindingSummary[]) => void;
  loadDetails: (entryId: string, causeId: string) => Promise<CauseDetails | null>;
  /**
   * Diagnoses blocks where the prefilter found an anchor: the background does, in the
   * extension, with the full signatures and the texts around each block.
   */
  diagnose: (request: DiagnoseRequest) => Promise<FoundError[][]>;
  openDiagnosis: (entryId: string, context: DiagnosisContext) => void;
}

interface BlockState {
  /** The text last diagnosed, to skip re-renders that change nothing. */
  text?: string;
  /** The first text node, to notice a re-render that kept the text but replaced nodes. */
  firstNode?: Text;
  diagnoses: Diagnosis[];
  /** Sent to the background and not answered yet: its empty `diagnoses` mean nothing yet. */
  pending?: boolean;
  ranges: Range[];
  hosts: MountedHost[];
  /** Badges and repeat markers shown (the cap may hide some of `diagnoses`). */
  shown: number;
}

/** The first badge of one diagnosis (entry and top cause) on the page, which later repeats point to. */
interface FirstBadge {
  block: Element;
  host: BadgeHost;
  index: number;
}

interface MountedHost {
  host: BadgeHost;
  anchor: Element;
  entries: string[];
}

/** Context texts are read at most this often on a page that keeps changing. */
const PAGE_TEXT_TTL_MS = 2_000;
const PAGE_TEXT_CHARS = 128 * 1024;
const REPORT_DELAY_MS = 250;
const MORE_DELAY_MS = 250;

export interface Scanner {
  /** Forgets everything and scans the whole page again (SPA navigation, new engine). */
  rescan(adapter?: SiteAdapter, prefilter?: Prefilter): void;
  applySettings(settings: Settings): void;
  /** Diagnoses found so far (tests and the bench read this). */
  diagnoses(): Diagnosis[];
  stop(): void;
}

export function createScanner(options: ScannerOptions): Scanner {
  const { doc, signal } = options;
  const view = doc.defaultView as Window & typeof globalThis;
  let { adapter, prefilter, settings } = options;
  let skip = `${ALWAYS_SKIP}, ${adapter.skip}`;
  const states = new Map<Element, BlockState>();
  const pending = new Set<Element>();
  const visible = new Set<Element>();
  const dirtyRoots: Node[] = [];
  /** Candidates found but not yet expanded into blocks; expanded a slice at a time. */
  const discovered: Element[] = [];
  let job: { block: Element; scan: ReturnType<typeof createBlockScan> } | undefined;
  let pageText: { text: string; at: number } | undefined;
  let pageJob: ReturnType<typeof createExtraction> | undefined;
  let pageChanged = false;
  let capLifted = false;
  let reportTimer: number | undefined;
  let lastReport = '';
  const highlights = createHighlights(doc, settings.highlight);
  const more = createMoreSummary(doc, () => {
    capLifted = true;
    remountAll();
  });
  const anchorsInUse = new WeakMap<Element, Set<string>>();
  const firstBadges = new Map<string, FirstBadge>();
  const repeatBlocks = new Map<string, Set<Element>>();

  const io =
    typeof view.IntersectionObserver === 'function'
      ? new view.IntersectionObserver((entries) => {
          for (const entry of entries) if (entry.isIntersecting && pending.has(entry.target)) visible.add(entry.target);
          scheduler.request();
        })
      : undefined;

  const scheduler = createScheduler(view, runSlice, signal);

  const observer = new view.MutationObserver((records) => {
    for (const record of records) {
      if (isOurs(record.target)) continue;
      if (record.type === 'childList') {
        let relevant = false;
        record.addedNodes.forEach((n) => {
          if (!isOurs(n)) relevant = true;
        });
        record.removedNodes.forEach((n) => {
          if (!isOurs(n)) relevant = true;
        });
        if (!relevant) continue;
      }
      dirtyRoots.push(record.target);
    }
    if (dirtyRoots.length > 0) {
      pageChanged = true;
      scheduler.request();
    }
  });

  function isOurs(node: Node): boolean {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return isOwnElement(el);
  }

  function enqueue(block: Element) {
    if (pending.has(block)) return;
    pending.add(block);
    io?.observe(block);
  }

  function enqueueAll(root: ParentNode) {
    discovered.push(...options.candidatesIn(root, adapter));
  }

  /** The outermost block containing `node`, if any. */
  function blockOf(node: Node): Element | undefined {
    let found: Element | undefined;
    for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      if (states.has(el) || pending.has(el)) found = el;
    }
    return found;
  }

  function resolveDirty(slice: Slice) {
    while (dirtyRoots.length > 0) {
      const node = dirtyRoots.shift() as Node;
      if (!node.isConnected) continue;
      const known = blockOf(node);
      if (known) enqueue(known);
      else if (node.nodeType === 1 || node.nodeType === 9 || node.nodeType === 11) {
        // New content: blocks inside it, or the block that now contains it.
        const el = node.nodeType === 1 ? (node as Element) : undefined;
        const around = el?.closest(adapter.blocks);
        if (around) enqueueCandidate(outermost(around));
        else enqueueAll(node as ParentNode);
      } else if (node.parentElement) {
        const around = node.parentElement.closest(adapter.blocks);
        if (around) enqueueCandidate(outermost(around));
      }
      if (slice.shouldYield()) return;
    }
  }

  /** The blocks `findBlocks` makes of one candidate (it may split a comment body). */
  function enqueueCandidate(candidate: Element) {
    if (candidate.closest(skip)) return;
    for (const block of options.blocksOfCandidate(candidate, adapter)) enqueue(block);
  }

  function expandDiscovered(slice: Slice) {
    let k = 0;
    while (k < discovered.length) {
      const candidate = discovered[k++];
      if (candidate.isConnected) enqueueCandidate(candidate);
      if (slice.shouldYield()) break;
    }
    discovered.splice(0, k);
  }

  function outermost(block: Element): Element {
    let top = block;
    for (let up = block.parentElement?.closest(adapter.blocks); up; up = up.parentElement?.closest(adapter.blocks)) top = up;
    return top;
  }

  function sweepDisconnected() {
    for (const [block, state] of states) {
      if (!block.isConnected) {
        clearBlock(block, state);
        states.delete(block);
      } else if (state.hosts.some(({ host }) => !host.element.isConnected)) {
        // The page re-rendered around our badges and dropped them: put them back.
        enqueue(block);
        state.text = undefined;
      }
    }
    for (const block of pending) {
      if (!block.isConnected) {
        pending.delete(block);
        visible.delete(block);
        io?.unobserve(block);
      }
    }
  }

  function nextBlock(): Element | undefined {
    for (const block of visible) return block;
    for (const block of pending) return block;
    return undefined;
  }

  function runSlice(slice: Slice): boolean {
    if (signal.aborted) return false;
    resolveDirty(slice);
    if (dirtyRoots.length > 0) return true;
    expandDiscovered(slice);
    if (discovered.length > 0 && slice.shouldYield()) return true;
    mountDiagnosed(slice);
    if (mountQueue.length > 0) return true;
    if (!pageTextReady(slice)) return true;
    sweepDisconnected();
    while (!slice.shouldYield()) {
      if (!job) {
        const block = nextBlock();
        if (!block) break;
        pending.delete(block);
        visible.delete(block);
        io?.unobserve(block);
        if (!block.isConnected) continue;
        const previous = states.get(block);
        job = {
          block,
          scan: createBlockScan(block, prefilter, {
            skip,
            // A re-render with the same text: the earlier diagnosis still holds.
            reuse: (text) => (previous && !previous.pending && previous.text === text ? previous.diagnoses : undefined),
          }),
        };
      }
      const result = job.scan.step(slice.shouldYield);
      if (!result) return true;
      applyResult(job.block, result);
      job = undefined;
    }
    scheduleReport();
    return pending.size > 0 || dirtyRoots.length > 0 || discovered.length > 0 || job !== undefined;
  }

  /**
   * The thread's text (the "page" ranking context) is read in slices before blocks are
   * ranked, and again when it is older than PAGE_TEXT_TTL_MS and the page changed.
   * Returns true when it is ready.
   */
  function pageTextReady(slice: Slice): boolean {
    const now = view.performance.now();
    const stale = !pageText || (pageChanged && now - pageText.at > PAGE_TEXT_TTL_MS);
    if (!stale || pending.size === 0) return true;
    if (!pageJob) {
      const root = doc.querySelector(adapter.thread) ?? doc.body;
      if (!root) return true;
      pageJob = createExtraction(root, { skip, maxChars: PAGE_TEXT_CHARS });
    }
    const done = pageJob.step(slice.shouldYield);
    if (!done) return false;
    pageJob = undefined;
    pageChanged = false;
    pageText = { text: done.text, at: now };
    return true;
  }

  /** The document's title (on a thread, the issue or question), bounded as messages allow. */
  function pageTitle(): string | undefined {
    return doc.title ? doc.title.slice(0, LIMITS.title) : undefined;
  }

  function pageContext(): string {
    return pageText?.text ?? '';
  }

  function applyResult(block: Element, { extracted, hits, reused }: BlockResult) {
    const old = states.get(block);
    const firstNode = extracted.segments[0]?.node;
    if (old && old.text === extracted.text && old.firstNode === firstNode && old.hosts.every(({ host }) => host.element.isConnected)) return;
    if (old) clearBlock(block, old);
    // Clean blocks are remembered too, so an unchanged re-render costs one comparison.
    const state: BlockState = { text: extracted.text, firstNode, diagnoses: reused ?? [], ranges: [], hosts: [], shown: 0 };
    states.set(block, state);
    if (!reused && hits.length > 0) {
      const known = diagnosedCache.get(extracted.text);
      if (!known) {
        state.pending = true;
        queueDiagnosis(block, extracted, state, hits);
        return;
      }
      state.diagnoses = withoutNegated(block, extracted, known);
    }
    if (state.diagnoses.length > 0) mountBlock(block, extracted, state);
  }

  /**
   * Diagnoses of earlier block texts: a page that re-renders a block with text it had
   * before (a live log, a framework re-render) gets its badge at once instead of waiting
   * for the background again; without this, a block replaced every frame never kept one
   * long enough. Bounded; forgotten on navigation.
   */
  const diagnosedCache = new Map<string, Diagnosis[]>();
  const DIAGNOSED_CACHE_BLOCKS = 256;

  function rememberDiagnosed(text: string, diagnoses: Diagnosis[]) {
    if (diagnosedCache.size >= DIAGNOSED_CACHE_BLOCKS) diagnosedCache.delete(diagnosedCache.keys().next().value as string);
    diagnosedCache.set(text, diagnoses);
  }

  /** One block waiting for the background: its text whole, or windows around its anchor hits. */
  interface PendingDiagnosis {
    block: Element;
    extracted: ExtractedText;
    state: BlockState;
    comment?: Element;
    parts: Array<{ block: string; offset: number }>;
    found: Diagnosis[];
  }
  let diagnoseQueue: PendingDiagnosis[] = [];
  let diagnoseTimer: number | undefined;

  /**
   * The texts to send for one block: the whole block when it fits a message, else a
   * window around each anchor hit that earlier windows do not already hold with room for
   * the whole match on both sides.
   */
  function partsOf(text: string, hits: number[]): PendingDiagnosis['parts'] {
    if (text.length <= LIMITS.rankText) return [{ block: text, offset: 0 }];
    const parts: PendingDiagnosis['parts'] = [];
    const half = LIMITS.rankText / 2;
    let from = -1;
    for (const at of hits) {
      if (from >= 0 && at - CHUNK_OVERLAP >= from && at + CHUNK_OVERLAP <= from + LIMITS.rankText) continue;
      from = Math.max(0, Math.min(at - half, text.length - LIMITS.rankText));
      parts.push({ block: text.slice(from, from + LIMITS.rankText), offset: from });
    }
    return parts;
  }

  /**
   * Queues a block for diagnosis. Blocks found in the same moment go to the background in
   * one batch, with the thread excerpt and each shared comment sent once (a message per
   * block re-sent a 64 KB excerpt a hundred times on a busy thread).
   */
  function queueDiagnosis(block: Element, extracted: ExtractedText, state: BlockState, hits: number[]) {
    const comment = block.closest(adapter.comment) ?? undefined;
    diagnoseQueue.push({ block, extracted, state, ...(comment ? { comment } : {}), parts: partsOf(extracted.text, hits), found: [] });
    if (diagnoseTimer === undefined) diagnoseTimer = view.setTimeout(() => void flushDiagnosis(), 0);
  }

  /** A found error as the block's diagnosis: offsets into the whole block, its text from the page. */
  function toDiagnosis(extracted: ExtractedText, offset: number, partLength: number, found: FoundError): Diagnosis | undefined {
    if (!(found.start >= 0 && found.end > found.start && found.end <= partLength)) return undefined;
    const start = offset + found.start;
    const end = offset + found.end;
    return {
      entryId: found.entryId,
      start,
      end,
      text: extracted.text.slice(start, end),
      title: found.title,
      ...(found.title_zh ? { title_zh: found.title_zh } : {}),
      causes: found.causes,
    };
  }

  /** A block's answers put together: each error once (windows overlap), in text order. */
  function settle({ block, extracted, state, parts, found }: PendingDiagnosis) {
    const seen = new Set<string>();
    const all = found
      .filter((d) => {
        const key = `${d.entryId}:${d.start}`;
        return seen.has(key) ? false : (seen.add(key), true);
      })
      .sort((a, b) => a.start - b.start);
    if (parts.length === 1 && parts[0].offset === 0 && parts[0].block.length === extracted.text.length) rememberDiagnosed(extracted.text, all);
    state.pending = false;
    state.diagnoses = withoutNegated(block, extracted, all);
  }

  async function flushDiagnosis() {
    diagnoseTimer = undefined;
    const queued = diagnoseQueue;
    diagnoseQueue = [];
    if (signal.aborted) return;
    const title = pageTitle();
    const page = pageContext().slice(0, LIMITS.rankText);
    const commentTexts = new Map<Element, string>();
    const commentOf = (el: Element) => {
      let textOf = commentTexts.get(el);
      if (textOf === undefined) commentTexts.set(el, (textOf = boundedText(el, LIMITS.rankText, skip)));
      return textOf;
    };
    // Cut the queue into batches within the message limits.
    type Part = PendingDiagnosis['parts'][number] & { comment?: Element; owner: PendingDiagnosis };
    const batches: Part[][] = [];
    let batch: Part[] = [];
    let chars = page.length;
    let comments = new Set<Element>();
    for (const owner of queued) {
      const { comment } = owner;
      for (const part of owner.parts) {
        // A comment is sent once per batch: it costs only where the batch lacks it.
        const commentCost = comment && !comments.has(comment) ? commentOf(comment).length : 0;
        const full = batch.length >= LIMITS.rankItems || (commentCost > 0 && comments.size >= LIMITS.rankItems);
        if (batch.length > 0 && (full || chars + part.block.length + commentCost > LIMITS.rankBatchChars)) {
          batches.push(batch);
          batch = [];
          chars = page.length;
          comments = new Set();
        }
        batch.push({ ...part, owner, ...(comment ? { comment } : {}) });
        chars += part.block.length;
        if (comment && !comments.has(comment)) {
          comments.add(comment);
          chars += commentOf(comment).length;
        }
      }
    }
    if (batch.length > 0) batches.push(batch);
    // Each block is settled and queued for its badge as soon as all its parts are answered,
    // so the first badges do not wait for the last batch.
    const unanswered = new Map<PendingDiagnosis, number>(queued.map((q) => [q, q.parts.length]));
    const settleReady = (ready: PendingDiagnosis[]) => {
      for (const owner of ready) settle(owner);
      // Mounted in the scan's idle slices, not all at once when the batch returns.
      mountQueue.push(...ready.filter((q) => q.state.diagnoses.length > 0));
      if (ready.length > 0) scheduler.request();
    };
    settleReady(queued.filter((q) => q.parts.length === 0));
    for (const parts of batches) {
      const commentIndex = new Map<Element, number>();
      const request: DiagnoseRequest = {
        items: parts.map((part) => {
          let index: number | undefined;
          if (part.comment) {
            index = commentIndex.get(part.comment);
            if (index === undefined) commentIndex.set(part.comment, (index = commentIndex.size));
          }
          return { block: part.block, ...(index !== undefined ? { comment: index } : {}) };
        }),
        ...(title ? { title } : {}),
        ...(page ? { page } : {}),
      };
      if (commentIndex.size > 0) request.comments = [...commentIndex.keys()].map(commentOf);
      try {
        const answers = await options.diagnose(request);
        parts.forEach((part, k) => {
          for (const found of answers[k] ?? []) {
            const d = toDiagnosis(part.owner.extracted, part.offset, part.block.length, found);
            if (d) part.owner.found.push(d);
          }
        });
      } catch {
        // The background is gone (extension reloaded) or refused: these blocks get no badge.
      }
      if (signal.aborted) return;
      const ready: PendingDiagnosis[] = [];
      for (const part of parts) {
        const left = (unanswered.get(part.owner) ?? 1) - 1;
        unanswered.set(part.owner, left);
        if (left === 0) ready.push(part.owner);
      }
      settleReady(ready);
    }
  }

  /** Diagnosed blocks waiting for their badges. */
  const mountQueue: Array<{ block: Element; extracted: ExtractedText; state: BlockState }> = [];

  function mountDiagnosed(slice: Slice) {
    let mounted = false;
    while (mountQueue.length > 0 && !slice.shouldYield()) {
      const { block, extracted, state } = mountQueue.shift()!;
      if (states.get(block) !== state || !block.isConnected) continue;
      mountBlock(block, extracted, state);
      mounted = true;
    }
    if (mounted) scheduleReport();
  }

  function shownCount(): number {
    let n = 0;
    for (const state of states.values()) n += state.shown;
    return n;
  }

  /** Entry and top cause: two badges with the same key say the same thing. */
  const diagnosisKey = (d: Diagnosis) => `${d.entryId}\u0000${d.causes[0]?.id ?? ''}`;
  const precedes = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

  function mountBlock(block: Element, extracted: ExtractedText, state: BlockState) {
    // One badge per signature per block; later matches of it are still highlighted. A
    // block that repeats an earlier block's diagnosis gets a small marker pointing back.
    const groups = new Map<Element, Array<{ item: BadgeItem; key: string; repeat: boolean }>>();
    const badged = new Set<string>();
    const demoted: Element[] = [];
    let room = capLifted ? Number.POSITIVE_INFINITY : settings.badgeCap - shownCount();
    // Every match of an entry in this block is marked while its badge's card is open.
    const byEntry = new Map<string, Range[]>();
    const rangesOf = (entryId: string) => byEntry.get(entryId) ?? [];
    for (const d of state.diagnoses) {
      const range = rangeFor(extracted, d.start, d.end);
      if (range) {
        state.ranges.push(range);
        const ranges = byEntry.get(d.entryId);
        if (ranges) ranges.push(range);
        else byEntry.set(d.entryId, [range]);
      }
      if (badged.has(d.entryId) || !range) continue;
      badged.add(d.entryId);
      const anchor = anchorFor(block, range.startContainer);
      const inUse = anchorsInUse.get(anchor) ?? new Set<string>();
      if (inUse.has(d.entryId)) continue; // a neighbouring block already badges it here
      const key = diagnosisKey(d);
      const first = firstBadges.get(key);
      const repeat = first !== undefined && first.block !== block && first.block.isConnected && precedes(first.block, block);
      if (first && !repeat && first.block !== block && first.block.isConnected) demoted.push(first.block);
      // Repeat markers count against the cap too: on a thread pasting one error a hundred
      // times they would otherwise be a hundred more elements to style and lay out.
      if (room <= 0) continue;
      room -= 1;
      inUse.add(d.entryId);
      anchorsInUse.set(anchor, inUse);
      const items = groups.get(anchor) ?? [];
      const item = badgeItem(block, extracted, d, () => rangesOf(d.entryId));
      if (repeat) {
        item.repeatOf = () => first.host.focusBadge(first.index);
        let blocks = repeatBlocks.get(key);
        if (!blocks) repeatBlocks.set(key, (blocks = new Set()));
        blocks.add(block);
      }
      items.push({ item, key, repeat });
      groups.set(anchor, items);
    }
    for (const [anchor, entries] of groups) {
      const host = createBadgeHost(doc);
      host.update(entries.map((e) => e.item), look());
      anchor.after(host.element);
      state.hosts.push({ host, anchor, entries: entries.map((e) => e.item.diagnosis.entryId) });
      state.shown += entries.length;
      entries.forEach(({ key, repeat }, index) => {
        if (!repeat) firstBadges.set(key, { block, host, index });
      });
    }
    // This block comes before the one that held the first badge: that one now repeats it.
    for (const other of demoted) {
      const otherState = states.get(other);
      if (!otherState) continue;
      otherState.text = undefined;
      enqueue(other);
    }
    if (demoted.length > 0) scheduler.request();
    updateMore();
  }

  function badgeItem(block: Element, extracted: ExtractedText, d: Diagnosis, ranges: () => Range[]): BadgeItem {
    return {
      key: `${d.entryId}:${d.start}`,
      diagnosis: d,
      onOpenChange: (open) => (open ? highlights.add(ranges()) : highlights.remove(ranges())),
      loadDetails: (causeId) => options.loadDetails(d.entryId, causeId),
      openDiagnosis: () => {
        const comment = block.closest(adapter.comment);
        options.openDiagnosis(d.entryId, {
          block: extracted.text.slice(0, LIMITS.block),
          ...(doc.title ? { title: pageTitle() } : {}),
          ...(comment ? { comment: boundedText(comment, LIMITS.comment, skip) } : {}),
          page: pageContext().slice(0, LIMITS.page),
        });
      },
    };
  }

  function clearBlock(block: Element, state: BlockState) {
    // Repeats that pointed at this block's badges are mounted again: one becomes the first.
    for (const [key, first] of firstBadges) {
      if (first.block !== block) continue;
      firstBadges.delete(key);
      for (const other of repeatBlocks.get(key) ?? []) {
        const otherState = states.get(other);
        if (other === block || !otherState) continue;
        otherState.text = undefined;
        enqueue(other);
      }
      repeatBlocks.delete(key);
    }
    for (const blocks of repeatBlocks.values()) blocks.delete(block);
    highlights.remove(state.ranges);
    for (const { host, anchor, entries } of state.hosts) {
      const inUse = anchorsInUse.get(anchor);
      entries.forEach((e) => inUse?.delete(e));
      host.dispose();
    }
    state.ranges = [];
    state.hosts = [];
    state.shown = 0;
  }

  /** Sites switch themes without reloading: restyle the badges in place. */
  function refreshTheme() {
    const theme = adapter.theme(doc);
    for (const state of states.values()) for (const { host } of state.hosts) host.element.setAttribute('data-theme', theme);
    updateMore();
  }
  const themeObserver = new view.MutationObserver(refreshTheme);
  const colorScheme = view.matchMedia?.('(prefers-color-scheme: dark)');

  function look() {
    return { theme: adapter.theme(doc), badgeStyle: settings.badgeStyle };
  }

  function allDiagnoses(): Diagnosis[] {
    const all: Diagnosis[] = [];
    for (const state of states.values()) all.push(...state.diagnoses.filter(firstPerEntry()));
    return all;
  }

  /** Counts a signature once per block, as its badges do. */
  function firstPerEntry() {
    const seen = new Set<string>();
    return (d: Diagnosis) => (seen.has(d.entryId) ? false : (seen.add(d.entryId), true));
  }

  /** The badge host that comes last in the document. */
  function lastBadge(): Element | undefined {
    let last: Element | undefined;
    for (const state of states.values()) {
      for (const { host } of state.hosts) {
        if (host.element.isConnected && (!last || precedes(last, host.element))) last = host.element;
      }
    }
    return last;
  }

  /**
   * The "+N more" pill is placed once things settle: moving it after each new badge
   * made the page lay out again for every badge of a busy thread.
   */
  let moreTimer: number | undefined;
  function updateMore() {
    if (moreTimer !== undefined) return;
    moreTimer = view.setTimeout(() => {
      moreTimer = undefined;
      if (signal.aborted) return;
      const total = allDiagnoses().length;
      const hidden = capLifted ? 0 : Math.max(0, total - shownCount());
      more.update(hidden, adapter.theme(doc), hidden > 0 ? lastBadge() : undefined);
    }, MORE_DELAY_MS);
  }

  function scheduleReport() {
    if (reportTimer !== undefined) return;
    reportTimer = view.setTimeout(() => {
      reportTimer = undefined;
      if (signal.aborted) return;
      const findings = summarize(allDiagnoses());
      const key = JSON.stringify(findings);
      if (key === lastReport) return;
      lastReport = key;
      options.report(findings);
    }, REPORT_DELAY_MS);
  }

  function remountAll() {
    for (const [block, state] of states) {
      clearBlock(block, state);
      state.text = undefined;
      if (state.diagnoses.length > 0) enqueue(block);
    }
    scheduler.request();
  }

  function clearAll() {
    for (const [block, state] of states) clearBlock(block, state);
    states.clear();
    pending.clear();
    visible.clear();
    dirtyRoots.length = 0;
    discovered.length = 0;
    job = undefined;
    pageJob = undefined;
    mountQueue.length = 0;
    diagnoseQueue = [];
    if (moreTimer !== undefined) view.clearTimeout(moreTimer);
    moreTimer = undefined;
    io?.disconnect();
    more.update(0, adapter.theme(doc), undefined);
  }

  function start() {
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    for (const el of [doc.documentElement, doc.body]) {
      if (el) themeObserver.observe(el, { attributes: true, attributeFilter: ['class', 'data-color-mode', 'data-theme', 'data-dark-theme', 'data-light-theme'] });
    }
    colorScheme?.addEventListener?.('change', refreshTheme, { signal });
    enqueueAll(doc);
    scheduler.request();
    scheduleReport();
  }

  signal.addEventListener('abort', () => scanner.stop(), { once: true });
  listenForBadgeKeys(
    doc,
    () =>
      [...states.values()]
        .flatMap((state) => state.hosts.map(({ host }) => host))
        .filter((host) => host.element.isConnected)
        .sort((a, b) => (precedes(a.element, b.element) ? -1 : 1))
        .map((host) => ({ element: host.element, focus: () => host.focusBadge(0) })),
    signal,
  );

  const scanner: Scanner = {
    rescan(nextAdapter, nextPrefilter) {
      clearAll();
      if (nextAdapter) adapter = nextAdapter;
      if (nextPrefilter) prefilter = nextPrefilter;
      skip = `${ALWAYS_SKIP}, ${adapter.skip}`;
      diagnosedCache.clear();
      pageText = undefined;
      capLifted = false;
      enqueueAll(doc);
      scheduler.request();
      scheduleReport();
    },
    applySettings(next) {
      const relayout = next.badgeCap !== settings.badgeCap || next.badgeStyle !== settings.badgeStyle;
      settings = next;
      highlights.setEnabled(next.highlight);
      if (relayout) remountAll();
    },
    diagnoses: allDiagnoses,
    stop() {
      observer.disconnect();
      themeObserver.disconnect();
      clearAll();
      highlights.dispose();
      more.dispose();
      if (reportTimer !== undefined) view.clearTimeout(reportTimer);
    },
  };
  start();
  return scanner;
}
