/**
 * Reading the stored custom signatures defensively. Storage can be damaged (a hand edit,
 * an old version's shape, a crash mid-write): whatever it holds, the bundled knowledge
 * keeps working, each usable custom entry keeps working, and the person's files are
 * never taken for empty, so the next change cannot overwrite them.
 */
import { compilePattern } from '../engine/pattern';
import type { Entry } from '../engine/types';
import type { CustomFile } from './custom-signatures';
import { isObject } from './messages';

const isStringList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The stored files that have a name and a text; the others are reported by the caller. */
export function storedCustomFiles(value: unknown): CustomFile[] {
  const files = isObject(value) && Array.isArray(value.files) ? value.files : [];
  return files.filter((f): f is CustomFile => isObject(f) && typeof f.name === 'string' && typeof f.text === 'string');
}

function isUsablePattern(p: unknown): boolean {
  if (!isObject(p)) return false;
  const ok = (p.kind === 'text' && typeof p.text === 'string') || (p.kind === 'regex' && typeof p.regex === 'string' && typeof p.anchor === 'string');
  if (!ok) return false;
  try {
    new RegExp(compilePattern(p as Parameters<typeof compilePattern>[0]).regex, 'iu');
    return true;
  } catch {
    return false;
  }
}

function isUsableCue(c: unknown): boolean {
  return isObject(c) && typeof c.weight === 'number' && (c.pattern === undefined || isUsablePattern(c.pattern)) && (c.entry === undefined || typeof c.entry === 'string');
}

/** Whether a stored entry has the shape the matcher, the ranker and the card read. */
export function isUsableEntry(e: unknown): e is Entry {
  if (!isObject(e) || typeof e.id !== 'string' || typeof e.title !== 'string') return false;
  if (!Array.isArray(e.patterns) || e.patterns.length === 0 || !e.patterns.every(isUsablePattern)) return false;
  if (!Array.isArray(e.causes) || e.causes.length === 0) return false;
  return e.causes.every(
    (c) =>
      isObject(c) &&
      typeof c.id === 'string' &&
      typeof c.title === 'string' &&
      isStringList(c.fix) &&
      isStringList(c.sources) &&
      (c.cues === undefined || (Array.isArray(c.cues) && c.cues.every(isUsableCue))),
  );
}

/** The usable stored entries; a damaged one is left out, never the whole set. */
export function storedCustomEntries(value: unknown): Entry[] {
  const entries = isObject(value) && Array.isArray(value.entries) ? value.entries : [];
  return entries.filter(isUsableEntry);
}
