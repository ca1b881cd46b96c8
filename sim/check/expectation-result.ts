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
 * @param usesOwnSeed false when the run's seed was overridden: exact counts then say nothing and are skipped.
 */
export function judgeCount(name: string, expectation: CountExpectation, actual: number, usesOwnSeed: boolean): ExpectationResult {
  const base = { name, expected: describeExpectation(expectation), actual };
  if (expectation.exact && !usesOwnSeed) {
    return { ...base, verdict: 'skipped', note: 'exact count applies to the file\'s own seed only' };
  }
  return { ...base, verdict: holds(expectation, actual) ? 'pass' : 'fail' };
}
