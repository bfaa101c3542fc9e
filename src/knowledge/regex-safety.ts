/**
 * Safety check for raw `regex:` patterns. Verifiers run on bounded windows, but a regex
 * with nested or unbounded repetition can still backtrack catastrophically inside one;
 * so raw regexes may only use bounded repetition, never nested, and no backreferences.
 */
export const MAX_REPEAT = 500;

/** Returns a problem description, or null when the regex is acceptable. */
export function checkRegexSafety(source: string, anchor: string): string | null {
  try {
    new RegExp(source, 'iu');
  } catch (error) {
    return `does not compile as a JavaScript regex with flags "iu": ${(error as Error).message}`;
  }
  // Each open group records whether it contains a quantifier.
  const groups: boolean[] = [];
  let lastAtomWasGroupWithQuantifier = false;
  let i = 0;
  const quantified = () => {
    if (groups.length > 0) groups[groups.length - 1] = true;
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed';
      i += next === 'u' && source[i + 2] === '{' ? source.indexOf('}', i) + 1 - i : 2;
      lastAtomWasGroupWithQuantifier = false;
      continue;
    }
    if (ch === '[') {
      // Skip the class; quantifier characters inside are literal.
      i++;
      while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      i++;
      lastAtomWasGroupWithQuantifier = false;
      continue;
    }
    if (ch === '(') {
      groups.push(false);
      i++;
      if (source[i] === '?') {
        // (?: (?= (?! (?<= (?<! (?<name>
        i++;
        if (source[i] === '<' && source[i + 1] !== '=' && source[i + 1] !== '!') i = source.indexOf('>', i) + 1;
        else i++;
      }
      lastAtomWasGroupWithQuantifier = false;
      continue;
    }
    if (ch === ')') {
      const inner = groups.pop() ?? false;
      lastAtomWasGroupWithQuantifier = inner;
      if (inner) quantified();
      i++;
      continue;
    }
    if (ch === '*' || ch === '+') {
      return `unbounded "${ch}" at character ${i + 1}; use a bounded repeat such as {0,200} or {1,200}`;
    }
    if (ch === '?') {
      // Optional (0 or 1) cannot multiply paths, and a lazy marker after a quantifier is harmless.
      quantified();
      i++;
      continue;
    }
    if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (m) {
        if (m[2] !== undefined && m[3] === '') {
          return `unbounded "${m[0]}" at character ${i + 1}; give an upper bound, e.g. {${m[1]},200}`;
        }
        const upper = Number(m[3] ?? m[1]);
        if (upper > MAX_REPEAT) return `repeat "${m[0]}" exceeds ${MAX_REPEAT}`;
        if (lastAtomWasGroupWithQuantifier) return `nested repetition at character ${i + 1}: a repeated group contains a repeat`;
        quantified();
        i += m[0].length;
        continue;
      }
    }
    lastAtomWasGroupWithQuantifier = false;
    i++;
  }
  if (anchor.trim().length < 4) return 'anchor must be a literal of at least 4 characters';
  return null;
}
