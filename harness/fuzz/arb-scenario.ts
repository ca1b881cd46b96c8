// arbScenario: whole scenarios for property-based tests and `mailflow fuzz`: it draws a scenario's parts and makes
// the scenario from them (scenario-parts.ts). A generated scenario is the same data a YAML file holds, and prints as
// that YAML (fast-check's toString), so a counterexample reads like a scenario and `mailflow run` replays it once
// written to a file.
import fc from 'fast-check';
import { arbBursts } from './arb-traffic.js';
import { arbFault } from './arb-faults.js';
import { arbProcessing } from './arb-paths.js';
import { arbTopology } from './arb-topology.js';
import { FUZZ_PATHS, type ScenarioInput } from './fuzz-shape.js';
import { arbHabits } from './arb-people.js';
import { scenarioFromParts } from './scenario-parts.js';
import { checkArbScenarioOptions, DEFAULT_MAX_FAULTS, DEFAULT_MAX_MESSAGES, type ArbScenarioOptions } from './arb-options.js';

export { DEFAULT_MAX_FAULTS, DEFAULT_MAX_MESSAGES, MIN_MAX_FAULTS, MIN_MAX_MESSAGES } from './arb-options.js';
export type { ArbScenarioOptions } from './arb-options.js';

/** Scenarios as YAML data (`ScenarioInput`); their toString is the YAML text. Throws on options out of bounds. */
export function arbScenario(options: ArbScenarioOptions = {}): fc.Arbitrary<ScenarioInput> {
  checkArbScenarioOptions(options);
  const survivableOnly = options.survivableOnly ?? true;
  const maxMessages = options.maxMessages ?? DEFAULT_MAX_MESSAGES;
  const maxFaults = options.maxFaults ?? DEFAULT_MAX_FAULTS;
  const paths = options.paths ?? FUZZ_PATHS;
  // One record per path, so a fault kind is only drawn where it applies (and shrinking keeps it applicable).
  const perPath = paths.map((path) => {
    const parts = {
      seed: fc.nat({ max: 0xffff }),
      topology: arbTopology(),
      processing: arbProcessing([path]),
      bursts: arbBursts(maxMessages),
      faults: fc.array(arbFault(path, survivableOnly), { maxLength: maxFaults }),
    };
    // Habits only when asked: an extra field would change what every seed generates.
    return options.habits === true ? fc.record({ ...parts, habits: arbHabits() }) : fc.record(parts);
  });
  return fc.oneof(...perPath).map((parts) => scenarioFromParts(parts, { maxMessages, injectBug: options.injectBug }));
}
