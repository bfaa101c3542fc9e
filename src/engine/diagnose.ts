/**
 * Diagnosis of a plain text: every match with its causes ranked by the evidence in the
 * lines around it (the block) and in the whole text (the page). Where several entries
 * claim the same words, the context around them picks one (see claim.ts).
 */
import { runSteps } from './automaton';
import { createEngineCoreSteps, type Engine } from './engine-core';
import { rankCauses } from './rank';
import type { SignatureSpec } from './types';

export type { Engine } from './engine-core';

export function createEngine(signatures: readonly SignatureSpec[]): Engine {
  return runSteps(createEngineSteps(signatures));
}

/** `createEngine` as a generator that pauses now and then, for building in idle slices. */
export function createEngineSteps(signatures: readonly SignatureSpec[]): Generator<void, Engine> {
  return createEngineCoreSteps(signatures, rankCauses);
}
