/**
 * Entries picked by context, on the real knowledge base and real pastes: the same
 * sentence goes to the product the paste shows, and recall does not drop without context.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/diagnose';
import type { Entry } from '../../src/engine/types';
import { toSignature } from '../../src/knowledge/compile';
import entries from '../../src/knowledge/generated/entries.json';

const engine = createEngine((entries as Entry[]).map(toSignature));
const ids = (block: string, around = {}) => [...new Set(engine.diagnoseBlock(block, around).map((d) => d.entryId))];

describe('one sentence, several products: context picks', () => {
  const cases: Array<{ what: string; block: string; around?: Record<string, string>; expected: string[] }> = [
    {
      what: 'the OpenAI paste (insufficient_quota)',
      block:
        "openai.RateLimitError: Error code: 429 - {'error': {'message': 'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.', 'type': 'insufficient_quota', 'param': None, 'code': 'insufficient_quota'}}",
      expected: ['llm-api/openai-insufficient-quota'],
    },
    {
      what: 'the Gemini paste (RESOURCE_EXHAUSTED, ai.google.dev)',
      block:
        "Generate error: 429 RESOURCE_EXHAUSTED. {'error': {'code': 429, 'message': 'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.', 'status': 'RESOURCE_EXHAUSTED'}}",
      expected: ['gemini/resource-exhausted'],
    },
    {
      what: 'the bare sentence with nothing deciding (the generic entry keeps it)',
      block: '429 Error You exceeded your current quota, please check your plan and billing details.',
      expected: ['llm-api/openai-insufficient-quota'],
    },
    {
      what: "Claude Code's bare line",
      block: '> continue with step 3\n  ⎿  Prompt is too long',
      expected: ['claude-code/prompt-is-too-long'],
    },
    {
      what: "another tool's 'Prompt is too long' with its own limit",
      block: 'ValueError: Prompt is too long, max tokens supported is 226 or less, got 303',
      expected: [],
    },
  ];
  it.each(cases)('$what', ({ block, around, expected }) => {
    expect(ids(block, around)).toEqual(expected);
  });
});
