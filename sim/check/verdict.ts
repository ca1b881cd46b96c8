// Judges a run: each check against its expected verdict, each `expect.counts` entry against the counts, and from
// those the run's verdict (design.md, "Verdict"): pass when every expectation is met, unknown when only unexpected
// unknowns remain, otherwise fail.
import type { Counts, NumericCountName } from '../ledger/counts.js';
import type { CheckResult, Verdict } from './check-result.js';
import { describeExpectation, holds, type CountExpectation } from './count-expectation.js';

export interface JudgedCheck extends CheckResult {
  readonly expected: Verdict;
}

export type ExpectationVerdict = 'pass' | 'fail' | 'skipped';

export interface ExpectationResult {
  /** `counts.<name>` */
  readonly name: string;
  readonly verdict: ExpectationVerdict;
  readonly expected: string;
  readonly actual: number;
  readonly note?: string;
}

export interface Expectations {
  readonly checks?: Readonly<Partial<Record<string, Verdict>>> | undefined;
  readonly counts?: Readonly<Partial<Record<NumericCountName, CountExpectation>>> | undefined;
}

export interface Judgement {
  readonly verdict: Verdict;
  readonly checks: JudgedCheck[];
  readonly expectations: ExpectationResult[];
}

/**
 * @param usesOwnSeed false when the run's seed was overridden: exact counts then say nothing and are skipped.
 */
export function judge(checks: readonly CheckResult[], counts: Counts, expect: Expectations, usesOwnSeed: boolean): Judgement {
  const judged = checks.map((c) => ({ ...c, expected: expect.checks?.[c.name] ?? 'pass' }));
  const expectations: ExpectationResult[] = [];
  for (const [name, expectation] of Object.entries(expect.counts ?? {}) as [NumericCountName, CountExpectation][]) {
    const actual = counts[name];
    const base = { name: `counts.${name}`, expected: describeExpectation(expectation), actual };
    if (expectation.exact && !usesOwnSeed) {
      expectations.push({ ...base, verdict: 'skipped', note: 'exact count applies to the file\'s own seed only' });
    } else {
      expectations.push({ ...base, verdict: holds(expectation, actual) ? 'pass' : 'fail' });
    }
  }
  let failed = expectations.some((e) => e.verdict === 'fail');
  let unknown = false;
  for (const check of judged) {
    if (check.verdict === check.expected) continue;
    if (check.verdict === 'unknown') unknown = true;
    else failed = true;
  }
  const verdict: Verdict = failed ? 'fail' : unknown ? 'unknown' : 'pass';
  return { verdict, checks: judged, expectations };
}
