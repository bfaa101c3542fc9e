/**
 * Chinese words for the search (issue 13). Chinese has no spaces, so the English rule (each
 * word of the query occurs in the entry) would need a title typed exactly: 连接关闭 found
 * nothing, because the entry says 连接已关闭. Each run of Han characters is cut into
 * overlapping character pairs instead (连接关闭 → 连接 接关 关闭) and a run counts as found
 * when at least half of its pairs are in the entry; the pairs that straddle two words
 * (接关) are the ones that miss when a word is added or moved.
 *
 * Pairs rather than Intl.Segmenter: most Chinese words are two characters, pairs need no
 * dictionary, and the result is the same in every browser and in Node (Segmenter cuts by
 * the runtime's ICU data, which differs between Chrome, Firefox and Node builds, so a
 * test could pass here and the popup cut differently).
 */
import type { FuseResultMatch } from 'fuse.js';
import type { SearchDoc } from './search';

/** CJK ideographs (the unified block, extension A, compatibility), as UTF-16 units. */
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const HAS_HAN = new RegExp(`[${HAN}]`);
const HAN_SPLIT = new RegExp(`([${HAN}]+)`);
const isHanCode = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
/** Spaces, CJK punctuation (、。「」) and full-width punctuation (：（），) separate words. */
const SEPARATORS = /[\s\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]+/u;

/**
 * Terms the knowledge translates more than one way: a query with one also finds the
 * others. "rate limit" is 速率限制 in some entries and 限流 in others, and the pairs of
 * the one share nothing with the other.
 */
const SYNONYMS: readonly (readonly string[])[] = [['速率限制', '限流', '限速', '频率限制']];

/** Whether the query holds Chinese, which the Chinese rules then handle. */
export const hasHan = (text: string) => HAS_HAN.test(text);

/** A pair of characters as one number: building the index allocates no strings. */
const pairKey = (text: string, k: number) => text.charCodeAt(k) * 0x10000 + text.charCodeAt(k + 1);
const pairText = (key: number) => String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000);

/** Calls `add` with each pair of adjacent Han characters in `text`. */
function eachPair(text: string, add: (key: number) => void) {
  let previous = false;
  for (let k = 0; k < text.length; k++) {
    const han = isHanCode(text.charCodeAt(k));
    if (han && previous) add(pairKey(text, k - 1));
    previous = han;
  }
}

function pairs(run: string): number[] {
  const out = new Set<number>();
  eachPair(run, (key) => out.add(key));
  return [...out];
}

/** A way of writing a Han term: its pairs, and a pattern for its characters in order with at most one between each. */
interface Way {
  pairs: number[];
  near: RegExp;
}
type Term = { kind: 'text'; text: string } | { kind: 'han'; ways: Way[] };
interface Found {
  /** Shares of the way's pairs in the entry and in its titles. */
  inDoc: number;
  titleShare: number;
  inTitle: number[];
  /** Whether a title holds the term's characters in order, close together (连接已关闭 for 连接关闭). */
  near: boolean;
}

/** The query's words: Latin pieces (found as substrings, as in English) and Han runs (as pairs). */
export function parseTerms(query: string, max: number): Term[] {
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const word of query.toLowerCase().split(SEPARATORS)) {
    // "gemini配额" is two words: split where the script changes.
    for (const piece of word.split(HAN_SPLIT)) {
      if (piece.length < 2 || seen.has(piece)) continue;
      seen.add(piece);
      if (!hasHan(piece)) {
        terms.push({ kind: 'text', text: piece });
        continue;
      }
      const runs = new Set([piece]);
      for (const group of SYNONYMS) {
        for (const term of group.filter((t) => piece.includes(t))) for (const other of group) runs.add(piece.replace(term, other));
      }
      terms.push({ kind: 'han', ways: [...runs].map((run) => ({ pairs: pairs(run), near: new RegExp([...run].join('.?')) })) });
    }
  }
  return terms.slice(0, max);
}

export interface CjkHit {
  /** The document's position in the searcher's docs. */
  index: number;
  score: number;
  matches: FuseResultMatch[];
}

const allText = (d: SearchDoc) =>
  [d.title, d.signature, d.title_zh ?? '', d.id, d.tools.join(' '), d.causes, d.causes_zh ?? '', d.summary, d.summary_zh ?? ''].join('\n');

