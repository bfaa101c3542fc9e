/**
 * Aho–Corasick over all anchors at once, compiled to a dense DFA: one table lookup per
 * character whatever the number of anchors. Characters are folded (ASCII case, line
 * break = space) and mapped to a small alphabet of the characters anchors actually use;
 * every other character is class 0. States are numbered breadth-first so the shallow,
 * hot states sit together in memory.
 */

/** Case and line-break folding shared by anchors and scanned text. */
export function foldCode(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code === 0x0a) return 0x20;
  if (code < 0x80) return code;
  const lower = String.fromCharCode(code).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : code;
}

/**
 * The BMP blocks that hold every character whose lower case is one other character
 * (Latin, Greek, Cyrillic, Armenian, Georgian, Cherokee, letterlike symbols, Roman
 * numerals, circled letters, Glagolitic, Coptic, Latin Extended-C/D, full-width Latin).
 * tests/engine/automaton.test.ts checks this against every BMP code point.
 */
export const CASED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00c0, 0x024f],
  [0x0370, 0x058f],
  [0x10a0, 0x10ff],
  [0x13a0, 0x13ff],
  [0x1c80, 0x1cbf],
  [0x1e00, 0x1fff],
  [0x2100, 0x218f],
  [0x24b0, 0x24ff],
  [0x2c00, 0x2cff],
  [0xa640, 0xa7ff],
  [0xff21, 0xff3a],
];

export interface AnchorHit {
  /** Index of the anchor in the list given to `buildAutomaton`. */
  anchor: number;
  /** Offset just after the anchor's last character. */
  end: number;
}

export interface Automaton {
  readonly stateCount: number;
  /** Calls `onHit` for every anchor occurrence, in text order. */
  scan(text: string, onHit: (anchor: number, end: number) => void): void;
}

export function buildAutomaton(anchors: readonly string[]): Automaton {
  return runSteps(buildAutomatonSteps(anchors));
}

/** Runs a step generator to its end (the synchronous form of a resumable build). */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** States filled between two pauses of a resumable build. */
const STATES_PER_STEP = 512;

/**
 * The automaton build as a generator that pauses between phases and every few hundred
 * states, so a content script can spread it over idle slices instead of one long task.
 */
export function* buildAutomatonSteps(anchors: readonly string[]): Generator<void, Automaton> {
  // Alphabet: class 0 is "any character no anchor uses".
  const classOf = new Uint16Array(0x10000);
  let classCount = 1;
  const classFor = (code: number): number => {
    const folded = foldCode(code);
    if (classOf[folded] === 0) classOf[folded] = classCount++;
    return classOf[folded];
  };
  const foldedAnchors = anchors.map((a) => {
    const classes: number[] = [];
    for (let i = 0; i < a.length; i++) classes.push(classFor(a.charCodeAt(i)));
    return classes;
  });
  // Every code point folds onto a representative; give it the representative's class.
  // Only ASCII capitals, the line break and the cased blocks fold to another character, so
  // only those are visited (the full 64K walk cost the content script ~10 ms at start-up).
  for (let code = 0x41; code <= 0x5a; code++) classOf[code] = classOf[code + 0x20];
  classOf[0x0a] = classOf[0x20];
  for (const [from, to] of CASED_RANGES) {
    for (let code = from; code <= to; code++) {
      const folded = foldCode(code);
      if (folded !== code) classOf[code] = classOf[folded];
    }
  }
  yield;

  // Trie with sparse transitions (child lists in typed arrays: this runs once per page
  // load, too briefly for the JIT, and Maps per node cost the content script ~20 ms), then
  // breadth-first renumbering into a dense table.
  let capacity = 1;
  for (const classes of foldedAnchors) capacity += classes.length;
  const firstChild = new Int32Array(capacity).fill(-1);
  const nextSibling = new Int32Array(capacity).fill(-1);
  const edgeClass = new Int32Array(capacity);
  const output: Array<number[] | undefined> = [];
  let nodeCount = 1;
  foldedAnchors.forEach((classes, index) => {
    if (classes.length === 0) return;
    let state = 0;
    for (const c of classes) {
      let next = firstChild[state];
      while (next >= 0 && edgeClass[next] !== c) next = nextSibling[next];
      if (next < 0) {
        next = nodeCount++;
        edgeClass[next] = c;
        nextSibling[next] = firstChild[state];
        firstChild[state] = next;
      }
      state = next;
    }
    (output[state] ??= []).push(index);
  });

  yield;
  const stateCount = nodeCount;
  const order = new Int32Array(stateCount); // new id -> old id
  const newId = new Int32Array(stateCount); // old id -> new id
  {
    let head = 0;
    let tail = 1;
    order[0] = 0;
    while (head < tail) {
      const old = order[head++];
      for (let child = firstChild[old]; child >= 0; child = nextSibling[child]) {
        newId[child] = tail;
        order[tail++] = child;
      }
    }
  }

  const table = new Int32Array(stateCount * classCount);
  const fail = new Int32Array(stateCount);
  // `matchLink[s]`: nearest state on s's fail chain (s included) that ends an anchor, or -1.
  const matchLink = new Int32Array(stateCount).fill(-1);
  const NO_OUTPUT: number[] = [];
  const outputs: number[][] = new Array(stateCount);
  for (let s = 0; s < stateCount; s++) outputs[s] = output[order[s]] ?? NO_OUTPUT;

  for (let s = 0; s < stateCount; s++) {
    if (s % STATES_PER_STEP === STATES_PER_STEP - 1) yield;
    const base = s * classCount;
    const f = fail[s];
    const fBase = f * classCount;
    if (s !== 0) {
      // Breadth-first order guarantees the fail state's row is already complete. A native
      // copy, for the same reason as above.
      table.copyWithin(base, fBase, fBase + classCount);
    }
    for (let childOld = firstChild[order[s]]; childOld >= 0; childOld = nextSibling[childOld]) {
      const c = edgeClass[childOld];
      const child = newId[childOld];
      table[base + c] = child;
      fail[child] = s === 0 ? 0 : table[fBase + c];
    }
    matchLink[s] = outputs[s].length > 0 ? s : s === 0 ? -1 : matchLink[f];
  }
  // The root's children had their fail set before their own rows were filled; the
  // breadth-first loop above visits them after the root, so the rows are consistent.

  return {
    stateCount,
    scan(text, onHit) {
      let state = 0;
      const n = text.length;
      for (let i = 0; i < n; i++) {
        state = table[state * classCount + classOf[text.charCodeAt(i)]];
        let m = matchLink[state];
        while (m >= 0) {
          const out = outputs[m];
          for (let k = 0; k < out.length; k++) onHit(out[k], i + 1);
          m = m === 0 ? -1 : matchLink[fail[m]];
        }
      }
    },
  };
}
