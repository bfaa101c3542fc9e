/**
 * The data the engine works on. The knowledge compiler produces these from
 * `knowledge/*.md`; the engine never reads files itself.
 */

export type PatternSpec =
  | { kind: 'text'; text: string }
  | { kind: 'regex'; regex: string; anchor: string };

export type Likelihood = 'common' | 'occasional' | 'rare';

/**
 * A cue: text near the error (`pattern`) or another knowledge entry found near it
 * (`entry`). Exactly one of the two is set.
 */
export interface CueSpec {
  pattern?: PatternSpec;
  entry?: string;
  /** -5..5; negative weights are evidence against the cause. */
  weight: number;
}

/** Where a process runs, as far as a page can tell. */
export type Platform = 'windows' | 'macos' | 'linux' | 'wsl' | 'container';
export const PLATFORMS: readonly Platform[] = ['windows', 'macos', 'linux', 'wsl', 'container'];

/** `mcp >=1.26.0 <1.28.0`: a product of the versioned vocabulary and a range in its ecosystem's syntax. */
export interface VersionRange {
  product: string;
  range: string;
}

/**
 * What the context around a match must or may hold for an entry to claim it. Several
 * entries may match the same words ("You exceeded your current quota"); context picks.
 */
export interface ClaimContext {
  /** Evidence that this entry is the one (a tool's name, a host, a code beside the text). */
  prefer: CueSpec[];
  /** Evidence that the text belongs to another product: the entry does not claim it. */
  avoid: PatternSpec[];
  /** For generic sentences: the entry claims the text only when one of these is near. */
  require: PatternSpec[];
}

/** What ranking needs of a cause (background and CLI; the content script gets none of it). */
export interface CauseSignature {
  id: string;
  title: string;
  title_zh?: string;
  /** A few words for the badge (≤ 40 characters). */
  label?: string;
  label_zh?: string;
  likelihood: Likelihood;
  cues: CueSpec[];
  /** The platforms this cause happens on; another platform in the block counts against it. */
  platform?: Platform[];
  /** Versions this cause affects, as ranges; a version outside them counts against. */
  affectedRanges?: VersionRange[];
  /** The first fixed version per product; a version at or above it counts against. */
  fixedIn?: VersionRange[];
}

/** What matching and ranking need of an entry. */
export interface SignatureSpec {
  id: string;
  title: string;
  title_zh?: string;
  patterns: PatternSpec[];
  causes: CauseSignature[];
  obsolete?: string;
  context?: ClaimContext;
}

/** A cause with everything the diagnosis page shows. */
/** How well a cause is supported: by a maintainer, a merged fix or official docs; by users only; or not readable. */
export type Support = 'confirmed' | 'reported' | 'unverified';

export interface Cause extends CauseSignature {
  mechanism: string;
  mechanism_zh?: string;
  affected?: string;
  fixed?: string;
  fix: string[];
  fix_zh?: string[];
  verify: string;
  verify_zh?: string;
  sources: string[];
  support?: Support;
}

/** A full knowledge entry. */
export interface Entry extends SignatureSpec {
  summary: string;
  summary_zh?: string;
  /** The day the entry's sources were last read (YYYY-MM-DD). */
  checked?: string;
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

/** Where evidence was found, nearest first: the error's own inner-cause lines, its block, the thread title, its comment, the rest of the page. */
export type CueLocation = 'inner' | 'block' | 'title' | 'comment' | 'page';

export type EvidenceKind = 'cue' | 'error' | 'platform' | 'version';

/** One piece of evidence for (weight > 0) or against (weight < 0) a cause. */
export interface FiredCue {
  kind: EvidenceKind;
  /** What the knowledge states: the cue pattern, the entry id, `windows`, `mcp >=1.26.0 <1.28.0`. */
  cue: string;
  /** The text it found. */
  text: string;
  where: CueLocation;
  /** The stated weight (sign: for or against); the score multiplies it by the location's factor. */
  weight: number;
}

/** How much the page says for a cause: `none` means no evidence, so only how common it is orders it. */
export type Confidence = 'strong' | 'some' | 'none';

export interface RankedCause {
  id: string;
  title: string;
  title_zh?: string;
  label?: string;
  label_zh?: string;
  score: number;
  confidence: Confidence;
  /** Evidence for and against, nearest first. */
  cues: FiredCue[];
}

export interface Diagnosis extends Match {
  title: string;
  title_zh?: string;
  causes: RankedCause[];
}
