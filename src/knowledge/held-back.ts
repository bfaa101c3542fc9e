/**
 * The held-back set: real pastes from threads that established a cause, collected by
 * someone who wrote no cues, and used only in aggregate. Nobody tunes the knowledge to
 * its individual records, so its figures say how ranking does on pastes it never saw.
 */
import type { Engine } from '../engine/diagnose';
import { parseJsonLines } from './json-lines';

export interface HeldBackRecord {
  id: string;
  url: string;
  title: string;
  block: string;
  comment?: string;
  entry: string;
  /** The entry's cause the thread established; null when it is none of the entry's causes. */
  cause: string | null;
}

export interface HeldBackFigures {
  records: number;
  recognized: number;
  /** Of the recognized records: the established cause ranked first. */
  topRight: number;
  /** Of the recognized records: the top cause had no evidence at all. */
  confidenceNone: number;
  /** Records whose established cause is none of the entry's causes. */
  unknownCause: number;
  /** Recognized records whose established cause is one of the entry's causes. */
  recognizedKnown: number;
}

const FIELDS = ['id', 'url', 'title', 'block', 'entry'] as const;

/** Parses the set; a broken line is reported by its number, never skipped silently. */
export function parseHeldBack(text: string, file: string): { records: HeldBackRecord[]; errors: string[] } {
  return parseJsonLines<HeldBackRecord>(text, file, (record) => {
    const missing = FIELDS.filter((f) => typeof record[f] !== 'string' || record[f] === '');
    if (missing.length > 0 || !(record.cause === null || typeof record.cause === 'string')) {
      return `needs string ${FIELDS.join(', ')} and a cause (string or null)`;
    }
    return null;
  });
}

export function scoreHeldBack(records: HeldBackRecord[], engine: Engine): HeldBackFigures {
  const figures: HeldBackFigures = { records: records.length, recognized: 0, topRight: 0, confidenceNone: 0, unknownCause: 0, recognizedKnown: 0 };
  for (const record of records) {
    if (record.cause === null) figures.unknownCause++;
    const diagnoses = engine.diagnoseBlock(record.block, { title: record.title, ...(record.comment ? { comment: record.comment } : {}) });
    const mine = diagnoses.find((d) => d.entryId === record.entry);
    if (!mine) continue;
    figures.recognized++;
    if (record.cause !== null) figures.recognizedKnown++;
    if (mine.causes[0]?.confidence === 'none') figures.confidenceNone++;
    if (record.cause !== null && mine.causes[0]?.id === record.cause) figures.topRight++;
  }
  return figures;
}
