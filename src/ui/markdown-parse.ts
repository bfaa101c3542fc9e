/**
 * A small Markdown subset parsed into a plain tree: paragraphs, fenced code, bullet and
 * numbered lists, `code`, **strong**, *em* and [links](https://…). The tree holds text
 * only; markdown.tsx turns it into Preact nodes, so no string ever becomes HTML.
 *
 * Every pass is linear in the input (backtick runs and delimiters are matched with
 * cursors and stacks, never by rescanning), so hostile input such as 100,000 backticks or
 * thousands of unclosed `**` finishes quickly and comes out as literal text.
 */

export type Inline =
  | string
  | { kind: 'code'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  /** `href` is undefined when the target was not a safe https address. */
  | { kind: 'link'; href?: string; children: Inline[] };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'heading'; children: Inline[] }
  | { kind: 'code'; text: string; lang?: string }
  | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] };

/** Only absolute https links survive; anything else (javascript:, data:, http:) is text. */
export function safeHref(raw: string): string | undefined {
  if (!/^https:\/\//i.test(raw)) return undefined;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- inline

type Token =
  | { t: 'text'; v: string }
  | { t: 'code'; v: string }
  | { t: 'delim'; v: string; open: boolean; close: boolean }
  | { t: 'lbr' }
  | { t: 'lclose'; url: string; raw: string };

const ESCAPABLE = /[!-/:-@[-`{-~]/;
const SPECIAL = /[\\`*[\]]/g;
const LINK_TARGET = /\(([^\s()<>]{1,2048})\)/y;
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

/** Maximal backtick runs by length, each list ascending, with a cursor per length. */
function backtickRuns(s: string): Map<number, { at: number[]; next: number }> {
  const runs = new Map<number, { at: number[]; next: number }>();
  for (const m of s.matchAll(/`+/g)) {
    const len = m[0].length;
    let list = runs.get(len);
    if (!list) runs.set(len, (list = { at: [], next: 0 }));
    list.at.push(m.index);
  }
  return runs;
}

function tokenize(s: string): Token[] {
  const tokens: Token[] = [];
  const runs = backtickRuns(s);
  let buf = '';
  const flush = () => {
    if (buf) tokens.push({ t: 'text', v: buf });
    buf = '';
  };
  let i = 0;
  while (i < s.length) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(s);
    if (!found) {
      buf += s.slice(i);
      break;
    }
    buf += s.slice(i, found.index);
    i = found.index;
    const c = s[i];
    if (c === '\\') {
      const next = s[i + 1];
      if (next !== undefined && ESCAPABLE.test(next)) {
        buf += next;
        i += 2;
      } else {
        buf += c;
        i += 1;
      }
    } else if (c === '`') {
      let n = 1;
      while (s[i + n] === '`') n++;
      // The closer is the next maximal run of exactly n backticks; cursors only move
      // forward because i only grows.
      const list = runs.get(n);
      let closeAt = -1;
      if (list) {
        while (list.next < list.at.length && list.at[list.next] < i + n) list.next++;
        if (list.next < list.at.length) closeAt = list.at[list.next];
      }
      if (closeAt < 0) {
        buf += s.slice(i, i + n);
        i += n;
      } else {
        flush();
        let code = s.slice(i + n, closeAt).replace(/\n/g, ' ');
        if (code.length > 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim()) code = code.slice(1, -1);
        tokens.push({ t: 'code', v: code });
        i = closeAt + n;
      }
    } else if (c === '*') {
      let n = 1;
      while (s[i + n] === '*') n++;
      flush();
      tokens.push({ t: 'delim', v: s.slice(i, i + n), open: !isSpace(s[i + n]), close: !isSpace(s[i - 1]) });
      i += n;
    } else if (c === '[') {
      flush();
      tokens.push({ t: 'lbr' });
      i += 1;
    } else {
      // c === ']'
      LINK_TARGET.lastIndex = i + 1;
      const target = LINK_TARGET.exec(s);
      if (target) {
        flush();
        tokens.push({ t: 'lclose', url: target[1], raw: `](${target[1]})` });
        i += 1 + target[0].length;
      } else {
        buf += c;
        i += 1;
      }
    }
  }
  flush();
  return tokens;
}

/** Pairs `[` with `](url)`; links do not nest, so a pair deactivates earlier openers. */
function pairLinks(tokens: Token[]): Map<number, number> {
  const pairs = new Map<number, number>();
  let openers: number[] = [];
  tokens.forEach((tok, k) => {
    if (tok.t === 'lbr') openers.push(k);
    else if (tok.t === 'lclose' && openers.length > 0) {
      pairs.set(openers[openers.length - 1], k);
      openers = [];
    }
  });
  return pairs;
}

type Item =
  | { t: 'inline'; v: Inline }
  | { t: 'delim'; v: string; open: boolean; close: boolean; pair?: number; closes?: boolean };

function pushInline(out: Inline[], node: Inline) {
  const last = out[out.length - 1];
  if (typeof node === 'string' && typeof last === 'string') out[out.length - 1] = last + node;
  else if (node !== '') out.push(node);
}

/** Builds the inline tree of tokens[from, to); links become one item each. */
function build(tokens: Token[], links: Map<number, number>, from: number, to: number): Inline[] {
  const items: Item[] = [];
  for (let k = from; k < to; k++) {
    const tok = tokens[k];
    if (tok.t === 'lbr') {
      const close = links.get(k);
      if (close !== undefined && close < to) {
        const target = tokens[close] as Extract<Token, { t: 'lclose' }>;
        const href = safeHref(target.url);
        items.push({ t: 'inline', v: { kind: 'link', ...(href ? { href } : {}), children: build(tokens, links, k + 1, close) } });
        k = close;
      } else items.push({ t: 'inline', v: '[' });
    } else if (tok.t === 'lclose') items.push({ t: 'inline', v: tok.raw });
    else if (tok.t === 'text') items.push({ t: 'inline', v: tok.v });
    else if (tok.t === 'code') items.push({ t: 'inline', v: { kind: 'code', text: tok.v } });
    else items.push({ t: 'delim', v: tok.v, open: tok.open, close: tok.close });
  }
  matchEmphasis(items);
  return nest(items);
}

/**
 * Pairs `*` (em) and `**` (strong) delimiters with one stack. A closer takes the nearest
 * opener of its kind and drops the unmatched openers above it, so pairs always nest and
 * each delimiter is pushed and popped at most once.
 */
function matchEmphasis(items: Item[]) {
  const stack: number[] = [];
  const onStack = new Map<string, number>();
  items.forEach((item, k) => {
    if (item.t !== 'delim' || (item.v !== '*' && item.v !== '**')) return;
    if (item.close && (onStack.get(item.v) ?? 0) > 0) {
      while (stack.length > 0) {
        const top = stack.pop() as number;
        const opener = items[top] as Extract<Item, { t: 'delim' }>;
        onStack.set(opener.v, (onStack.get(opener.v) ?? 1) - 1);
        if (opener.v === item.v) {
          opener.pair = k;
          item.pair = top;
          item.closes = true;
          return;
        }
      }
    }
    if (item.open) {
      stack.push(k);
      onStack.set(item.v, (onStack.get(item.v) ?? 0) + 1);
    }
  });
}

function nest(items: Item[]): Inline[] {
  const frames: { kind?: 'strong' | 'em'; children: Inline[] }[] = [{ children: [] }];
  for (const item of items) {
    const top = frames[frames.length - 1];
    if (item.t === 'inline') pushInline(top.children, item.v);
    else if (item.pair === undefined) pushInline(top.children, item.v);
    else if (!item.closes) frames.push({ kind: item.v === '**' ? 'strong' : 'em', children: [] });
    else {
      frames.pop();
      pushInline(frames[frames.length - 1].children, { kind: top.kind as 'strong' | 'em', children: top.children });
    }
  }
  return frames[0].children;
}

export function parseInline(source: string): Inline[] {
  const tokens = tokenize(source);
  return build(tokens, pairLinks(tokens), 0, tokens.length);
}

// ---------------------------------------------------------------- blocks

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})([^`]*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
const LIST_ITEM = /^ {0,3}(?:([-*+])|(\d{1,9})[.)])[ \t]+(.*)$/;
// The heading's text is the rest of the line with its closing `#`s and spaces cut off by
// `headingText`; a lazy `(.*?)[ \t#]*$` here would be quadratic on a long line of spaces.
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * The line that closes a fence opened at `from`, or -1. An unclosed fence is not code
 * (its backticks stay text); failures are remembered per fence so many unclosed fences
 * do not rescan the rest of the input each time.
 */
function fenceCloser(lines: string[], from: number, fence: string, failed: Map<string, number>): number {
  const key = fence[0] + fence.length;
  if ((failed.get(key) ?? Infinity) <= from) return -1;
  for (let k = from + 1; k < lines.length; k++) {
    const m = FENCE_CLOSE.exec(lines[k]);
    if (m && m[1][0] === fence[0] && m[1].length >= fence.length) return k;
  }
  failed.set(key, from);
  return -1;
}

export function parseMarkdown(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const failed = new Map<string, number>();
  let para: string[] = [];
  let list: { ordered: boolean; start: number; items: string[][] } | undefined;

  const endPara = () => {
    if (para.length) blocks.push({ kind: 'paragraph', children: parseInline(para.join('\n')) });
    para = [];
  };
  const endList = () => {
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, start: list.start, items: list.items.map((item) => parseInline(item.join('\n'))) });
    list = undefined;
  };

  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const fence = FENCE_OPEN.exec(line);
    if (fence) {
      const close = fenceCloser(lines, k, fence[1], failed);
      if (close >= 0) {
        endPara();
        endList();
        const lang = fence[2].trim().split(/\s+/)[0];
        blocks.push({ kind: 'code', text: lines.slice(k + 1, close).join('\n'), ...(lang ? { lang } : {}) });
        k = close;
        continue;
      }
    }
    if (line.trim() === '') {
      endPara();
      endList();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      endPara();
      const ordered = item[1] === undefined;
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, start: ordered ? Number(item[2]) : 1, items: [] };
      list.items.push([item[3]]);
      continue;
    }
    if (list) {
      // A line after an item without a blank line continues that item.
      list.items[list.items.length - 1].push(line.trim());
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      endPara();
      blocks.push({ kind: 'heading', children: parseInline(headingText(line.slice(heading[0].length))) });
      continue;
    }
    para.push(line);
  }
  endPara();
  endList();
  return blocks;
}

/** A heading line's text without its surrounding spaces and closing `#` sequence. */
function headingText(rest: string): string {
  let end = rest.length;
  while (end > 0 && (rest[end - 1] === ' ' || rest[end - 1] === '\t' || rest[end - 1] === '#')) end--;
  return rest.slice(0, end).trim();
}
