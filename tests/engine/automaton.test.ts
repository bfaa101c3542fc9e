import { describe, expect, it } from 'vitest';
import { buildAutomaton, CASED_RANGES, foldCode } from '../../src/engine/automaton';

const hits = (anchors: string[], text: string) => {
  const found: Array<[number, number]> = [];
  buildAutomaton(anchors).scan(text, (anchor, end) => found.push([anchor, end]));
  return found;
};

describe('the anchor automaton', () => {
  it('visits every character that folds to another: CASED_RANGES holds all of them', () => {
    const outside: string[] = [];
    for (let code = 0x80; code < 0x10000; code++) {
      if (foldCode(code) !== code && !CASED_RANGES.some(([from, to]) => code >= from && code <= to)) outside.push(code.toString(16));
    }
    expect(outside).toEqual([]);
  });

  it('matches anchors whatever the case, in Latin, Greek, Cyrillic and full-width text', () => {
    expect(hits(['connection closed'], 'MCP: CONNECTION\nClosed')).toEqual([[0, 22]]);
    expect(hits(['σφάλμα'], 'ΣΦΆΛΜΑ')).toEqual([[0, 6]]);
    expect(hits(['ошибка'], 'Ошибка: ОШИБКА')).toEqual([[0, 6], [0, 14]]);
    expect(hits(['ｅｒｒ'], 'ＥＲＲ')).toEqual([[0, 3]]);
    // The Kelvin sign lower-cases to an ASCII k.
    expect(hits(['ok'], 'O\u212a')).toEqual([[0, 2]]);
  });

  it('reports overlapping anchors, each where it ends', () => {
    expect(hits(['error', 'mcp error -32000'], 'MCP error -32000')).toEqual([[0, 9], [1, 16]]);
  });
});
