/**
 * Reads an input (file or stdin) as a stream of text segments of bounded size, so a
 * 50 MB log never sits in memory as one string. Segments end at a line break when one
 * is near; otherwise they overlap by OVERLAP characters so no match is cut in two.
 */
import { createReadStream } from 'node:fs';

export const SEGMENT_CHARS = 1 << 20;
export const OVERLAP = 4096;
const LINE_BREAK_SEARCH = 64 * 1024;

export interface Segment {
  text: string;
  /** Offset of `text[0]` in the whole input (UTF-16 code units of the decoded text). */
  offset: number;
  /** 1-based line number of `text[0]`. */
  line: number;
  /** 1-based column of `text[0]`: 1 unless a very long line was cut before it. */
  column: number;
}

export class BinaryInputError extends Error {}

/** Number of `\n` in `text[from, to)`. */
export function countLineBreaks(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export async function* readSegments(source: NodeJS.ReadableStream | string): AsyncGenerator<Segment> {
  const stream = typeof source === 'string' ? createReadStream(source) : source;
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let pending = '';
  let offset = 0;
  let line = 1;
  let column = 1;
  let first = true;

  function* drain(final: boolean): Generator<Segment> {
    while (pending.length >= SEGMENT_CHARS || (final && pending.length > 0)) {
      if (final && pending.length <= SEGMENT_CHARS) {
        yield { text: pending, offset, line, column };
        offset += pending.length;
        pending = '';
        return;
      }
      const lastBreak = pending.lastIndexOf('\n', SEGMENT_CHARS);
      if (lastBreak >= SEGMENT_CHARS - LINE_BREAK_SEARCH) {
        const text = pending.slice(0, lastBreak + 1);
        yield { text, offset, line, column };
        offset += text.length;
        line += countLineBreaks(text);
        column = 1;
        pending = pending.slice(lastBreak + 1);
      } else {
        // One very long line: cut, and start the next segment OVERLAP characters back.
        const text = pending.slice(0, SEGMENT_CHARS);
        yield { text, offset, line, column };
        const advance = SEGMENT_CHARS - OVERLAP;
        const breaks = countLineBreaks(text, 0, advance);
        line += breaks;
        column = breaks > 0 ? advance - text.lastIndexOf('\n', advance - 1) : column + advance;
        offset += advance;
        pending = pending.slice(advance);
      }
    }
  }

  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (first) {
      first = false;
      if (bytes.subarray(0, 8192).includes(0)) {
        if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
        throw new BinaryInputError('binary file (contains NUL bytes), not scanned');
      }
    }
    pending += decoder.decode(bytes, { stream: true });
    yield* drain(false);
  }
  pending += decoder.decode();
  yield* drain(true);
}
