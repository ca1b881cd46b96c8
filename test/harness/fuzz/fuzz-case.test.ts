// judgeCase (harness/fuzz/fuzz-case.ts): one generated scenario validated, run and judged. The trace hash is only
// computed when the determinism check compares two runs; the verdict is the same either way.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbScenario } from '../../../harness/fuzz/arb-scenario.js';
import { judgeCase } from '../../../harness/fuzz/fuzz-case.js';

describe('judgeCase', () => {
  it('hashes the trace only for the determinism check, and judges the same either way', () => {
    for (const input of fc.sample(arbScenario(), { seed: 20261206, numRuns: 20 })) {
      const plain = judgeCase(input);
      const checked = judgeCase(input, { checkDeterminism: true });
      expect(plain.outcome.traceHash).toBeNull();
      expect(checked.outcome.traceHash).toMatch(/^[0-9a-f]{64}$/);
      expect({ failed: plain.failed, problems: plain.problems, counts: plain.outcome.counts, events: plain.outcome.events })
        .toEqual({ failed: checked.failed, problems: checked.problems, counts: checked.outcome.counts, events: checked.outcome.events });
    }
  });
});
