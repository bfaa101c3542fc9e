/**
 * Parses one knowledge file (YAML front matter + Markdown body) into an Entry, checking
 * every field strictly. Problems are collected, not thrown, each with the line it is on.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { PLATFORMS, type Cause, type ClaimContext, type CueSpec, type Entry, type PatternSpec, type Platform, type VersionRange } from '../engine/types';
import { parseRangeSpec } from '../engine/versions';
import { compilePattern, PatternError } from '../engine/pattern';
import { checkVerificationBound } from './regex-bound';
import { checkRegexSafety } from './regex-safety';
import { CATEGORIES, isCategory, isToolSlug, LIKELIHOODS, worldOf } from './vocabulary';

export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.message}`;
}

/** Where an example or counterexample sits, for cross-entry checks. */
export interface Located<T> {
  value: T;
  line: number;
  field: string;
}

/**
 * A real paste from a thread that established a cause, with the context a page gives
 * around it. kb:check requires the engine to rank its cause first. Not shipped.
 */
export interface CauseExample {
  causeId: string;
  source: string;
  title: string;
  block: string;
  comment?: string;
  line: number;
  field: string;
}

export interface ParsedEntry {
  entry: Entry;
  causeExamples: CauseExample[];
  /** Causes that say `no_example:` (the searches tried found no report). */
  noExample: string[];
  examples: Located<string>[];
  counterexamples: Located<string>[];
  related: Located<string>[];
  overlaps: Located<string>[];
  /** Entry ids named by `entry:` cues, checked to exist across entries. */
  entryRefs: Located<string>[];
}

const ENTRY_FIELDS = [
  'title', 'title_zh', 'summary', 'summary_zh', 'tools', 'category', 'match', 'examples',
  'counterexamples', 'related', 'overlaps', 'obsolete', 'context', 'checked', 'causes',
] as const;
const SUPPORT = ['confirmed', 'reported', 'unverified'] as const;
/** A `checked` date: a real day, not in the future. */
function isCheckedDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value && day.getTime() <= Date.now() + 86_400_000;
}
const REQUIRED_ENTRY_FIELDS = ['title', 'summary', 'tools', 'category', 'match', 'examples', 'counterexamples', 'causes'];
const CAUSE_FIELDS = [
  'id', 'title', 'title_zh', 'label', 'label_zh', 'likelihood', 'platform', 'cues', 'mechanism', 'affected', 'fixed',
  'fix', 'verify', 'sources', 'examples', 'no_example', 'mechanism_zh', 'fix_zh', 'verify_zh', 'support',
] as const;
const EXAMPLE_FIELDS = ['source', 'title', 'block', 'comment'];
export const MAX_LABEL = 40;
export const MAX_LABEL_ZH = 32;
const MAX_EXAMPLE_COMMENT = 2000;
const REQUIRED_CAUSE_FIELDS = ['id', 'title', 'mechanism', 'fix', 'verify', 'sources'];

export const ID_SEGMENT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MIN_EXAMPLES = 2;
const MAX_TITLE = 120;
const MAX_SUMMARY = 400;

/** Entry id from a path relative to `knowledge/`: `mcp/connection-closed.md` → `mcp/connection-closed`. */
export function idFromPath(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/\.md$/, '');
}

export interface ParseOptions {
  /**
   * The bundled knowledge's rules on top of the format: the entry and every cause read in
   * both languages (title, summary, label, mechanism, fix, verify), and every cause of a
   * multi-cause entry has examples or `no_example`.
   * A person's own signatures need not.
   */
  bundled?: boolean;
}

