/**
 * Text of a DOM subtree with a map back to its text nodes, so an engine match (offsets
 * into the text) becomes a DOM Range even when it spans syntax-highlighting spans and
 * line breaks. Extraction is bounded (`maxChars`) and resumable in slices, so a 20 MB
 * code block never blocks the main thread.
 */

export interface TextSegment {
  node: Text;
  /** Offset in the extracted text of the node's character at `nodeOffset`. */
  start: number;
  /** First character of the node that was taken (a tail may begin inside a node). */
  nodeOffset?: number;
}

export interface ExtractedText {
  text: string;
  segments: TextSegment[];
  /** True when `maxChars` cut the text short. */
  truncated: boolean;
}

/** Elements that break a line: their text starts on a new line. */
const BREAKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** Never part of readable text. */
const IGNORED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON']);

export interface ExtractOptions {
  /** Subtrees to leave out (editors, our own UI). */
  skip?: string;
  maxChars?: number;
  /**
   * When `maxChars` cuts the text, also keep its last `tailChars` characters (after a
   * line break): logs end with the error, so a huge paste is read at both ends.
   */
  tailChars?: number;
}

/**
 * A resumable extraction: each `step(shouldYield)` walks until the text is complete
 * (returns the result) or `shouldYield`, asked between nodes, calls for a pause
 * (returns undefined; call again in a later slice with that slice's check).
 */
export function createExtraction(root: Element, options: ExtractOptions = {}) {
  const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
  const doc = root.ownerDocument;
  // FILTER_REJECT (2) skips a whole subtree; FILTER_ACCEPT is 1.
  const walker = doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */ | 4 /* SHOW_TEXT */, {
    acceptNode: (node: Node) => (node.nodeType === 1 && !acceptElement(node as Element) ? 2 : 1),
  });
  const parts: string[] = [];
  const segments: TextSegment[] = [];
  let length = 0;
  let truncated = false;
  let endsWithBreak = true;
  let done = false;
  const tailChars = options.tailChars ?? 0;
  let inTail = false;
  // The rolling tail: text pieces (a node from some offset, or a line break).
  const tail: Array<{ node?: Text; from: number; text: string }> = [];
  let tailLength = 0;

  const pushTail = (piece: { node?: Text; from: number; text: string }) => {
    tail.push(piece);
    tailLength += piece.text.length;
    while (tail.length > 1 && tailLength - tail[0].text.length >= tailChars) tailLength -= (tail.shift() as { text: string }).text.length;
  };
  const startTail = () => {
    truncated = true;
    if (tailChars > 0) inTail = true;
    else done = true;
  };
  function finishTail() {
    if (tail.length === 0) return;
    // Cut the oldest piece so the tail holds at most tailChars.
    const extra = tailLength - tailChars;
    if (extra > 0) {
      tail[0] = { ...tail[0], from: tail[0].from + extra, text: tail[0].text.slice(extra) };
    }
    // A line break keeps a match from joining the head's last line to the tail's first.
    push('\n');
    for (const piece of tail) {
      if (piece.node) segments.push({ node: piece.node, start: length, nodeOffset: piece.from });
      push(piece.text);
    }
    tail.length = 0;
  }

  const push = (text: string) => {
    parts.push(text);
    length += text.length;
    endsWithBreak = text.endsWith('\n');
  };
  const lineBreak = () => {
    if (!endsWithBreak && length < maxChars) push('\n');
  };

  function acceptElement(el: Element): boolean {
    if (IGNORED.has(el.tagName.toUpperCase())) return false;
    if (el.getAttribute('aria-hidden') === 'true') return false;
    if (options.skip && el !== root && el.matches(options.skip)) return false;
    return true;
  }

  function step(shouldYield?: () => boolean): ExtractedText | undefined {
    while (!done) {
      const node = walker.nextNode();
      if (!node) {
        done = true;
        break;
      }
      if (node.nodeType === 1) {
        const el = node as Element;
        if (!BREAKS.has(el.tagName.toUpperCase())) continue;
        if (inTail) {
          if (tail.length > 0 && !tail[tail.length - 1].text.endsWith('\n')) pushTail({ from: 0, text: '\n' });
        } else lineBreak();
      } else {
        const data = (node as Text).data;
        if (data.length === 0) continue;
        if (inTail) {
          pushTail({ node: node as Text, from: 0, text: data });
        } else {
          const room = maxChars - length;
          if (room <= 0) {
            startTail();
            if (inTail) pushTail({ node: node as Text, from: 0, text: data });
          } else {
            segments.push({ node: node as Text, start: length });
            if (data.length > room) {
              push(data.slice(0, room));
              startTail();
              if (inTail) pushTail({ node: node as Text, from: room, text: data.slice(room) });
            } else push(data);
          }
        }
      }
      if (done) break;
      if (shouldYield?.()) return undefined;
    }
    finishTail();
    return { text: parts.join(''), segments, truncated };
  }

  return { step };
}

/** Extracts in one go (small subtrees, tests). */
export function extractText(root: Element, options: ExtractOptions = {}): ExtractedText {
  return createExtraction(root, options).step() as ExtractedText;
}

/** The segment holding text offset `offset` (the last one starting at or before it). */
export function segmentAt(segments: TextSegment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The DOM range of text offsets [start, end). Offsets that fall on a synthetic line
 * break (between elements) snap to the nearest real character inside the range.
 */
export function rangeFor(extracted: ExtractedText, start: number, end: number): Range | undefined {
  const { segments } = extracted;
  if (segments.length === 0 || end <= start) return undefined;
  const offsetIn = (k: number, at: number) => at - segments[k].start + (segments[k].nodeOffset ?? 0);
  let s = segmentAt(segments, start);
  let startOffset = offsetIn(s, start);
  if (startOffset >= segments[s].node.data.length) {
    // `start` is on a synthetic break after segment s: begin at the next segment.
    if (s + 1 >= segments.length) return undefined;
    s += 1;
    startOffset = segments[s].nodeOffset ?? 0;
  }
  const e = segmentAt(segments, end - 1);
  const endOffset = Math.min(offsetIn(e, end), segments[e].node.data.length);
  if (e < s) return undefined;
  const range = segments[s].node.ownerDocument.createRange();
  range.setStart(segments[s].node, Math.max(0, startOffset));
  range.setEnd(segments[e].node, Math.max(0, endOffset));
  return range;
}

/** Reads at most `maxChars` of an element's text, without building its whole textContent. */
export function boundedText(root: Element, maxChars: number, skip?: string): string {
  return extractText(root, { maxChars, skip }).text;
}
