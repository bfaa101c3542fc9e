/**
 * The content script's engine: it matches and picks between entries that share words,
 * and ranks nothing. Its signatures carry no causes; the background ranks them (see
 * background/page-ranker.ts). Kept apart from diagnose.ts so that version comparison
 * (semver, PEP 440) and the ranking code stay out of the content script.
 */
import { createEngineCoreSteps, type Engine } from './engine-core';
import type { SignatureSpec } from './types';

export function createMatchEngineSteps(signatures: readonly SignatureSpec[]): Generator<void, Engine> {
  return createEngineCoreSteps(signatures, () => []);
}
