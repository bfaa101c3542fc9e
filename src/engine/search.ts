/**
 * Fuzzy search over the knowledge base (fuse.js). The index is built at build time and
 * shipped as JSON, so the popup only parses it.
 */
import Fuse, { type FuseIndex, type FuseResultMatch } from 'fuse.js';
import { createCjkSearch, hasHan, type CjkHit } from './search-cjk';
import { createPrefilter } from './search-prefilter';
import type { Entry } from './types';

export interface SearchDoc {
  id: string;
  title: string;
  title_zh?: string;
  summary: string;
  tools: string[];
  /** The match patterns, one per line. */
  signature: string;
  /** Cause titles, one per line. */
  causes: string;
  /** The Chinese ones, searched only by Chinese queries (search-cjk.ts). */
  causes_zh?: string;
  summary_zh?: string;
  topCause?: string;
  topCause_zh?: string;
}

export const SEARCH_KEYS = [
  { name: 'title', weight: 3 },
  { name: 'signature', weight: 3 },
  { name: 'title_zh', weight: 2 },
  { name: 'id', weight: 1 },
  { name: 'tools', weight: 1 },
  { name: 'causes', weight: 1 },
  { name: 'summary', weight: 0.5 },
];

export const FUSE_OPTIONS = {
  keys: SEARCH_KEYS,
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  minMatchCharLength: 2,
} as const;

export function toSearchDoc(entry: Entry): SearchDoc {
  return {
    id: entry.id,
    title: entry.title,
    ...(entry.title_zh ? { title_zh: entry.title_zh } : {}),
    summary: entry.summary,
    tools: entry.tools,
    signature: entry.patterns.map((p) => (p.kind === 'text' ? p.text : p.anchor)).join('\n'),
    causes: entry.causes.map((c) => c.title).join('\n'),
    ...(entry.causes.some((c) => c.title_zh) ? { causes_zh: entry.causes.map((c) => c.title_zh ?? '').join('\n') } : {}),
    ...(entry.summary_zh ? { summary_zh: entry.summary_zh } : {}),
    ...(entry.causes[0] ? { topCause: entry.causes[0].title } : {}),
    ...(entry.causes[0]?.title_zh ? { topCause_zh: entry.causes[0].title_zh } : {}),
  };
}

export function buildSearchIndex(docs: SearchDoc[]): unknown {
  return Fuse.createIndex(SEARCH_KEYS, docs).toJSON();
}

export interface SearchHit {
  doc: SearchDoc;
  score: number;
  matches: readonly FuseResultMatch[];
}

export interface Searcher {
  search(query: string, limit?: number): SearchHit[];
}

/** Words of a query scored one by one (beyond these, the rest only counts in the phrase). */
const MAX_WORDS = 5;
/** What an entry holding every word of a query scores (0 is perfect), halved when all are in its title. */
const WORDS_SCORE = 0.3;

/** Fuse scores at most this many prefiltered documents per keystroke. */
export const FUSE_CANDIDATES = 120;

interface IndexJson {
  keys: unknown;
  records: Array<{ i: number } & Record<string, unknown>>;
}

const docText = (d: SearchDoc) => [d.title, d.signature, d.title_zh ?? '', d.id, d.tools.join(' '), d.causes, d.summary].join('\n');

/**
 * Creates a searcher from docs and, when given, their prebuilt index. Each search
 * prefilters by shared trigrams, then lets Fuse score and highlight the candidates,
 * reusing their records from the prebuilt index (no re-normalization per keystroke).
 * A query with a Chinese word takes its candidates from search-cjk.ts instead, since
 * Chinese words are not separated by spaces and trigrams across them rarely match.
 */
