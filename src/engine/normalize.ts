/**
 * Normalization: turns a real paste into the canonical form signatures are written
 * against, while keeping a map from every normalized character back to the original
 * text so matches can be reported (and highlighted) where the reader sees them.
 *
 * Handled: ANSI escapes (real ESC and the literal `\u001b[` / `\x1b[` / `\033[` forms),
 * CRLF and lone CR, terminal hard-wraps, runs of spaces, smart quotes, full-width
 * punctuation, zero-width characters, HTML entities and JSON-escaped lines.
 */
import { findHardWrapBreaks } from './hard-wrap';
import { decodeHtmlEntity } from './html-entities';

export interface NormalizedText {
  /** The normalized text. */
  text: string;
  /** `start[i]` is the original offset where normalized character `i` begins. */
  start: Int32Array;
  /** `end[i]` is the original offset just after normalized character `i`. */
  end: Int32Array;
}

const ESC = 0x1b;

/** Lines that look JSON-escaped get their escapes decoded; others keep backslashes (Windows paths). */
const JSON_ESCAPED_LINE = /\\"|\\n(?=[\s\\"A-Z]|$)|\\\\|\\u[0-9a-fA-F]{4}/;
/** Literal (not real) ANSI escape introducers as they appear in copied logs. */
const LITERAL_ANSI = /^(?:\\u001[bB]|\\x1[bB]|\\033|\\e|\^\[)\[[0-9;?]{0,32}[A-Za-z]/;
const REAL_CSI = /^\x1b\[[0-9;?]{0,32}[ -/]{0,4}[@-~]/;
const REAL_OSC = /^\x1b\][^\x07\x1b]{0,2048}(?:\x07|\x1b\\)/;

/** Folds one character to its canonical form; returns '' to drop it. */
export function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if (code === 0x09) return ' ';
    if (code < 0x20 && code !== 0x0a) return '';
    if (code === 0x7f) return '';
    return ch;
  }
  switch (code) {
    case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
      return "'";
    case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
      return '"';
    case 0x2013: case 0x2014: case 0x2212:
      return '-';
    case 0x2026:
      return '...';
    case 0x3000: case 0x00a0: case 0x202f: case 0x205f: case 0x1680:
      return ' ';
    case 0x200b: case 0x200c: case 0x200d: case 0x2060: case 0xfeff: case 0x00ad:
      return '';
    case 0x3001:
      return ',';
    case 0x3002:
      return '.';
  }
  if (code >= 0x2000 && code <= 0x200a) return ' ';
  // Full-width separators carry their own spacing; ASCII ones are followed by a space.
  if (code === 0xff1a) return ': ';
  if (code === 0xff0c) return ', ';
  if (code === 0xff1b) return '; ';
  // Full-width ASCII variants (！ to ～) map onto ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code >= 0x80 && code < 0xa0) return '';
  return ch;
}

/**
 * Folds a pattern literal the same way text is folded (no decoding of escapes or
 * entities). Runs of spaces become one space; edge spaces are kept, since a literal
 * between two placeholders needs them.
 */
export function foldLiteral(literal: string): string {
  let out = '';
  let pendingSpace = false;
  for (const ch of literal) {
    const folded = ch === '\n' || ch === '\r' ? ' ' : foldChar(ch);
    for (const f of folded) {
      if (f === ' ') pendingSpace = true;
      else {
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += f;
      }
    }
  }
  if (pendingSpace) out += ' ';
  return out;
}

/** Native UTF-16 decoding (code units in platform order, little-endian wherever browsers run): turning the code buffer into a string was most of normalize's cost. */
const utf16 = (() => {
  try {
    return new TextDecoder('utf-16le');
  } catch {
    return undefined;
  }
})();

class Builder {
  private codes: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private length = 0;
  private pendingSpace = -1; // original offset of the first pending space, or -1
  private pendingSpaceEnd = -1;
  /** Whether any surrogate went in: the fast decoder would turn a lone one into U+FFFD. */
  private surrogates = false;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.codes = new Uint16Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  /**
   * One character that is neither a space nor a line break, by its code: printable ASCII
   * takes this path directly (most of any log), without a one-character string.
   */
  emitCode(code: number, from: number, to: number): void {
    if (this.pendingSpace >= 0) {
      const last = this.length > 0 ? this.codes[this.length - 1] : 0x0a;
      if (last !== 0x0a) this.push(0x20, this.pendingSpace, this.pendingSpaceEnd);
      this.pendingSpace = -1; // indentation after a line break is dropped
    }
    this.push(code, from, to);
  }

  emitSpace(from: number, to: number): void {
    if (this.pendingSpace < 0) this.pendingSpace = from;
    this.pendingSpaceEnd = to;
  }

  emit(ch: string, from: number, to: number): void {
    if (ch === '') return;
    if (ch.length > 1) {
      // Code unit by code unit: a surrogate pair (an entity such as `&#x1F600;`) iterated
      // by code point came back whole and recursed without end.
      for (let k = 0; k < ch.length; k++) this.emit(ch[k], from, to);
      return;
    }
    if (ch === ' ') {
      this.emitSpace(from, to);
      return;
    }
    if (ch === '\n') {
      this.pendingSpace = -1; // trailing spaces before a line break carry no meaning
      this.push(0x0a, from, to);
      return;
    }
    const code = ch.charCodeAt(0);
    // Only this path can carry a surrogate (emitCode's direct callers pass ASCII).
    if (code >= 0xd800 && code <= 0xdfff) this.surrogates = true;
    this.emitCode(code, from, to);
  }

