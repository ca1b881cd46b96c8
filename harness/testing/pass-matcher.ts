// toPass(): the run's own verdict (design.md, "Verdict"), what `mailflow run` exits 0 on: every check says what the
// scenario expects of it (a known-bad scenario may expect a failure) and every `expect:` count holds. A failure lists
// what was not met, with the first offender of each unmet check, so a test need not print the outcome to see why.
import type { RunOutcome } from '../run/run-scenario.js';
import type { ExpectationResult, JudgedCheck } from '../../sim/check/verdict.js';
import { describeReceived, runName } from './received-run.js';
import { offenderLines, type MatcherResult } from './check-matcher.js';

function isRun(received: unknown): received is RunOutcome {
  const run = received as Partial<RunOutcome> | null;
  return typeof run?.verdict === 'string' && Array.isArray(run.checks) && Array.isArray(run.expectations);
}

function unmetCheckLines(check: JudgedCheck): string[] {
  // One offender each: a run may miss several expectations, and the list should stay readable.
  return [`  ${check.name}: ${check.verdict}, expected ${check.expected}: ${check.summary}`, ...offenderLines(check.offenders, 1).map((l) => `  ${l}`)];
}

function unmetExpectationLine(e: ExpectationResult): string {
  return `  ${e.name}: expected ${e.expected}, actual ${e.actual}${e.note === undefined ? '' : ` (${e.note})`}`;
}

export function passMatcher(received: unknown): MatcherResult {
  if (!isRun(received)) throw new TypeError(`expected the outcome of runScenario() (with a verdict), got ${describeReceived(received)}`);
  const name = runName(received);
  const unmet = received.checks.filter((c) => c.verdict !== c.expected);
  const unmetExpectations = received.expectations.filter((e) => e.verdict === 'fail');
  const details = () => [...unmet.flatMap(unmetCheckLines), ...unmetExpectations.map(unmetExpectationLine)];
  // Thrown as the check matchers do when a check cannot tell: `.not.toPass()` must not pass on a run that cannot tell.
  if (received.verdict === 'unknown') throw new Error([`${name} cannot tell: its verdict is unknown`, ...details()].join('\n'));
  const pass = received.verdict === 'pass';
  return {
    pass,
    message: () => (pass
      ? `expected ${name} not to pass, but its verdict is pass: every check (${received.checks.length}) and expectation (${received.expectations.length}) met`
      : [`expected ${name} to pass; its verdict is ${received.verdict}:`, ...details()].join('\n')),
  };
}
