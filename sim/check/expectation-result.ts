// One `expect:` entry judged against what the run measured, as summaries and `--json` list it.
import { describeExpectation, holds, type CountExpectation } from './count-expectation.js';

export type ExpectationVerdict = 'pass' | 'fail' | 'skipped';

export interface ExpectationResult {
  /** `counts.<name>` or `untracked.<reason>` */
  readonly name: string;
  readonly verdict: ExpectationVerdict;
  readonly expected: string;
  readonly actual: number;
  readonly note?: string;
}

/**
 * Count expectations a run cannot be held to, and why (null: all apply). Under another seed than the file's, exact
 * counts say nothing (comparisons such as ">= 10" still hold, design.md). `all`: the run is not the scenario's own at
 * all (a `mailflow serve` session takes its clients' mail and ends when it is stopped): none of its counts apply, and
 * a failure the scenario expects may not have happened yet (sim/check/verdict.ts).
 */
export interface CountsWaived {
  readonly which: 'exact' | 'all';
  readonly why: string;
}

export const OTHER_SEED: CountsWaived = { which: 'exact', why: 'exact count applies to the file\'s own seed only' };

export function judgeCount(name: string, expectation: CountExpectation, actual: number, waived: CountsWaived | null): ExpectationResult {
  const base = { name, expected: describeExpectation(expectation), actual };
  if (waived !== null && (waived.which === 'all' || expectation.exact)) return { ...base, verdict: 'skipped', note: waived.why };
  return { ...base, verdict: holds(expectation, actual) ? 'pass' : 'fail' };
}