  private push(code: number, from: number, to: number): void {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.starts[this.length] = from;
    this.ends[this.length] = to;
    this.length++;
  }

  private grow(): void {
    const size = this.codes.length * 2;
    const codes = new Uint16Array(size);
    codes.set(this.codes);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }

  finish(): NormalizedText {
    if (this.pendingSpace >= 0 && this.length > 0 && this.codes[this.length - 1] !== 0x0a) {
      this.push(0x20, this.pendingSpace, this.pendingSpaceEnd);
    }
    const codes = this.codes.subarray(0, this.length);
    if (!this.surrogates && utf16 !== undefined) {
      return { text: utf16.decode(codes), start: this.starts.slice(0, this.length), end: this.ends.slice(0, this.length) };
    }
    const parts: string[] = [];
    const CHUNK = 8192;
    for (let k = 0; k < this.length; k += CHUNK) {
      // A typed array is array-like: no copy into a JS array (that copy was most of the cost).
      parts.push(String.fromCharCode.apply(null, this.codes.subarray(k, Math.min(this.length, k + CHUNK)) as unknown as number[]));
    }
    return {
      text: parts.join(''),
      start: this.starts.slice(0, this.length),
      end: this.ends.slice(0, this.length),
    };
  }
}

function decodeJsonEscape(text: string, i: number): { value: string; length: number } | null {
  const next = text[i + 1];
  switch (next) {
    case '"': return { value: '"', length: 2 };
    case '\\': return { value: '\\', length: 2 };
    case '/': return { value: '/', length: 2 };
    case 'n': return { value: '\n', length: 2 };
    case 'r': return { value: '\n', length: 2 };
    case 't': return { value: ' ', length: 2 };
    case 'u': {
      const hex = text.slice(i + 2, i + 6);
      if (/^[0-9a-fA-F]{4}$/.test(hex)) return { value: String.fromCharCode(parseInt(hex, 16)), length: 6 };
      return null;
    }
    default:
      return null;
  }
}

/** Normalizes `text`, keeping a map back to original offsets. */
export function normalize(text: string): NormalizedText {
  const builder = new Builder(text.length + 16);
  const wrapBreaks = findHardWrapBreaks(text);
  let lineIsJson = false;
  let i = 0;
  const n = text.length;

  // A line ends at `\n` or at a lone `\r`: looking only for `\n` would read the rest of
  // a text of lone `\r` lines once per line (quadratic).
  const startLine = (at: number) => {
    const limit = Math.min(n, at + 100_000);
    let end = at;
    while (end < limit) {
      const c = text.charCodeAt(end);
      if (c === 0x0a || c === 0x0d) break;
      end++;
    }
    lineIsJson = JSON_ESCAPED_LINE.test(text.slice(at, end));
  };
  startLine(0);

  while (i < n) {
    const code = text.charCodeAt(i);

    // Printable ASCII that starts no escape or entity: most of any log.
    if (code > 0x20 && code < 0x7f && code !== 0x5c && code !== 0x5e && code !== 0x26) {
      builder.emitCode(code, i, i + 1);
      i += 1;
      continue;
    }
    if (code === 0x20) {
      builder.emitSpace(i, i + 1);
      i += 1;
      continue;
    }

    if (code === 0x0a || code === 0x0d) {
      const length = code === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      if (!wrapBreaks.has(i)) builder.emit('\n', i, i + length);
      i += length;
      startLine(i);
      continue;
    }

    if (code === ESC) {
      const rest = text.slice(i, i + 2100);
      const m = REAL_CSI.exec(rest) ?? REAL_OSC.exec(rest);
      i += m ? m[0].length : 1;
      continue;
    }

    if (code === 0x5c /* \ */ || code === 0x5e /* ^ */) {
      const m = LITERAL_ANSI.exec(text.slice(i, i + 48));
      if (m) {
        i += m[0].length;
        continue;
      }
      if (code === 0x5c && lineIsJson) {
        const decoded = decodeJsonEscape(text, i);
        if (decoded) {
          if (decoded.value.charCodeAt(0) === ESC) {
            // A JSON-escaped ESC: skip the whole CSI sequence that follows.
            const after = /^\[[0-9;?]{0,32}[A-Za-z]/.exec(text.slice(i + decoded.length, i + decoded.length + 40));
            i += decoded.length + (after ? after[0].length : 0);
            continue;
          }
          for (const ch of decoded.value) {
            const folded = ch === '\n' ? '\n' : foldChar(ch);
            for (const f of folded) builder.emit(f, i, i + decoded.length);
          }
          i += decoded.length;
          continue;
        }
      }
    }

    if (code === 0x26 /* & */) {
      const entity = decodeHtmlEntity(text, i);
      if (entity) {
        for (const f of foldChar(entity.value)) builder.emit(f, i, i + entity.length);
        i += entity.length;
        continue;
      }
    }

    // Surrogate pairs pass through as two code units; folding only touches the BMP.
    if (code >= 0x20 && code < 0x7f) builder.emit(text[i], i, i + 1);
    else builder.emit(foldChar(text[i]), i, i + 1);
    i += 1;
  }
  return builder.finish();
}

/** Maps a normalized range back to the original text. */
export function toOriginalRange(norm: NormalizedText, from: number, to: number): { start: number; end: number } {
  if (norm.text.length === 0) return { start: 0, end: 0 };
  const start = norm.start[Math.min(from, norm.text.length - 1)];
  const end = norm.end[Math.max(from, Math.min(to, norm.text.length) - 1)];
  return { start, end };
}
