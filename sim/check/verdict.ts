// Judges a run: each check against its expected verdict, each `expect.counts` and `expect.untracked` entry against
// the counts, and from those the run's verdict (design.md, "Verdict"): pass when every expectation is met, unknown
// when only unexpected unknowns remain, otherwise fail.
import type { Counts, NumericCountName } from '../ledger/counts.js';
import type { CheckResult, Verdict } from './check-result.js';
import type { CountExpectation } from './count-expectation.js';
import { judgeCount, type CountsWaived, type ExpectationResult } from './expectation-result.js';
import { LATENCY, type LatencyThresholds } from './latency.js';
import { NO_UNTRACKED_MAIL } from './no-untracked-mail.js';
import { NO_DUPLICATE_ACTIVITY, RECREATED } from './no-duplicate-activity.js';
import { judgeUntrackedDeclarations } from './untracked-declarations.js';

export type { CountsWaived, ExpectationResult, ExpectationVerdict } from './expectation-result.js';

export interface JudgedCheck extends CheckResult {
  readonly expected: Verdict;
}

export interface Expectations {
  readonly checks?: Readonly<Partial<Record<string, Verdict>>> | undefined;
  readonly counts?: Readonly<Partial<Record<NumericCountName, CountExpectation>>> | undefined;
  /** Declared untracked mail by reason (sim/check/untracked-declarations.ts). */
  readonly untracked?: Readonly<Record<string, CountExpectation>> | undefined;
  /** `latency`'s thresholds; the checker reads them, and they decide what it is expected to say. */
  readonly latency?: LatencyThresholds | undefined;
  /** Activities deleted in CRM and made again (no-duplicate-activity's `recreated`, R8). */
  readonly recreated?: CountExpectation | undefined;
}

export interface Judgement {
  readonly verdict: Verdict;
  readonly checks: JudgedCheck[];
  readonly expectations: ExpectationResult[];
}

/** @param waived the count expectations this run cannot be held to (another seed, a serve session), or null. */
export function judge(checks: readonly CheckResult[], counts: Counts, expect: Expectations, waived: CountsWaived | null): Judgement {
  const judged = checks.map((c): JudgedCheck => {
    const expected = expect.checks?.[c.name] ?? defaultExpected(c.name, expect, counts);
    // A known-bad setup's failure is what its scenario expects of its own run; a session cut short may not show it.
    if (waived?.which === 'all' && expected === 'fail' && c.verdict === 'pass') {
      return { ...c, expected: 'pass', summary: `${c.summary} (the scenario expects fail; ${waived.why})` };
    }
    return { ...c, expected };
  });
  const expectations: ExpectationResult[] = [];
  for (const [name, expectation] of Object.entries(expect.counts ?? {}) as [NumericCountName, CountExpectation][]) {
    expectations.push(judgeCount(`counts.${name}`, expectation, counts[name], waived));
  }
  if (expect.untracked !== undefined) {
    expectations.push(...judgeUntrackedDeclarations(expect.untracked, counts.untrackedByReason, waived));
  }
  if (expect.recreated !== undefined) {
    const measured = checks.find((c) => c.name === NO_DUPLICATE_ACTIVITY)?.measurements?.[RECREATED] ?? 0;
    expectations.push(judgeCount(RECREATED, expect.recreated, measured, waived));
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

/** A check's expected verdict when `expect.checks` does not name it: `pass`, with two exceptions. */
function defaultExpected(name: string, expect: Expectations, counts: Counts): Verdict {
  // A scenario that sets no thresholds did not ask how fast: `latency` can only say unknown, and that is expected.
  if (name === LATENCY) return expect.latency === undefined ? 'unknown' : 'pass';
  // Declared untracked mail is a declared loss (design.md, "Verdict"); undeclared reasons fail as expectations.
  if (name === NO_UNTRACKED_MAIL && expect.untracked !== undefined && counts.untracked > 0) return 'fail';
  return 'pass';
}
