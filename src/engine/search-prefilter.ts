/**
 * A trigram prefilter for fuzzy search. Fuse scores every document on every keystroke
 * (bitap over each key), which at 2,000 entries costs several frames. Documents that
 * share no three-character run with the query can hardly be what was typed, so Fuse
 * only scores the documents sharing the most trigrams with it. A typo breaks only the
 * trigrams around it ("conection" keeps "con", "nec", "ect", "cti", "tio", "ion").
 */

/** The first characters of each document (title, signature, id, tools come first) are enough to find it; long summaries would only add noise and build time. */
const MAX_TEXT = 600;

export function trigrams(text: string): Set<string> {
  const grams = new Set<string>();
  const lower = text.toLowerCase();
  for (const word of lower.split(/[\s,;:()[\]{}"'`]+/)) {
    if (word.length === 0) continue;
    // Short words (and CJK pairs, which carry a word in two characters) count whole.
    if (word.length < 3) grams.add(word);
    for (let k = 0; k + 3 <= word.length; k++) grams.add(word.slice(k, k + 3));
  }
  return grams;
}

export interface Prefilter {
  /** Indices of the documents most likely to match `query`, best first (at most `max`). */
  candidates(query: string, max: number): number[];
}

export function createPrefilter(texts: readonly string[]): Prefilter {
  const postings = new Map<string, number[]>();
  texts.forEach((text, doc) => {
    for (const gram of trigrams(text.slice(0, MAX_TEXT))) {
      let list = postings.get(gram);
      if (!list) postings.set(gram, (list = []));
      list.push(doc);
    }
  });
  const counts = new Uint16Array(texts.length);
  return {
    candidates(query, max) {
      counts.fill(0);
      const touched: number[] = [];
      for (const gram of trigrams(query)) {
        for (const doc of postings.get(gram) ?? []) {
          if (counts[doc] === 0) touched.push(doc);
          counts[doc] += 1;
        }
      }
      touched.sort((a, b) => counts[b] - counts[a] || a - b);
      return touched.slice(0, max);
    },
  };
}
