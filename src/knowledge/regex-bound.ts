/**
 * A proven upper bound on the work a backtracking regex engine (V8's) can do when a
 * verifier runs over its window, computed at validation for every pattern, bundled or
 * imported. Patterns over the budget are refused, so a page's text cannot make a verifier
 * run long: the bound holds whatever the text is.
 *
 * Why a bound and not a linear-time engine: re2js is linear but adds about 150 KB to the
 * content script and runs a 2,000-character window 10 to 50 times slower than V8; a bound
 * proven once at validation keeps V8's speed with the same guarantee for what we accept.
 *
 * The model. Parse the regex into characters, assertions, sequences, alternations,
 * lookarounds and bounded quantifiers. For a node entered once, count
 *   t: its completions (ways it can end, in the order a backtracker tries them),
 *   w: completions that survive the first character test of what follows,
 *   c: steps spent inside it.
 * A quantified character class followed by something that cannot start with a character of
 * that class has only one surviving completion (every shorter one is rejected at once by
 * the next character, which belongs to the class): this is what keeps `{name}:` or
 * `\d{1,6}\.` linear, while `\w{0,500}\w{0,500}` or `(a|a){1,500}` multiply. A sequence
 * multiplies survivors, an alternation adds them. The steps of a verification are at most
 * (window length) × (c + t) of the whole regex, since every start position is tried once.
 */

import { MAX_REGEX_SPAN, type CompiledPattern } from '../engine/pattern';
import { maxMatchLength, parseBoundedRegex, RegexSyntaxError, type RegexNode } from '../engine/regex-syntax';

/** Numbers past this are all "too many"; keeps the arithmetic finite. */
const CLAMP = 1e15;
const clamp = (x: number) => (x > CLAMP ? CLAMP : x);

// ---- character sets -------------------------------------------------------------------

/** Astral characters standing for their categories (letters, digits, symbols, CJK, private use). */
const ASTRAL_SAMPLES = [0x10000, 0x1d400, 0x1d7ce, 0x1f600, 0x20000, 0xe0041, 0x10fffd].map((cp) => String.fromCodePoint(cp));

const membership = new Map<string, Uint8Array>();

/** Which characters (all of the BMP plus astral samples) a one-character atom matches, case-insensitively. */
function membersOf(atom: string): Uint8Array {
  let bits = membership.get(atom);
  if (bits) return bits;
  const test = new RegExp(`^(?:${atom})$`, 'iu');
  bits = new Uint8Array(0x10000 + ASTRAL_SAMPLES.length);
  for (let cp = 0; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (test.test(String.fromCharCode(cp))) bits[cp] = 1;
  }
  ASTRAL_SAMPLES.forEach((s, k) => {
    if (test.test(s)) bits![0x10000 + k] = 1;
  });
  membership.set(atom, bits);
  return bits;
}

/** The one character a literal atom stands for, or null for a class, a dot or a class escape. */
function literalChar(atom: string): string | null {
  if (atom[0] !== '\\') return atom === '.' || atom[0] === '[' ? null : atom;
  const e = atom[1];
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v', '0': '\0' };
  if (e in simple) return simple[e];
  if (e === 'x' || (e === 'u' && atom[2] !== '{')) return String.fromCharCode(parseInt(atom.slice(2), 16));
  if (e === 'u') return String.fromCodePoint(parseInt(atom.slice(3, -1), 16));
  if (e === 'c') return String.fromCharCode(atom.charCodeAt(2) % 32);
  if (/[dDwWsSpP]/.test(e)) return null;
  return e; // an escaped syntax character
}

const pairCache = new Map<string, boolean>();

/** Whether some character of the text can match both atoms (flags `iu`). */
function intersects(a: string, b: string): boolean {
  const key = `${a}\u0000${b}`;
  const cached = pairCache.get(key);
  if (cached !== undefined) return cached;
  let result: boolean;
  const la = literalChar(a);
  const lb = literalChar(b);
  if (la !== null || lb !== null) {
    // A literal matches its case variants too; test each against the other atom.
    const [lit, other] = la !== null ? [la, b] : [lb as string, a];
    const test = new RegExp(`^(?:${other})$`, 'iu');
    const variants = new Set([lit, lit.toLowerCase(), lit.toUpperCase()]);
    result = [...variants].some((v) => test.test(v));
  } else {
    const x = membersOf(a);
    const y = membersOf(b);
    result = false;
    for (let k = 0; k < x.length; k++) {
      if (x[k] & y[k]) {
        result = true;
        break;
      }
    }
  }
  pairCache.set(key, result);
  return result;
}

// ---- the bound ------------------------------------------------------------------------

interface First {
  atoms: string[];
  nullable: boolean;
}

const END: First = { atoms: [], nullable: true };

function firstOf(node: RegexNode): First {
  switch (node.kind) {
    case 'char':
      return { atoms: [node.source], nullable: false };
    case 'assert':
    case 'look':
      return { atoms: [], nullable: true };
    case 'seq': {
      const atoms: string[] = [];
      for (const item of node.items) {
        const f = firstOf(item);
        atoms.push(...f.atoms);
        if (!f.nullable) return { atoms, nullable: false };
      }
      return { atoms, nullable: true };
    }
    case 'alt': {
      const fs = node.branches.map(firstOf);
      return { atoms: fs.flatMap((f) => f.atoms), nullable: fs.some((f) => f.nullable) };
    }
    case 'quant': {
      const f = firstOf(node.inner);
      return { atoms: f.atoms, nullable: node.min === 0 || f.nullable };
    }
  }
}