/** Inclusive [start, end] ranges of each needle's first occurrence in `text`, merged. */
function rangesIn(text: string, needles: readonly string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const found = needles
    .map((n): [number, number] => [lower.indexOf(n), lower.indexOf(n) + n.length - 1])
    .filter(([start]) => start >= 0)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * Finds the documents holding every term of a query with Chinese in it. `wordsScore` is
 * what the English word search gives an entry holding every word; a Chinese hit scores
 * the same, halved as much of it is in a title, plus up to 0.1 for pairs it lacks and
 * 0.05 when no title holds the Chinese words in order.
 */
export function createCjkSearch(docs: readonly SearchDoc[], wordsScore: number) {
  // Built on the first Chinese query: English searches never pay for it.
  let built: { postings: Map<number, number[]>; titles: Set<number>[]; titleTexts: string[] } | undefined;
  const build = () => {
    const postings = new Map<number, number[]>();
    const titles: Set<number>[] = [];
    docs.forEach((doc, i) => {
      const title = new Set<number>();
      eachPair(`${doc.title}\n${doc.title_zh ?? ''}`, (key) => title.add(key));
      titles.push(title);
      // Only fields that may hold Chinese: the English causes and summary are the bulk of the text.
      eachPair(`${doc.title}\n${doc.title_zh ?? ''}\n${doc.signature}\n${doc.causes_zh ?? ''}\n${doc.summary_zh ?? ''}`, (key) => {
        const list = postings.get(key);
        if (!list) postings.set(key, [i]);
        else if (list[list.length - 1] !== i) list.push(i); // documents come in order: no duplicates
      });
    });
    const titleTexts = docs.map((doc) => `${doc.title}\n${doc.title_zh ?? ''}`.toLowerCase());
    return { postings, titles, titleTexts };
  };
  // Lowercased on demand: only documents that hold the Chinese words are tested for the Latin ones.
  const lowered = new Map<number, string>();
  const loweredText = (i: number) => {
    let text = lowered.get(i);
    if (text === undefined) lowered.set(i, (text = allText(docs[i]).toLowerCase()));
    return text;
  };

  return {
    /** Null when the query has no Chinese word of two characters or more: the English rules apply. */
    search(query: string, maxTerms: number): CjkHit[] | null {
      const terms = parseTerms(query, maxTerms);
      const han = terms.filter((t) => t.kind === 'han');
      if (han.length === 0) return null;
      built ??= build();
      const { postings, titles, titleTexts } = built;
      // Per document and Han term, the way of writing it (synonyms) that the entry holds best.
      const cover = new Map<number, Array<Found | undefined>>();
      han.forEach((term, t) => {
        for (const way of term.ways) {
          const counts = new Map<number, number>();
          for (const p of way.pairs) for (const i of postings.get(p) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
          for (const [i, n] of counts) {
            if (n < Math.ceil(way.pairs.length / 2)) continue;
            if (t > 0 && !cover.has(i)) continue; // a document must hold every term
            const found = cover.get(i) ?? [];
            if (t === 0) cover.set(i, found);
            const inTitle = way.pairs.filter((p) => titles[i].has(p));
            const next = { inDoc: n / way.pairs.length, inTitle, titleShare: inTitle.length / way.pairs.length, near: false };
            const known = found[t];
            if (known && (known.inDoc > next.inDoc || (known.inDoc === next.inDoc && known.titleShare >= next.titleShare))) continue;
            next.near = inTitle.length > 0 && way.near.test(titleTexts[i]);
            found[t] = next;
          }
        }
        for (const [i, found] of cover) if (!found[t]) cover.delete(i);
      });
      const texts = terms.flatMap((t) => (t.kind === 'text' ? [t.text] : []));
      const hits: CjkHit[] = [];
      for (const [i, found] of cover) {
        if (!texts.every((w) => loweredText(i).includes(w))) continue;
        const doc = docs[i];
        const hanFound = found as Found[];
        const sum = (f: (x: Found) => number) => hanFound.reduce((total, x) => total + f(x), 0);
        const textInTitle = texts.filter((w) => titleTexts[i].includes(w)).length;
        const titleShare = (sum((x) => x.titleShare) + textInTitle) / terms.length;
        const docShare = (sum((x) => x.inDoc) + texts.length) / terms.length;
        const nearShare = sum((x) => (x.near ? 1 : 0)) / hanFound.length;
        const score = wordsScore - (wordsScore / 2) * titleShare + 0.1 * (1 - docShare) + 0.05 * (1 - nearShare);
        const needles = [...hanFound.flatMap((x) => x.inTitle.map(pairText)), ...texts];
        const matches: FuseResultMatch[] = [];
        for (const key of ['title_zh', 'title'] as const) {
          const value = doc[key];
          const indices = value ? rangesIn(value, needles) : [];
          if (value && indices.length > 0) matches.push({ key, value, indices });
        }
        hits.push({ index: i, score, matches });
      }
      // Equal scores: the shorter title, which the query covers more of, first.
      const length = (i: number) => titleTexts[i].length;
      return hits.sort((a, b) => a.score - b.score || length(a.index) - length(b.index) || a.index - b.index);
    },
  };
}
