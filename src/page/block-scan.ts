/**
 * Reads one block of a page in bounded steps and finds where a known error might be
 * (the prefilter's anchor hits): extraction pauses when the slice is used up, and long
 * texts are searched in chunks cut at line breaks with an overlap, so no single step
 * grows with the block's size. The background diagnoses the blocks with hits.
 */
import type { Prefilter } from '../engine/prefilter';
import type { Diagnosis } from '../engine/types';
import { isNegated } from '../engine/evidence';
import { createExtraction, segmentAt, type ExtractedText } from './extract';

/**
 * A block is read up to this many characters from its start, plus as many from its end:
 * a 20 MB log paste is read at both ends (where its command and its error usually are).
 */
export const BLOCK_HEAD_CHARS = 1024 * 1024;
export const BLOCK_TAIL_CHARS = 1024 * 1024;
export const CHUNK_CHARS = 32 * 1024;
/** Longer than any anchor, so an anchor cut by a chunk end is found whole in the next. */
export const CHUNK_OVERLAP = 2 * 1024;

export interface BlockResult {
  extracted: ExtractedText;
  /** Where an anchor begins (offsets into the extracted text); empty for a clean block. */
  hits: number[];
  /** The earlier diagnoses, when the block's text has not changed since. */
  reused?: Diagnosis[];
}

/**
 * Prose, not a paste: a comment's paragraphs with inline code. There, a mention under a
 * negation ("it is not `spawn npx ENOENT`") is not the error the reader has, so it gets no
 * badge. Code blocks and logs keep every match: their wording ("could not spawn …") is
 * the error itself.
 */
export function isProse(block: Element): boolean {
  return block.tagName !== 'PRE' && !block.closest('pre') && block.querySelector('pre') === null;
}

/**
 * Where a mention starts in the sentence: a match inside inline code starts where the
 * code does ("not `Error: spawn npx ENOENT`" negates the whole span, whose own colon
 * would otherwise end the clause).
 */
function mentionStart(extracted: ExtractedText, offset: number): number {
  const { segments } = extracted;
  const segment = segments[segmentAt(segments, offset)];
  const code = segment?.node.parentElement?.closest('code');
  if (!code) return offset;
  const first = extracted.segments.find((s) => code.contains(s.node));
  return first ? Math.min(first.start, offset) : offset;
}

/** The diagnoses a reader has, for a block: mentions under a negation dropped in prose. */
export function withoutNegated(block: Element, extracted: ExtractedText, diagnoses: Diagnosis[]): Diagnosis[] {
  return isProse(block) ? diagnoses.filter((d) => !isNegated(extracted.text, mentionStart(extracted, d.start))) : diagnoses;
}

/** Chunk boundaries over `text`: each ends at a line break when one is near. */
export function chunkRanges(text: string, size = CHUNK_CHARS, overlap = CHUNK_OVERLAP): Array<[number, number]> {
  if (text.length <= size) return [[0, text.length]];
  const ranges: Array<[number, number]> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const lineEnd = text.lastIndexOf('\n', end);
      if (lineEnd > start + size / 2) end = lineEnd + 1;
    }
    ranges.push([start, end]);
    if (end >= text.length) break;
    start = Math.max(start + 1, end - overlap);
  }
  return ranges;
}

/**
 * A resumable block scan. `step(shouldYield)` returns the result when finished, or
 * undefined when it paused; call it again in the next slice.
 */
export function createBlockScan(
  block: Element,
  prefilter: Prefilter,
  options: {
    skip: string;
    /** Earlier diagnoses to keep when the text is unchanged. */
    reuse?: (text: string) => Diagnosis[] | undefined;
  },
) {
  const extraction = createExtraction(block, { skip: options.skip, maxChars: BLOCK_HEAD_CHARS, tailChars: BLOCK_TAIL_CHARS });
  let extracted: ExtractedText | undefined;
  let chunks: Array<[number, number]> = [];
  let next = 0;
  const hits = new Set<number>();

  function step(yieldCheck: () => boolean): BlockResult | undefined {
    if (!extracted) {
      extracted = extraction.step(yieldCheck);
      if (!extracted) return undefined;
      const reused = options.reuse?.(extracted.text);
      if (reused) return { extracted, hits: [], reused };
      chunks = chunkRanges(extracted.text);
    }
    while (next < chunks.length) {
      const [from, to] = chunks[next++];
      const text = chunks.length === 1 ? extracted.text : extracted.text.slice(from, to);
      for (const at of prefilter.hits(text)) hits.add(from + at);
      if (next < chunks.length && yieldCheck()) return undefined;
    }
    return { extracted, hits: [...hits].sort((a, b) => a - b) };
  }

  return { step };
}