export function createSearcher(docs: SearchDoc[], index?: unknown): Searcher {
  const json = (index ?? Fuse.createIndex(SEARCH_KEYS, docs).toJSON()) as IndexJson;
  const recordOf = new Map(json.records.map((r) => [r.i, r]));
  const prefilter = createPrefilter(docs.map(docText));
  const lowered = docs.map((d) => docText(d).toLowerCase());
  const cjk = createCjkSearch(docs, WORDS_SCORE);
  return {
    search(query, limit = 20) {
      const q = query.trim().slice(0, 200);
      if (q.length === 0) return [];
      const chinese = hasHan(q) ? cjk.search(q, MAX_WORDS) : null;
      if (chinese) return mergeChinese(q, chinese, limit);
      const picked = prefilter.candidates(q, FUSE_CANDIDATES).filter((i) => recordOf.has(i));
      if (picked.length === 0) return [];
      const { subset, phrase } = searchPhrase(q, picked);
      const words = [...new Set(q.toLowerCase().split(/\s+/).filter((w) => w.length >= 2))].slice(0, MAX_WORDS);
      if (words.length < 2) return phrase.slice(0, limit).map(({ k: _k, ...hit }) => hit);
      // Several words: each may sit in another field ("rate limit gemini": title and tools).
      // An entry qualifies when every word occurs in it; more of them in its title ranks it
      // higher. Plain substring tests keep a keystroke within a frame (a Fuse pass per word did not).
      const best = new Map<number, SearchHit>();
      for (const hit of phrase) best.set(hit.k, { doc: hit.doc, score: hit.score, matches: hit.matches });
      picked.forEach((docIndex, k) => {
        const text = lowered[docIndex];
        if (!words.every((w) => text.includes(w))) return;
        const title = subset[k].title.toLowerCase();
        const inTitle = words.filter((w) => title.includes(w));
        const score = WORDS_SCORE - (WORDS_SCORE / 2) * (inTitle.length / words.length);
        const known = best.get(k);
        if (known && known.score <= score) return;
        const indices = inTitle.map((w): [number, number] => {
          const at = title.indexOf(w);
          return [at, at + w.length - 1];
        });
        best.set(k, { doc: subset[k], score, matches: indices.length ? [{ key: 'title', value: subset[k].title, indices }] : [] });
      });
      return [...best.values()].sort((a, b) => a.score - b.score).slice(0, limit);
    },
  };

  /** Fuse over the prefiltered documents, scoring the query as one phrase; `k` indexes `subset`. */
  function searchPhrase(q: string, picked: number[]) {
    const subset = picked.map((i) => docs[i]);
    const records = picked.map((i, k) => ({ ...recordOf.get(i), i: k }));
    const subIndex = Fuse.parseIndex<SearchDoc>({ keys: json.keys, records } as Parameters<typeof Fuse.parseIndex>[0]);
    const fuse = new Fuse(subset, FUSE_OPTIONS, subIndex as FuseIndex<SearchDoc>);
    const phrase = fuse.search(q).map((r) => ({ k: r.refIndex, doc: r.item, score: r.score ?? 1, matches: r.matches ?? [] }));
    return { subset, phrase };
  }

  /**
   * A query with Chinese in it: an entry qualifies when it holds every word (Han runs by
   * character pairs, see search-cjk.ts). Fuse still scores the query as a phrase, so an
   * exact title keeps its place and its highlight, but a bitap match alone does not
   * qualify: over two or three Chinese characters it tolerates almost any text.
   */
  function mergeChinese(q: string, found: CjkHit[], limit: number): SearchHit[] {
    if (found.length === 0) return [];
    const picked = prefilter.candidates(q, FUSE_CANDIDATES).filter((i) => recordOf.has(i));
    const phraseOf = new Map<number, SearchHit>();
    if (picked.length > 0) {
      for (const { k, ...hit } of searchPhrase(q, picked).phrase) phraseOf.set(picked[k], hit);
    }
    return found
      .map((hit): SearchHit => {
        const phrase = phraseOf.get(hit.index);
        return phrase && phrase.score <= hit.score ? phrase : { doc: docs[hit.index], score: hit.score, matches: hit.matches };
      })
      .sort((a, b) => a.score - b.score)
      .slice(0, limit);
  }
}
