// One fuzz case: generated scenario data, validated as a file would be, run in virtual time and judged by every
// checker. A case fails when the run's verdict is not pass, or (with the determinism check) when a second run of the
// same scenario and seed gives another trace hash (design.md: same scenario and seed, same hash).
import { parseScenarioData } from '../scenario/load-scenario.js';
import { runScenario, type RunOutcome } from '../run/run-scenario.js';
import type { ScenarioInput } from './fuzz-shape.js';

export interface CaseVerdict {
  readonly failed: boolean;
  /** What failed, one line each: a checker with its summary, an expectation, or the determinism check. */
  readonly problems: string[];
  /** The run; its `traceHash` is null unless `checkDeterminism` asked for the hash. */
  readonly outcome: RunOutcome;
}

export interface CaseOptions {
  /** Run the scenario a second time and require the same trace hash (both runs are then hashed). */
  readonly checkDeterminism?: boolean;
}

export function judgeCase(input: ScenarioInput, options: CaseOptions = {}): CaseVerdict {
  const scenario = parseScenarioData(input, 'generated scenario');
  // The trace hash is only compared by the determinism check; without it, hashing every event is work for nothing
  // (15 to 20 % of a fuzz run).
  const checkDeterminism = options.checkDeterminism === true;
  const outcome = runScenario(scenario, { hashTrace: checkDeterminism });
  const problems = [
    ...outcome.checks.filter((c) => c.verdict !== c.expected).map((c) => `${c.name}: ${c.verdict} (${c.summary})`),
    ...outcome.expectations.filter((e) => e.verdict === 'fail').map((e) => `${e.name}: expected ${e.expected}, got ${e.actual}`),
  ];
  if (checkDeterminism) {
    const again = runScenario(scenario).traceHash;
    if (again !== outcome.traceHash) problems.push(`determinism: trace hash ${outcome.traceHash ?? 'null'} then ${again ?? 'null'}`);
  }
  return { failed: problems.length > 0 || outcome.verdict !== 'pass', problems, outcome };
}
