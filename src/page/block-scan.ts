/**
 * Diagnoses one block of a page in bounded steps: extraction pauses when the slice is
 * used up, and long texts are diagnosed in chunks cut at line breaks with an overlap,
 * so no single step grows with the block's size.
 */
import type { Engine } from '../engine/diagnose';
import type { RankCache } from '../engine/cues';
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
/** Longer than any signature's verifier window, so a match cut by a chunk end is found whole in the next. */
export const CHUNK_OVERLAP = 2 * 1024;

export interface BlockContext {
  comment?: string;
  page?: string;
}

export interface BlockResult {
  extracted: ExtractedText;
  diagnoses: Diagnosis[];
}

/**
 * Prose, not a paste: a comment's paragraphs with inline code. There, a mention under a
 * negation ("it is not `spawn npx ENOENT`") is not the error the reader has, so it gets no
 * badge. Code blocks and logs keep every match: their wording ("could not spawn …") is
 * the error itself.
 */
function isProse(block: Element): boolean {
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
  engine: Engine,
  options: {
    skip: string;
    context: () => BlockContext;
    cache: RankCache;
    /** Earlier diagnoses to keep when the text is unchanged. */
    reuse?: (text: string) => Diagnosis[] | undefined;
  },
) {
  const extraction = createExtraction(block, { skip: options.skip, maxChars: BLOCK_HEAD_CHARS, tailChars: BLOCK_TAIL_CHARS });
  let extracted: ExtractedText | undefined;
  let chunks: Array<[number, number]> = [];
  let next = 0;
  const diagnoses: Diagnosis[] = [];
  const seen = new Set<string>();
  let context: BlockContext | undefined;

  function step(yieldCheck: () => boolean): BlockResult | undefined {
    if (!extracted) {
      extracted = extraction.step(yieldCheck);
      if (!extracted) return undefined;
      const reused = options.reuse?.(extracted.text);
      if (reused) return { extracted, diagnoses: reused };
      chunks = chunkRanges(extracted.text);
    }
    while (next < chunks.length) {
      const [from, to] = chunks[next++];
      const text = chunks.length === 1 ? extracted.text : extracted.text.slice(from, to);
      // The comment and page texts are read only when something matched (and once per
      // block), so pages without errors cost one automaton pass per block.
      for (const d of engine.diagnoseBlock(text, () => (context ??= options.context()), options.cache)) {
        const key = `${d.entryId}:${from + d.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        diagnoses.push({ ...d, start: from + d.start, end: from + d.end });
      }
      if (next < chunks.length && yieldCheck()) return undefined;
    }
    const done = extracted;
    return { extracted, diagnoses: isProse(block) ? diagnoses.filter((d) => !isNegated(done.text, mentionStart(done, d.start))) : diagnoses };
  }

  return { step };
}