export function parseEntry(file: string, id: string, source: string, options: ParseOptions = {}): { parsed?: ParsedEntry; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (line: number, field: string, message: string) => problems.push({ file, line, field, message });

  if (options.bundled && id.includes('/') && worldOf(id) === undefined) {
    report(1, 'id', `folder "${id.split('/')[0]}" is not declared in FOLDERS (src/knowledge/vocabulary.ts): say whether it is AI tools or everyday`);
  }
  for (const segment of id.split('/')) {
    if (!ID_SEGMENT.test(segment)) {
      report(1, 'id', `"${id}" is not a valid id: folders and file names must be kebab-case ([a-z0-9-])`);
      break;
    }
  }

  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.startsWith('---\n')) {
    report(1, 'front matter', 'the file must start with a "---" line and YAML front matter');
    return { problems };
  }
  const close = text.indexOf('\n---', 3);
  const closeLineEnd = close < 0 ? -1 : text.indexOf('\n', close + 4);
  if (close < 0 || (closeLineEnd >= 0 && text.slice(close + 4, closeLineEnd).trim() !== '')) {
    report(1, 'front matter', 'no closing "---" line after the front matter');
    return { problems };
  }
  const yamlText = text.slice(4, close + 1);
  const body = closeLineEnd < 0 ? '' : text.slice(closeLineEnd + 1).trim();
  const lineOffset = 1; // the front matter starts on line 2

  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined): number => {
    const range = node?.range;
    return range ? counter.linePos(range[0]).line + lineOffset : lineOffset + 1;
  };
  for (const error of doc.errors) {
    report(counter.linePos(error.pos[0]).line + lineOffset, 'yaml', error.message.split('\n')[0]);
  }
  if (doc.errors.length > 0) return { problems };
  const root = doc.contents;
  if (!isMap(root)) {
    report(lineOffset + 1, 'front matter', 'must be a YAML mapping of fields');
    return { problems };
  }

  const fields = new Map<string, Pair>();
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(ENTRY_FIELDS as readonly string[]).includes(key)) {
      report(lineOf(pair.key as Node), key || 'field', `unknown field; allowed: ${ENTRY_FIELDS.join(', ')}`);
      continue;
    }
    fields.set(key, pair);
  }
  for (const required of REQUIRED_ENTRY_FIELDS) {
    if (!fields.has(required)) report(lineOffset + 1, required, 'missing required field');
  }

  const valueNode = (field: string) => fields.get(field)?.value as Node | null | undefined;
  const lineOfField = (field: string) => lineOf((fields.get(field)?.value as Node | null) ?? (fields.get(field)?.key as Node));

  const readString = (node: Node | null | undefined, field: string, max?: number): string | undefined => {
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      report(lineOf(node), field, 'must be a non-empty string');
      return undefined;
    }
    const value = node.value.trim();
    if (max && value.length > max) report(lineOf(node), field, `is ${value.length} characters; at most ${max}`);
    return value;
  };
  const readStringList = (node: Node | null | undefined, field: string, min: number): Located<string>[] => {
    if (node === undefined) return [];
    if (!isSeq(node)) {
      report(lineOf(node), field, 'must be a list');
      return [];
    }
    const out: Located<string>[] = [];
    node.items.forEach((item, k) => {
      const value = readString(item as Node, `${field}[${k}]`);
      if (value !== undefined) out.push({ value, line: lineOf(item as Node), field: `${field}[${k}]` });
    });
    if (node.items.length < min) report(lineOf(node), field, `needs at least ${min} item${min === 1 ? '' : 's'}`);
    return out;
  };

  const readPattern = (node: Node, field: string): PatternSpec | undefined => {
    let spec: PatternSpec | undefined;
    if (isScalar(node) && typeof node.value === 'string') {
      spec = { kind: 'text', text: node.value };
    } else if (isMap(node)) {
      const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
      const unknown = keys.filter((k) => k !== 'regex' && k !== 'anchor');
      if (unknown.length > 0 || !keys.includes('regex') || !keys.includes('anchor')) {
        report(lineOf(node), field, 'a raw pattern is a mapping with exactly "regex" and "anchor"');
        return undefined;
      }
      const regex = readString(node.get('regex', true) as Node, `${field}.regex`);
      const anchor = readString(node.get('anchor', true) as Node, `${field}.anchor`);
      if (regex === undefined || anchor === undefined) return undefined;
      const safety = checkRegexSafety(regex, anchor);
      if (safety) {
        report(lineOf(node), `${field}.regex`, safety);
        return undefined;
      }
      spec = { kind: 'regex', regex, anchor };
    } else {
      report(lineOf(node), field, 'must be a pattern string, or a mapping with "regex" and "anchor"');
      return undefined;
    }
    try {
      const compiled = compilePattern(spec);
      new RegExp(compiled.regex, 'iu');
      // Bundled or imported, no pattern may let a page's text make its verifier run long.
      const bound = checkVerificationBound(compiled);
      if (bound) {
        report(lineOf(node), spec.kind === 'regex' ? `${field}.regex` : field, bound);
        return undefined;
      }
    } catch (error) {
      report(lineOf(node), field, error instanceof PatternError ? error.message : `does not compile: ${(error as Error).message}`);
      return undefined;
    }
    return spec;
  };

  const title = readString(valueNode('title'), 'title', MAX_TITLE);
  const title_zh = readString(valueNode('title_zh'), 'title_zh', MAX_TITLE);
  const summary = readString(valueNode('summary'), 'summary', MAX_SUMMARY);
  const summary_zh = readString(valueNode('summary_zh'), 'summary_zh', MAX_SUMMARY);
  const obsolete = readString(valueNode('obsolete'), 'obsolete');
  // The YAML 1.2 core schema keeps an unquoted 2026-12-01 a string, so one check serves both spellings.
  let checked = readString(valueNode('checked'), 'checked');
  if (checked !== undefined && !isCheckedDate(checked)) {
    report(lineOfField('checked'), 'checked', `"${checked}" is not a past date written YYYY-MM-DD`);
    checked = undefined;
  }

  const tools = readStringList(valueNode('tools'), 'tools', fields.has('tools') ? 1 : 0);
  for (const tool of tools) {
    if (!isToolSlug(tool.value)) report(tool.line, tool.field, `unknown tool "${tool.value}"; add it to src/knowledge/vocabulary.ts if it is real`);
  }
  const category = readString(valueNode('category'), 'category');
  if (category !== undefined && !isCategory(category)) {
    report(lineOfField('category'), 'category', `unknown category "${category}"; one of: ${CATEGORIES.join(', ')}`);
  }

  const patterns: PatternSpec[] = [];
  const matchNode = valueNode('match');
  if (matchNode !== undefined) {
    if (!isSeq(matchNode) || matchNode.items.length === 0) report(lineOfField('match'), 'match', 'must be a non-empty list of patterns');
    else matchNode.items.forEach((item, k) => {
      const spec = readPattern(item as Node, `match[${k}]`);
      if (spec) patterns.push(spec);
    });
  }

  const examples = readStringList(valueNode('examples'), 'examples', fields.has('examples') ? MIN_EXAMPLES : 0);
  const counterexamples = readStringList(valueNode('counterexamples'), 'counterexamples', fields.has('counterexamples') ? 1 : 0);
  const related = readStringList(valueNode('related'), 'related', 0);
  const overlaps = readStringList(valueNode('overlaps'), 'overlaps', 0);

  const entryRefs: Located<string>[] = [];
  const causeExamples: CauseExample[] = [];
  const noExampleIds: string[] = [];
  const causes: Cause[] = [];
  const causesNode = valueNode('causes');
  if (causesNode !== undefined) {
    if (!isSeq(causesNode) || causesNode.items.length === 0) {
      report(lineOfField('causes'), 'causes', 'must be a non-empty list of causes');
    } else {
      const seen = new Set<string>();
      causesNode.items.forEach((item, k) => {
        const cause = readCause(item as Node, `causes[${k}]`);
        if (!cause) return;
        if (seen.has(cause.id)) report(lineOf(item as Node), `causes[${k}].id`, `duplicate cause id "${cause.id}"`);
        seen.add(cause.id);
        causes.push(cause);
      });
    }
  }

  function readCue(node: Node, field: string): CueSpec | undefined {
    if (isMap(node) && (node.has('pattern') || node.has('entry'))) {
      const keys = node.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
      const unknown = keys.filter((key) => key !== 'pattern' && key !== 'entry' && key !== 'weight');
      if (unknown.length > 0) report(lineOf(node), field, `unknown field "${unknown[0]}"; a cue has "pattern" or "entry", and optional "weight"`);
      if (node.has('pattern') && node.has('entry')) {
        report(lineOf(node), field, 'a cue has "pattern" or "entry", not both');
        return undefined;
      }
      const weightNode = node.get('weight', true) as Node | undefined;
      let weight = 1;
      if (weightNode !== undefined) {
        const w = isScalar(weightNode) ? weightNode.value : undefined;
        if (typeof w !== 'number' || !Number.isFinite(w) || w < -5 || w > 5 || w === 0) {
          report(lineOf(weightNode), `${field}.weight`, 'must be a non-zero number from -5 to 5');
        } else weight = w;
      }
      if (node.has('entry')) {
        const entryNode = node.get('entry', true) as Node;
        const target = readString(entryNode, `${field}.entry`);
        if (target === undefined) return undefined;
        if (target === id) {
          report(lineOf(entryNode), `${field}.entry`, 'a cue cannot name its own entry');
          return undefined;
        }
        entryRefs.push({ value: target, line: lineOf(entryNode), field: `${field}.entry` });
        return { entry: target, weight };
      }
      const pattern = readPattern(node.get('pattern', true) as Node, `${field}.pattern`);
      return pattern ? { pattern, weight } : undefined;
    }
    const pattern = readPattern(node, field);
    return pattern ? { pattern, weight: 1 } : undefined;
  }

  function readPlatforms(node: Node | undefined, field: string): Platform[] {
    if (node === undefined) return [];
    const items = isSeq(node) ? node.items : [node];
    const out: Platform[] = [];
    for (const item of items) {
      const value = isScalar(item) ? item.value : undefined;
      if (typeof value !== 'string' || !(PLATFORMS as readonly string[]).includes(value)) {
        report(lineOf(item as Node), field, `must be one or a list of: ${PLATFORMS.join(', ')}`);
        continue;
      }
      out.push(value as Platform);
    }
    return out;
  }

  /** `affected`/`fixed` that start with a versioned product are ranges the engine compares; other text stays a note. */
  function readRanges(text: string | undefined, node: Node | undefined, field: string, kind: 'affected' | 'fixed'): VersionRange[] {
    if (text === undefined) return [];
    const out: VersionRange[] = [];
    for (const part of text.split(/\s*;\s*/)) {
      const spec = parseRangeSpec(part, kind);
      if (!spec) continue;
      if (spec.error) report(lineOf(node), field, spec.error);
      else out.push({ product: spec.product, range: spec.range });
    }
    return out;
  }

  function readCauseExamples(node: Node, field: string, causeId: string): void {
    if (!isSeq(node) || node.items.length === 0) {
      report(lineOf(node), field, 'must be a non-empty list of {source, title, block, comment?}');
      return;
    }
    node.items.forEach((item, k) => {
      const f = `${field}[${k}]`;
      if (!isMap(item)) {
        report(lineOf(item as Node), f, 'must be a mapping with source, title, block and optional comment');
        return;
      }
      for (const pair of item.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        if (!EXAMPLE_FIELDS.includes(key)) report(lineOf(pair.key as Node), `${f}.${key || 'field'}`, `unknown field; allowed: ${EXAMPLE_FIELDS.join(', ')}`);
      }
      const source = readString(item.get('source', true) as Node | undefined, `${f}.source`);
      const exTitle = readString(item.get('title', true) as Node | undefined, `${f}.title`);
      const block = readString(item.get('block', true) as Node | undefined, `${f}.block`);
      const comment = readString(item.get('comment', true) as Node | undefined, `${f}.comment`, MAX_EXAMPLE_COMMENT);
      for (const required of ['source', 'title', 'block']) {
        if (!item.has(required)) report(lineOf(item as Node), `${f}.${required}`, 'missing required field');
      }
      if (source !== undefined && !isHttpsUrl(source)) report(lineOf(item.get('source', true) as Node), `${f}.source`, `"${source}" is not an https URL`);
      if (source === undefined || exTitle === undefined || block === undefined) return;
      causeExamples.push({ causeId, source, title: exTitle, block, ...(comment ? { comment } : {}), line: lineOf(item as Node), field: f });
    });
  }

  function readContext(node: Node | undefined): ClaimContext | undefined {
    if (node === undefined) return undefined;
    if (!isMap(node)) {
      report(lineOf(node), 'context', 'must be a mapping with prefer, avoid and/or require');
      return undefined;
    }
    const context: ClaimContext = { prefer: [], avoid: [], require: [] };
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const list = pair.value as Node | null;
      if (key !== 'prefer' && key !== 'avoid' && key !== 'require') {
        report(lineOf(pair.key as Node), `context.${key || 'field'}`, 'unknown field; allowed: prefer, avoid, require');
        continue;
      }
      if (!isSeq(list) || list.items.length === 0) {
        report(lineOf(list ?? undefined), `context.${key}`, 'must be a non-empty list');
        continue;
      }
      list.items.forEach((item, k) => {
        if (key === 'prefer') {
          const cue = readCue(item as Node, `context.prefer[${k}]`);
          if (cue) context.prefer.push(cue);
        } else {
          const pattern = readPattern(item as Node, `context.${key}[${k}]`);
          if (pattern) context[key].push(pattern);
        }
      });
    }
    return context;
  }

  function readCause(node: Node, field: string): Cause | undefined {
    if (!isMap(node)) {
      report(lineOf(node), field, 'must be a mapping');
      return undefined;
    }
    const map = node as YAMLMap;
    const has = new Set<string>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(CAUSE_FIELDS as readonly string[]).includes(key)) {
        report(lineOf(pair.key as Node), `${field}.${key || 'field'}`, `unknown field; allowed: ${CAUSE_FIELDS.join(', ')}`);
      } else has.add(key);
    }
    let complete = true;
    for (const required of REQUIRED_CAUSE_FIELDS) {
      if (!has.has(required)) {
        report(lineOf(node), `${field}.${required}`, required === 'sources' ? 'a cause needs at least one source URL' : 'missing required field');
        complete = false;
      }
    }
    const get = (key: string) => (has.has(key) ? (map.get(key, true) as Node) : undefined);
    const id = readString(get('id'), `${field}.id`);
    if (id !== undefined && !ID_SEGMENT.test(id)) report(lineOf(get('id')), `${field}.id`, `"${id}" must be kebab-case ([a-z0-9-])`);
    const causeTitle = readString(get('title'), `${field}.title`, MAX_TITLE);
    const causeTitleZh = readString(get('title_zh'), `${field}.title_zh`, MAX_TITLE);
    const likelihood = readString(get('likelihood'), `${field}.likelihood`) ?? 'occasional';
    if (!(LIKELIHOODS as readonly string[]).includes(likelihood)) {
      report(lineOf(get('likelihood')), `${field}.likelihood`, `must be one of: ${LIKELIHOODS.join(', ')}`);
    }
    const cues: CueSpec[] = [];
    const cuesNode = get('cues');
    if (cuesNode !== undefined) {
      if (!isSeq(cuesNode)) report(lineOf(cuesNode), `${field}.cues`, 'must be a list');
      else cuesNode.items.forEach((item, k) => {
        const cue = readCue(item as Node, `${field}.cues[${k}]`);
        if (cue) cues.push(cue);
      });
    }
    const label = readString(get('label'), `${field}.label`, MAX_LABEL);
    const labelZh = readString(get('label_zh'), `${field}.label_zh`, MAX_LABEL_ZH);
    const platform = readPlatforms(get('platform'), `${field}.platform`);
    const examplesNode = get('examples');
    const noExample = readString(get('no_example'), `${field}.no_example`);
    if (examplesNode !== undefined && noExample !== undefined) {
      report(lineOf(get('no_example')), `${field}.no_example`, 'a cause has examples or no_example, not both');
    }
    if (examplesNode !== undefined && id !== undefined) readCauseExamples(examplesNode, `${field}.examples`, id);
    if (noExample !== undefined && id !== undefined) noExampleIds.push(id);
    const mechanism = readString(get('mechanism'), `${field}.mechanism`);
    const affected = readString(get('affected'), `${field}.affected`);
    const fixed = readString(get('fixed'), `${field}.fixed`);
    const affectedRanges = readRanges(affected, get('affected'), `${field}.affected`, 'affected');
    const fixedIn = readRanges(fixed, get('fixed'), `${field}.fixed`, 'fixed');
    const fix = readStringList(get('fix'), `${field}.fix`, has.has('fix') ? 1 : 0).map((s) => s.value);
    const verify = readString(get('verify'), `${field}.verify`);
    const mechanismZh = readString(get('mechanism_zh'), `${field}.mechanism_zh`);
    const verifyZh = readString(get('verify_zh'), `${field}.verify_zh`);
    const fixZh = get('fix_zh') === undefined ? undefined : readStringList(get('fix_zh'), `${field}.fix_zh`, 1).map((x) => x.value);
    const fixNode = get('fix');
    if (fixZh && isSeq(fixNode) && fixZh.length !== fixNode.items.length) {
      report(lineOf(get('fix_zh')), `${field}.fix_zh`, 'must have as many steps as fix');
    }
    const support = readString(get('support'), `${field}.support`);
    if (support !== undefined && !(SUPPORT as readonly string[]).includes(support)) report(lineOf(get('support')), `${field}.support`, `must be one of: ${SUPPORT.join(', ')}`);
    const sources = readStringList(get('sources'), `${field}.sources`, has.has('sources') ? 1 : 0);
    for (const source of sources) {
      if (!isHttpsUrl(source.value)) report(source.line, source.field, `"${source.value}" is not an https URL`);
    }
    if (!complete || id === undefined || causeTitle === undefined || mechanism === undefined || verify === undefined) return undefined;
    return {
      id,
      title: causeTitle,
      ...(causeTitleZh ? { title_zh: causeTitleZh } : {}),
      ...(label ? { label } : {}),
      ...(labelZh ? { label_zh: labelZh } : {}),
      likelihood: likelihood as Cause['likelihood'],
      cues,
      ...(platform.length > 0 ? { platform } : {}),
      ...(affectedRanges.length > 0 ? { affectedRanges } : {}),
      ...(fixedIn.length > 0 ? { fixedIn } : {}),
      mechanism,
      ...(affected ? { affected } : {}),
      ...(fixed ? { fixed } : {}),
      fix,
      verify,
      ...(mechanismZh ? { mechanism_zh: mechanismZh } : {}),
      ...(fixZh ? { fix_zh: fixZh } : {}),
      ...(verifyZh ? { verify_zh: verifyZh } : {}),
      ...(support ? { support: support as Cause['support'] } : {}),
      sources: sources.map((s) => s.value),
    };
  }

  const context = readContext(valueNode('context') ?? undefined);

  if (options.bundled) {
    const missingZh = ['title_zh', 'summary_zh'].filter((key) => !fields.has(key));
    if (missingZh.length > 0) report(1, 'title_zh', `missing Chinese: ${missingZh.join(', ')}`);
  }
  if (options.bundled && isSeq(causesNode)) {
    causesNode.items.forEach((item, k) => {
      if (!isMap(item)) return;
      const has = (key: string) => item.has(key);
      if (!has('label')) report(lineOf(item as Node), `causes[${k}].label`, 'every cause needs a label (at most 40 characters) for its badge');
      if (!has('label_zh')) report(lineOf(item as Node), `causes[${k}].label_zh`, 'every cause needs a Chinese label');
      // The whole diagnosis reads in Chinese too: a cause's title and body, not only its label.
      const missingZh = ['title_zh', 'mechanism_zh', 'fix_zh', 'verify_zh'].filter((key) => !has(key));
      if (missingZh.length > 0) report(lineOf(item as Node), `causes[${k}]`, `missing Chinese: ${missingZh.join(', ')}`);
      if (causesNode.items.length > 1 && !has('examples') && !has('no_example')) {
        report(lineOf(item as Node), `causes[${k}]`, 'a cause of a multi-cause entry needs examples (real pastes that rank it first) or no_example (the searches tried)');
      }
    });
  }

  if (problems.length > 0 || title === undefined || summary === undefined || category === undefined) {
    return { problems };
  }
  const entry: Entry = {
    id,
    title,
    ...(title_zh ? { title_zh } : {}),
    summary,
    ...(summary_zh ? { summary_zh } : {}),
    tools: tools.map((t) => t.value),
    category,
    patterns,
    causes,
    related: related.map((r) => r.value),
    overlaps: overlaps.map((o) => o.value),
    ...(obsolete ? { obsolete } : {}),
    ...(context ? { context } : {}),
    ...(checked ? { checked } : {}),
    body,
    file,
  };
  return {
    parsed: { entry, examples, counterexamples, related, overlaps, entryRefs, causeExamples, noExample: noExampleIds },
    problems,
  };
}

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}
