/**
 * Evidence: typed facts read from the texts around an error (platform, versions, the
 * error's own inner-cause lines) and whether a mention sits under a negation. Pure
 * functions over normalized text; ranking weighs what they find by where it was found.
 */
import type { Platform } from './types';
import { PRODUCTS, cleanVersion } from './products';

export interface PlatformFact {
  platform: Platform;
  /** The text that told it (`C:\Users\`, `macOS 14.5`, `/home/`). */
  text: string;
  offset: number;
  negated: boolean;
}

export interface VersionFact {
  product: string;
  version: string;
  text: string;
  offset: number;
  negated: boolean;
}

interface PlatformSignal {
  platform: Platform;
  regex: RegExp;
}

/**
 * What gives a platform away in a paste or a sentence. Paths and prompts are the
 * strongest tells, so they come first; every regex is bounded and linear.
 */
const PLATFORM_SIGNALS: PlatformSignal[] = [
  { platform: 'wsl', regex: /\b(?:wsl2?|microsoft-standard-wsl2?|windows subsystem for linux)\b|\/mnt\/[a-z]\/(?=[\w.-])/giu },
  { platform: 'windows', regex: /\b[a-z]:\\(?:users|program files|windows|progra~1)\\|\b[a-z]:\/users\/|%(?:appdata|localappdata|userprofile)%|\bps [a-z]:\\|\bwindows (?:10|11|server)\b|\bwin(?:32|64)\b|\bwin-x64\b|\bpowershell\b|\bcmd\.exe\b|\.exe\b|errno: -4058|is not recognized as an internal or external command|\bon windows\b|\bwindows\b/giu },
  { platform: 'macos', regex: /\/users\/[\w.-]{1,64}\/|\bmacos\b|\bmac os x?\b|\bdarwin\b|\/opt\/homebrew\/|~\/library\/|\/library\/(?:application support|logs)\/|\bmacbook\b|\bapple silicon\b|\bsonoma\b|\bsequoia\b|\bventura\b|\bosx\b|\bon (?:a )?mac\b/giu },
  { platform: 'linux', regex: /\/home\/[\w.-]{1,64}\/|\bubuntu\b|\bdebian\b|\bfedora\b|\barch linux\b|\bcentos\b|\brhel\b|\blinux-x64\b|\bx86_64-linux-gnu\b|\blinux\b/giu },
  // "See 'docker run --help'." ends every docker CLI usage error, on any host: not a container.
  { platform: 'container', regex: /\bdocker run\b(?! --help)|\bdocker containers?\b|\bdockerfile\b|\bdevcontainer\b|\bin(?:side)? (?:a |the )?(?:docker )?container\b|\bkubernetes\b|\bkubectl\b|\bpodman\b|\/\.dockerenv\b/giu },
];

/** Platform facts in `text` (normalized), in order of appearance. */
export function platformFacts(text: string): PlatformFact[] {
  const facts: PlatformFact[] = [];
  for (const { platform, regex } of PLATFORM_SIGNALS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      facts.push({ platform, text: m[0], offset: m.index, negated: isNegated(text, m.index) });
      if (m[0].length === 0) regex.lastIndex++;
    }
  }
  return facts.sort((a, b) => a.offset - b.offset);
}

const VERSION = String.raw`v?\d{1,6}(?:\.\d{1,6}){0,3}(?:(?:[-+.]?(?:a|b|rc|alpha|beta|dev|post|pre)\.?\d{0,6})|(?:-[0-9a-z.]{1,30}))?`;

interface NameRule {
  product: string;
  regex: RegExp;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * One regex per product: its name, a separator people use (`==`, `@`, ` v`, `: `,
 * `": "^`, ` version `), then a version. A name inside a longer word does not count.
 */
const NAME_RULES: NameRule[] = Object.entries(PRODUCTS).map(([product, { names }]) => {
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
  const separator = String.raw`(?:"?\s{0,3}:\s{0,3}"?|\s{0,3}(?:==|>=|~=|@|=)\s{0,3}|\s{1,3}(?:version\s{1,3}|ver\.?\s{0,3}|v(?=\d))?|-(?=\d)|\s{0,3}\(\s{0,3})`;
  const regex = new RegExp(String.raw`(?<![\w@/.-])(?:${alternatives})${separator}[\^~]?(${VERSION})(?![\w.]*[a-z]{3})`, 'giu');
  return { product, regex };
});

/**
 * `(node:52114) ExperimentalWarning: …`: Node prints its process id there, not a version.
 * (`node:18-alpine`, a Docker image tag, stays a version: no parentheses around it.)
 */
function isProcessTag(text: string, offset: number, match: string): boolean {
  return text[offset - 1] === '(' && /^[\w.-]+:\d+$/u.test(match) && text[offset + match.length] === ')';
}

/** `2.0.12 (Claude Code)`: what `claude --version` prints, version first. */
const VERSION_FIRST = new RegExp(String.raw`(?<![\w.])(${VERSION}) \((claude code)\)`, 'giu');
/** `lib/python3.12/site-packages`: an interpreter's version in its own paths. */
const PYTHON_IN_PATH = /\/python(3\.\d{1,2})\/(?:site|dist)-packages\//giu;

/** Versions of known products (or of one, `only`) named in `text` (normalized), in order of appearance. */
export function versionFacts(text: string, only?: string): VersionFact[] {
  const facts: VersionFact[] = [];
  for (const { product, regex } of NAME_RULES) {
    if (only !== undefined && product !== only) continue;
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (isProcessTag(text, m.index, m[0])) continue;
      facts.push({ product, version: cleanVersion(m[1]), text: m[0], offset: m.index, negated: isNegated(text, m.index) });
    }
  }
  if (only === undefined || only === 'claude-code') {
    VERSION_FIRST.lastIndex = 0;
    for (let m = VERSION_FIRST.exec(text); m; m = VERSION_FIRST.exec(text)) {
      facts.push({ product: 'claude-code', version: cleanVersion(m[1]), text: m[0], offset: m.index, negated: false });
    }
  }
  if (only === undefined || only === 'python') {
    PYTHON_IN_PATH.lastIndex = 0;
    for (let m = PYTHON_IN_PATH.exec(text); m; m = PYTHON_IN_PATH.exec(text)) {
      facts.push({ product: 'python', version: m[1], text: m[0], offset: m.index, negated: false });
    }
  }
  return facts.sort((a, b) => a.offset - b.offset);
}