/** First characters of `node` followed by `follow`. */
function then(first: First, follow: First): First {
  return first.nullable ? { atoms: [...new Set([...first.atoms, ...follow.atoms])], nullable: follow.nullable } : first;
}

const overlaps = (atom: string, follow: First) => follow.atoms.some((b) => intersects(atom, b));
const setsOverlap = (a: First, b: First) => a.atoms.some((x) => overlaps(x, b));

interface Cost {
  /** completions */
  t: number;
  /** completions that survive the first test of the continuation */
  w: number;
  /** steps inside */
  c: number;
}

function analyze(node: RegexNode, follow: First): Cost {
  switch (node.kind) {
    case 'char':
    case 'assert':
      return { t: 1, w: 1, c: 1 };
    case 'look': {
      const inner = analyze(node.inner, END);
      return { t: 1, w: 1, c: clamp(inner.c + inner.t) };
    }
    case 'seq': {
      const n = node.items.length;
      const follows: First[] = new Array(n);
      let next = follow;
      for (let k = n - 1; k >= 0; k--) {
        follows[k] = next;
        next = then(firstOf(node.items[k]), next);
      }
      let entries = 1;
      let steps = 0;
      let completions = 1;
      for (let k = 0; k < n; k++) {
        const r = analyze(node.items[k], follows[k]);
        steps = clamp(steps + entries * (r.c + r.t));
        completions = clamp(entries * r.t);
        entries = clamp(entries * r.w);
      }
      return { t: completions, w: entries, c: steps };
    }
    case 'alt': {
      const rs = node.branches.map((b) => analyze(b, follow));
      const sum = (f: (r: Cost) => number) => clamp(rs.reduce((s, r) => s + f(r), 0));
      return { t: sum((r) => r.t), w: sum((r) => r.w), c: sum((r) => r.c + 1) };
    }
    case 'quant': {
      const { inner, min, max } = node;
      if (inner.kind === 'char') {
        const t = max - min + 1;
        return { t, w: overlaps(inner.source, follow) ? t : 1, c: max + 1 };
      }
      // Each iteration continues into another iteration or into what follows.
      const innerFirst = firstOf(inner);
      const r = analyze(inner, then(innerFirst, follow));
      let entries = 1;
      let steps = 0;
      let completions = min === 0 ? 1 : 0;
      for (let j = 1; j <= max; j++) {
        steps = clamp(steps + entries * (r.c + r.t));
        if (j >= min) completions = clamp(completions + entries * r.t);
        entries = clamp(entries * r.w);
        if (steps >= CLAMP) break;
      }
      const single = r.w <= 1 && !innerFirst.nullable && !setsOverlap(innerFirst, follow);
      return { t: completions, w: single ? 1 : completions, c: steps };
    }
  }
}

/** Steps a backtracker can take from one start position: an upper bound. */
export function stepsPerStart(source: string): number {
  const r = analyze(parseBoundedRegex(source), END);
  return clamp(r.c + r.t);
}

/**
 * Most backtracking steps one verification may take: about a few hundred milliseconds of
 * V8 at worst, on text built to hurt; real text stays far below.
 */
export const MAX_VERIFY_STEPS = 1e8;

/** Upper bound on the steps of one verification of `compiled` over its window. */
export function verificationSteps(compiled: CompiledPattern): number {
  const window = compiled.before + compiled.anchor.length + compiled.after;
  const root = parseBoundedRegex(compiled.regex);
  // Most start positions fail within the regex's leading characters. Only where all of them
  // match can a start go further, and two such starts are at least the prefix's period apart
  // (the smallest shift at which the prefix could overlap itself).
  const prefix = root.kind === 'char' ? [root.source] : root.kind === 'seq' ? leadingAtoms(root.items) : [];
  const starts = Math.ceil(window / periodOf(prefix));
  const r = analyze(root, END);
  return clamp(window * (prefix.length + 1) + starts * (r.c + r.t));
}

function leadingAtoms(items: RegexNode[]): string[] {
  const atoms: string[] = [];
  for (const item of items) {
    if (item.kind !== 'char') break;
    atoms.push(item.source);
  }
  return atoms;
}

/** Smallest shift q at which the prefix could match overlapping itself (its length if none). */
function periodOf(prefix: string[]): number {
  for (let q = 1; q < prefix.length; q++) {
    let fits = true;
    for (let k = 0; k + q < prefix.length && fits; k++) fits = intersects(prefix[k], prefix[k + q]);
    if (fits) return q;
  }
  return Math.max(1, prefix.length);
}

/** A problem description when a compiled pattern's verification is not provably bounded, else null. */
export function checkVerificationBound(compiled: CompiledPattern): string | null {
  let steps: number;
  try {
    if (maxMatchLength(compiled.regex) > MAX_REGEX_SPAN) return `a match could span more than ${MAX_REGEX_SPAN} characters; lower the repeat bounds`;
    steps = verificationSteps(compiled);
  } catch (error) {
    if (error instanceof RegexSyntaxError) return error.message;
    throw error;
  }
  if (steps <= MAX_VERIFY_STEPS) return null;
  const size = steps >= CLAMP ? 'an astronomical number of' : `up to ${steps.toExponential(1)}`;
  return (
    `could take ${size} backtracking steps on hostile text (limit ${MAX_VERIFY_STEPS.toExponential(0)}): ` +
    'repeats that can match the same characters follow each other or sit in a repeated group; ' +
    'separate them with a literal they cannot match, or use fewer {any}'
  );
}
