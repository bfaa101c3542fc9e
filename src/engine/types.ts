/**
 * The data the engine works on. The knowledge compiler produces these from
 * `knowledge/*.md`; the engine never reads files itself.
 */

export type PatternSpec =
  | { kind: 'text'; text: string }
  | { kind: 'regex'; regex: string; anchor: string };

export type Likelihood = 'common' | 'occasional' | 'rare';

export interface CueSpec {
  pattern: PatternSpec;
  /** -5..5; negative weights are evidence against the cause. */
  weight: number;
}

/** What matching and ranking need of a cause: small enough for the content script. */
export interface CauseSignature {
  id: string;
  title: string;
  title_zh?: string;
  likelihood: Likelihood;
  cues: CueSpec[];
}

/** What matching and ranking need of an entry. */
export interface SignatureSpec {
  id: string;
  title: string;
  title_zh?: string;
  patterns: PatternSpec[];
  causes: CauseSignature[];
  obsolete?: string;
}

/** A cause with everything the diagnosis page shows. */
export interface Cause extends CauseSignature {
  mechanism: string;
  affected?: string;
  fixed?: string;
  fix: string[];
  verify: string;
  sources: string[];
}

/** A full knowledge entry. */
export interface Entry extends SignatureSpec {
  summary: string;
  summary_zh?: string;
  tools: string[];
  category: string;
  related: string[];
  overlaps: string[];
  causes: Cause[];
  /** Markdown body: the longer explanation. */
  body: string;
  /** Source file, relative to the repository root. */
  file: string;
}

/** A signature found in a text, with offsets into the original (not normalized) text. */
export interface Match {
  entryId: string;
  start: number;
  end: number;
  /** The original text of the match. */
  text: string;
}

export type CueLocation = 'block' | 'comment' | 'page';

export interface FiredCue {
  /** The cue pattern as written in the knowledge entry. */
  cue: string;
  /** The text it found. */
  text: string;
  where: CueLocation;
  weight: number;
}

export interface RankedCause {
  id: string;
  title: string;
  title_zh?: string;
  score: number;
  cues: FiredCue[];
}

export interface Diagnosis extends Match {
  title: string;
  title_zh?: string;
  causes: RankedCause[];
}
