// vitest matchers for runs of the model, for engineers' own test suites:
//   import { expect } from 'vitest';
//   import { mailflowMatchers } from 'mailflow-sim/vitest';
//   expect.extend(mailflowMatchers);
//   expect(runScenario(scenario)).toHaveNoLostMail();
// A failure names the checker's summary and prints the first offending messages with the path each took. The module
// imports nothing from vitest at run time, so it loads wherever vitest (or Jest's compatible `expect.extend`) runs.
import type {} from 'vitest';
import type { RunOutcome } from '../run/run-scenario.js';
import { NO_LOST_MAIL } from '../../sim/check/no-lost-mail.js';
import { NO_DUPLICATE_ACTIVITY } from '../../sim/check/no-duplicate-activity.js';
import { NO_UNTRACKED_MAIL } from '../../sim/check/no-untracked-mail.js';
import { OUTBOUND_EXACTLY_ONCE } from '../../sim/check/outbound-exactly-once.js';
import { checkMatcher } from './check-matcher.js';
import { noDuplicatesMatcher } from './duplicates-matcher.js';
import { passMatcher } from './pass-matcher.js';

/** Pass to `expect.extend`. Each takes what `runScenario` returns (from `judgeCase`, its `.outcome`). */
export const mailflowMatchers = {
  /** no-lost-mail passes: every accepted copy is in a mailbox or was removed on purpose. */
  toHaveNoLostMail: checkMatcher(NO_LOST_MAIL, 'no lost mail', 'lost mail'),
  /**
   * Nothing processed twice, as the run's `duplicates` count: no duplicate activity (no-duplicate-activity) and no
   * CRM email delivered twice to a recipient (outbound-exactly-once's emails delivered more than once).
   */
  toHaveNoDuplicates: noDuplicatesMatcher,
  /** no-duplicate-activity passes: one activity per Message-ID and direction (S8). */
  toHaveNoDuplicateActivities: checkMatcher(NO_DUPLICATE_ACTIVITY, 'no duplicate activities', 'duplicate activities'),
  /** outbound-exactly-once passes: each CRM email that ended Sent reached each recipient once, none twice (O1). */
  toDeliverOutboundExactlyOnce: checkMatcher(OUTBOUND_EXACTLY_ONCE, 'each CRM email delivered once', 'a CRM email delivered twice or to nobody'),
  /**
   * no-untracked-mail passes: every eligible message was tracked. Untracked mail the scenario declares
   * (`expect.untracked`) still fails this matcher; the run's own `verdict` is what accepts a declared loss.
   */
  toHaveNoUntrackedMail: checkMatcher(NO_UNTRACKED_MAIL, 'no untracked mail', 'untracked mail'),
  /** The run's verdict is pass: every check says what the scenario expects of it and every `expect:` entry holds. */
  toPass: passMatcher,
};

/**
 * What a matcher is typed as on `expect(value)`: callable when the value is a run's outcome (or, under `.resolves`,
 * a promise of one); otherwise this type, which has no call signature, so `expect(42).toHaveNoLostMail()` does not
 * compile and the error names it. `[...]` keeps `any` callable (a conditional on a bare `any` takes both branches).
 */
export interface NotARunOutcome {
  /** The matchers take what runScenario returns; from judgeCase, its `.outcome`. */
  readonly takesWhatRunScenarioReturns: never;
}
type OnRuns<T, R> = [Awaited<T>] extends [RunOutcome] ? () => R : NotARunOutcome;

interface MailflowMatchers<T, R> {
  toHaveNoLostMail: OnRuns<T, R>;
  toHaveNoDuplicates: OnRuns<T, R>;
  toHaveNoDuplicateActivities: OnRuns<T, R>;
  toDeliverOutboundExactlyOnce: OnRuns<T, R>;
  toHaveNoUntrackedMail: OnRuns<T, R>;
  toPass: OnRuns<T, R>;
}

/** Inside `toEqual(...)` (`expect.toHaveNoLostMail()`), where no received type is known. */
interface MailflowAsymmetricMatchers {
  toHaveNoLostMail(): unknown;
  toHaveNoDuplicates(): unknown;
  toHaveNoDuplicateActivities(): unknown;
  toDeliverOutboundExactlyOnce(): unknown;
  toHaveNoUntrackedMail(): unknown;
  toPass(): unknown;
}

declare module 'vitest' {
  // `Assertion<T>`, not `Matchers<T>`: vitest also mixes `Matchers` into `expect` itself, where T is not the value.
  interface Assertion<T> extends MailflowMatchers<T, T> {}
  interface AsymmetricMatchersContaining extends MailflowAsymmetricMatchers {}
}
