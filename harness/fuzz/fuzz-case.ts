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
  readonly outcome: RunOutcome;
}

export interface CaseOptions {
  readonly checkDeterminism?: boolean;
}

export function judgeCase(input: ScenarioInput, options: CaseOptions = {}): CaseVerdict {
  const scenario = parseScenarioData(input, 'generated scenario');
  const outcome = runScenario(scenario);
  const problems = [
    ...outcome.checks.filter((c) => c.verdict !== c.expected).map((c) => `${c.name}: ${c.verdict} (${c.summary})`),
    ...outcome.expectations.filter((e) => e.verdict === 'fail').map((e) => `${e.name}: expected ${e.expected}, got ${e.actual}`),
  ];
  if (options.checkDeterminism === true) {
    const again = runScenario(scenario).traceHash;
    if (again !== outcome.traceHash) problems.push(`determinism: trace hash ${outcome.traceHash ?? 'null'} then ${again ?? 'null'}`);
  }
  return { failed: problems.length > 0 || outcome.verdict !== 'pass', problems, outcome };
}
