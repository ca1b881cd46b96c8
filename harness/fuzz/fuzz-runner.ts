// Runs a list of a campaign's runs in this thread: generate run k's scenario from its seed, run it, judge it. A case
// that throws is a failure too (a model or arbitrary bug the fuzzer found), not a crash of the campaign.
import type { ArbScenarioOptions } from './arb-scenario.js';
import { judgeCase } from './fuzz-case.js';
import { formatOffender } from '../run/format-offender.js';
import { caseGenerator, type CaseGenerator } from './fuzz-generate.js';
import { runSeed, type Shard } from './fuzz-seed.js';
import type { ScenarioInput } from './fuzz-shape.js';

/** What decides a campaign's runs and their outcome; the number of workers does not (design.md). */
export interface FuzzSettings {
  readonly seed: number;
  readonly runs: number;
  readonly shard: Shard;
  readonly checkDeterminism: boolean;
  readonly arb: ArbScenarioOptions;
}

/** Runs done so far and how many failed, for progress bars. */
export interface PartProgress {
  readonly runs: number;
  readonly failures: number;
}

export interface PartResult extends PartProgress {
  /** The smallest failing run number, or null. */
  readonly firstFailure: number | null;
}

export const EMPTY_PART: PartResult = { runs: 0, failures: 0, firstFailure: null };

export function combineParts(a: PartResult, b: PartResult): PartResult {
  const firstFailure = a.firstFailure === null ? b.firstFailure : b.firstFailure === null ? a.firstFailure : Math.min(a.firstFailure, b.firstFailure);
  return { runs: a.runs + b.runs, failures: a.failures + b.failures, firstFailure };
}

export interface CaseFailure {
  readonly failed: boolean;
  readonly problems: string[];
  /** The first offending message of the first failed check, with its path, as the CLI prints it. */
  readonly firstOffender: string[];
}

export function tryCase(input: ScenarioInput, checkDeterminism: boolean): CaseFailure {
  try {
    const verdict = judgeCase(input, { checkDeterminism });
    const offender = verdict.outcome.checks.find((c) => c.verdict !== c.expected && c.offenders.length > 0)?.offenders[0];
    return { failed: verdict.failed, problems: verdict.problems, firstOffender: offender === undefined ? [] : formatOffender(offender, '  ') };
  } catch (error) {
    return { failed: true, problems: [`crashed: ${(error as Error).message.split('\n')[0] ?? ''}`], firstOffender: [] };
  }
}

/** How often (in runs) a part reports progress. */
export const PROGRESS_EVERY_RUNS = 10;

export function runPart(
  settings: FuzzSettings, runNumbers: readonly number[], onProgress?: (progress: PartProgress) => void,
  generator: CaseGenerator = caseGenerator(settings.arb),
): PartResult {
  let failures = 0;
  let firstFailure: number | null = null;
  let runs = 0;
  for (const k of runNumbers) {
    const { failed } = tryCase(generator.generate(runSeed(settings.seed, k)).value, settings.checkDeterminism);
    runs++;
    if (failed) {
      failures++;
      if (firstFailure === null || k < firstFailure) firstFailure = k;
    }
    if (onProgress !== undefined && runs % PROGRESS_EVERY_RUNS === 0) onProgress({ runs, failures });
  }
  return { runs, failures, firstFailure };
}
