/**
 * The syntax of the bounded regexes the knowledge format allows (JavaScript, `u` mode,
 * every repeat bounded): a small parser, and the longest text a match can span, which
 * sizes a raw regex's verification window. The cost bound built on this tree is in
 * `src/knowledge/regex-bound.ts` (validation only, so it stays out of the content script).
 */

export type RegexNode =
  | { kind: 'char'; source: string }
  | { kind: 'assert' }
  | { kind: 'look'; inner: RegexNode }
  | { kind: 'seq'; items: RegexNode[] }
  | { kind: 'alt'; branches: RegexNode[] }
  | { kind: 'quant'; inner: RegexNode; min: number; max: number };

export class RegexSyntaxError extends Error {}

/** Parses the bounded subset the knowledge format allows (JavaScript syntax, `u` mode). */
/** `maxRepeat`: refuse a `{m,n}` with n above it (what a knowledge author may write). */
export function parseBoundedRegex(source: string, options: { maxRepeat?: number } = {}): RegexNode {
  let i = 0;
  const peek = () => source[i];

  const parseAlternation = (): RegexNode => {
    const branches = [parseSequence()];
    while (peek() === '|') {
      i++;
      branches.push(parseSequence());
    }
    return branches.length === 1 ? branches[0] : { kind: 'alt', branches };
  };

  const parseSequence = (): RegexNode => {
    const items: RegexNode[] = [];
    while (i < source.length && peek() !== '|' && peek() !== ')') {
      const atom = parseAtom();
      items.push(parseQuantifier(atom));
    }
    return items.length === 1 ? items[0] : { kind: 'seq', items };
  };

  const parseQuantifier = (atom: RegexNode): RegexNode => {
    const ch = peek();
    let min: number;
    let max: number;
    if (ch === '*' || ch === '+') throw new RegexSyntaxError(`unbounded "${ch}" at character ${i + 1}; use a bounded repeat such as {0,200} or {1,200}`);
    if (ch === '?') {
      min = 0;
      max = 1;
      i++;
    } else if (ch === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(source.slice(i));
      if (!m) return atom;
      if (m[2] && m[3] === '') throw new RegexSyntaxError(`unbounded "${m[0]}" at character ${i + 1}; give an upper bound`);
      min = Number(m[1]);
      max = m[2] ? Number(m[3]) : min;
      if (options.maxRepeat !== undefined && max > options.maxRepeat) throw new RegexSyntaxError(`repeat "${m[0]}" exceeds ${options.maxRepeat}`);
      i += m[0].length;
    } else {
      return atom;
    }
    if (peek() === '?') i++; // lazy: same bound
    if (atom.kind === 'assert' || atom.kind === 'look') return atom;
    return { kind: 'quant', inner: atom, min, max };
  };

  const parseAtom = (): RegexNode => {
    const ch = peek();
    if (ch === '(') {
      i++;
      let look = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?=', i) || source.startsWith('?!', i)) {
        look = true;
        i += 2;
      } else if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) {
        look = true;
        i += 3;
      } else if (source.startsWith('?<', i)) {
        const close = source.indexOf('>', i);
        if (close < 0) throw new RegexSyntaxError('unclosed group name');
        i = close + 1;
      }
      const inner = parseAlternation();
      if (peek() !== ')') throw new RegexSyntaxError(`missing ")" at character ${i + 1}`);
      i++;
      return look ? { kind: 'look', inner } : inner;
    }
    if (ch === '[') {
      const start = i;
      i++;
      if (peek() === '^') i++;
      if (peek() === ']') i++;
      while (i < source.length && peek() !== ']') i += peek() === '\\' ? 2 : 1;
      if (peek() !== ']') throw new RegexSyntaxError('unclosed character class');
      i++;
      return { kind: 'char', source: source.slice(start, i) };
    }
    if (ch === '^' || ch === '$') {
      i++;
      return { kind: 'assert' };
    }
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (next === 'b' || next === 'B') {
        i += 2;
        return { kind: 'assert' };
      }
      if (/[1-9]/.test(next) || next === 'k') throw new RegexSyntaxError('backreferences are not allowed');
      const start = i;
      if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') i = source.indexOf('}', i) + 1;
      else if (next === 'u') i += 6;
      else if (next === 'x') i += 4;
      else if (next === 'c') i += 3;
      else i += 2;
      return { kind: 'char', source: source.slice(start, i) };
    }
    const cp = source.codePointAt(i) as number;
    const text = String.fromCodePoint(cp);
    i += text.length;
    return { kind: 'char', source: text };
  };

  const root = parseAlternation();
  if (i < source.length) throw new RegexSyntaxError(`unmatched ")" at character ${i + 1}`);
  return root;
}

/** Most characters a match can span; every repeat is bounded, so it is finite. */
export function maxMatchLength(source: string): number {
  const walk = (n: RegexNode): number => {
    switch (n.kind) {
      case 'char':
        return 1;
      case 'assert':
      case 'look':
        return 0;
      case 'seq':
        return n.items.reduce((s, x) => s + walk(x), 0);
      case 'alt':
        return Math.max(...n.branches.map(walk));
      case 'quant':
        return n.max * walk(n.inner);
    }
  };
  return walk(parseBoundedRegex(source));
}
