// Generates run k's scenario from its seed alone, unbiased (fast-check biases early runs of a property towards small
// values; a campaign's runs are all "first runs", so the bias is switched off), and keeps fast-check's shrink context.
import fc from 'fast-check';
import { xorshift128plus } from 'pure-rand/generator/xorshift128plus';
import { arbScenario, type ArbScenarioOptions } from './arb-scenario.js';
import type { ScenarioInput } from './fuzz-shape.js';

export interface CaseGenerator {
  readonly arbitrary: fc.Arbitrary<ScenarioInput>;
  generate(seed: number): fc.Value<ScenarioInput>;
}

export function caseGenerator(options: ArbScenarioOptions): CaseGenerator {
  const arbitrary = arbScenario(options);
  return {
    arbitrary,
    generate: (seed) => arbitrary.generate(new fc.Random(xorshift128plus(seed)), undefined),
  };
}
