// Same scenario and seed => same trace hash, on any machine and whatever else ran in the process before.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runScenario } from '../../harness/run/run-scenario.js';
import { arbSurvivableFaults, toyScenario } from '../helpers/scenarios.js';

const HOUR = 3_600_000;

describe('determinism', () => {
  it('replays a randomised world with faults to the same trace hash, for many seeds', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffff_ffff }), arbSurvivableFaults(4 * HOUR), (seed, faults) => {
      const scenario = toyScenario({ seed, faults, messages: 80 });
      const first = runScenario(scenario);
      const second = runScenario(scenario);
      expect(first.events).toBeGreaterThan(100);
      expect(second.traceHash).toBe(first.traceHash);
      expect(second.counts).toEqual(first.counts);
    }), { numRuns: 40 });
  });

  it('is not influenced by other runs in the same process (no module-level state)', () => {
    const a = toyScenario({ seed: 11, faults: [{ at: HOUR, verb: 'crash', target: 'consumer' }, { at: 2 * HOUR, verb: 'restart', target: 'consumer' }] });
    const b = toyScenario({ seed: 12 });
    const alone = runScenario(a).traceHash;
    runScenario(b);
    expect(runScenario(a).traceHash).toBe(alone);
  });

  it('gives a different hash for a different seed or a different fault, so the hash sees the world', () => {
    const base = runScenario(toyScenario({ seed: 3 })).traceHash;
    expect(runScenario(toyScenario({ seed: 4 })).traceHash).not.toBe(base);
    expect(runScenario(toyScenario({ seed: 3, faults: [{ at: HOUR, verb: 'crash', target: 'consumer' }, { at: HOUR + 1, verb: 'restart', target: 'consumer' }] })).traceHash).not.toBe(base);
  });
});
