// runScenario refuses a seed `mailflow run --seed` refuses, naming the option and its bounds, before it builds a
// world: it ran `{ seed: -1 }` as if it were a seed, a world no scenario file or command line can name again.
import { describe, expect, it } from 'vitest';
import { MAX_SEED, runScenario } from '../../../harness/run/run-scenario.js';
import { loadScenarioFile } from '../../../harness/scenario/load-scenario.js';
import { arbScenario } from '../../../harness/fuzz/arb-scenario.js';
import { judgeCase } from '../../../harness/fuzz/fuzz-case.js';
import type { Scenario } from '../../../harness/scenario/schema.js';
import fc from 'fast-check';

const hello = loadScenarioFile('scenarios/hello.yaml');

describe('runScenario options', () => {
  it.each([-1, 1.5, MAX_SEED + 1, Number.NaN, Number.POSITIVE_INFINITY])('refuses seed %s', (seed) => {
    expect(() => runScenario(hello, { seed })).toThrow(new RangeError(`runScenario: seed must be a whole number from 0 to 4294967295 (as --seed and a scenario's seed:), got ${String(seed)}`));
  });

  it('takes the seeds the CLI takes, the least and the greatest', () => {
    expect(runScenario(hello, { seed: 0 }).seed).toBe(0);
    expect(runScenario(hello, { seed: MAX_SEED }).seed).toBe(MAX_SEED);
  });

  it('refuses a scenario as written (what arbScenario draws) with what to do, where it crashed inside the world', () => {
    const [drawn] = fc.sample(arbScenario({ maxMessages: 3 }), { seed: 5, numRuns: 1 });
    if (drawn === undefined) throw new Error('fc.sample drew nothing');
    const asWritten = drawn as unknown as Scenario;
    expect(() => runScenario(asWritten)).toThrow(TypeError);
    expect(() => runScenario(asWritten)).toThrow(/^runScenario takes a parsed scenario \(from loadScenario, .*\), and this one is as written \(horizon: "\d+s"\): parse it first, or give what arbScenario draws to judgeCase$/);
    // What the message says to do works.
    expect(judgeCase(drawn).outcome?.counts.sent).toBeGreaterThan(0);
  });
});