const NEGATION = /(?:\b(?:not|no longer|instead of|rather than|never|without|isn't|aren't|wasn't|weren't|doesn't|don't|didn't|can't|cannot|won't|nor|unlike)\b|不是|并非|而不是|没有|不在)/giu;
/** A negation reaches forward to the end of its clause, at most this far. */
const NEGATION_REACH = 48;

/**
 * Whether the mention at `offset` is under a negation in its own clause: "not `spawn npx
 * ENOENT`", "it isn't Windows". A colon, a full stop or a line break ends a clause, so
 * log lines such as `Error: not connected: spawn uv ENOENT` are not read as negated.
 */
export function isNegated(text: string, offset: number): boolean {
  const from = Math.max(0, offset - NEGATION_REACH);
  let clauseStart = from;
  for (let i = offset - 1; i >= from; i--) {
    const ch = text.charCodeAt(i);
    // \n . ; : ! ? , and the CJK full stop and comma end a clause.
    if (ch === 10 || ch === 46 || ch === 59 || ch === 58 || ch === 33 || ch === 63 || ch === 44 || ch === 0x3002 || ch === 0xff0c) {
      clauseStart = i + 1;
      break;
    }
  }
  const clause = text.slice(clauseStart, offset);
  NEGATION.lastIndex = 0;
  return NEGATION.test(clause);
}

/**
 * A line that introduces the inner error of the error around it: Node's `[cause]:` (or
 * `cause:` in older Node) at the start of a line, after an optional log prefix such as
 * docker compose's `service  | `; `Caused by:` anywhere (uv and Rust print it inline).
 */
const INNER_MARKER = /^(?:[\w.-]{1,60}\s{1,20}\|)?[ \t>]{0,40}(?:\{ )?(?:\[cause\]:|cause:|error: caused by:|root cause:)|caused by:/iu;
/** Python's chained exception separators: the inner error is the last line before them. */
const PY_CHAIN = /^(?:the above exception was the direct cause of the following exception:|during handling of the above exception, another exception occurred:)\s*$/iu;
/** Lines an inner error may span after its marker (its frames, `code: 'ENOTFOUND'`, `errno: -3008`). */
const INNER_FOLLOW_LINES = 6;

/**
 * The ranges of `text` (normalized) that hold the inner error of an error: Node's
 * `[cause]: Error: …` with the lines of its object, Java/Rust `Caused by: …`, and the
 * last line of a Python traceback chained with "The above exception was the direct cause".
 */
export function innerCauseRanges(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let lineStart = 0;
  let previous: { start: number; end: number } | undefined;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const marker = INNER_MARKER.exec(line);
    if (marker) {
      let end = lineEnd;
      for (let k = 0; k < INNER_FOLLOW_LINES && end < text.length; k++) {
        const nextEnd = text.indexOf('\n', end + 1);
        const next = text.slice(end + 1, nextEnd < 0 ? text.length : nextEnd);
        // Normalization removed indentation: the inner error's lines run to a blank line or a
        // closing brace (Node's error object), or to the next marker.
        if (/^(?:[\w.-]{1,60}\s{1,20}\|)?\s*(?:\}\s*)?$/.test(next) || INNER_MARKER.test(next)) break;
        end = nextEnd < 0 ? text.length : nextEnd;
      }
      ranges.push({ start: lineStart + marker.index, end });
    } else if (PY_CHAIN.test(line.trim()) && previous) {
      ranges.push(previous);
    }
    if (line.trim() !== '') previous = { start: lineStart, end: lineEnd };
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return ranges;
}
