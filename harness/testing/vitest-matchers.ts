// vitest matchers for runs of the model, for engineers' own test suites:
//   import { expect } from 'vitest';
//   import { mailflowMatchers } from 'mailflow-sim/vitest';
//   expect.extend(mailflowMatchers);
//   expect(runScenario(scenario)).toHaveNoLostMail();
// A failure names the checker's summary and prints the first offending messages with the path each took. The module
// imports nothing from vitest at run time, so it loads wherever vitest (or Jest's compatible `expect.extend`) runs.
import type {} from 'vitest';
import type { RunOutcome } from '../run/run-scenario.js';
import { formatOffender } from '../run/format-offender.js';
import { NO_LOST_MAIL } from '../../sim/check/no-lost-mail.js';
import { NO_DUPLICATE_ACTIVITY } from '../../sim/check/no-duplicate-activity.js';
import { NO_UNTRACKED_MAIL } from '../../sim/check/no-untracked-mail.js';

/** Offending messages printed in a failure message; the rest are counted. */
const OFFENDERS_SHOWN = 3;

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** What a matcher was given, for the error when it is not a run: a judgeCase result holds one in `outcome`. */
function describeReceived(received: unknown): string {
  if (received === null || typeof received !== 'object') return String(received);
  if ('outcome' in received) return 'an object with an `outcome` (judgeCase\'s result? pass its .outcome)';
  const keys = Object.keys(received);
  return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}`;
}

/**
 * @param what what the matcher asserts, as it reads after "to have" ("no lost mail")
 * @param opposite what `.not` asserts instead ("lost mail")
 */
function checkMatcher(name: string, what: string, opposite: string) {
  return (received: unknown): MatcherResult => {
    const outcome = received as Partial<RunOutcome> | null;
    const check = outcome?.checks?.find((c) => c.name === name);
    // Thrown, not a failed match: `.not` would otherwise pass on anything that is not a run, or on a run that cannot
    // tell (mail still in flight), as if the opposite had been shown.
    if (check === undefined) throw new TypeError(`expected the outcome of runScenario() (with a ${name} check), got ${describeReceived(received)}`);
    if (check.verdict === 'unknown') throw new Error(`${name} cannot tell in ${outcome?.scenario ?? 'the run'}: ${check.summary}`);
    const pass = check.verdict === 'pass';
    return {
      pass,
      message: () => {
        // Asked for when the assertion fails: with `.not`, that is when the check passed.
        if (pass) return `expected ${outcome?.scenario ?? 'the run'} to have ${opposite}, but ${name} passed: ${check.summary}`;
        const lines = [`expected ${outcome?.scenario ?? 'the run'} to have ${what}; ${name} says ${check.verdict}: ${check.summary}`];
        for (const offender of check.offenders.slice(0, OFFENDERS_SHOWN)) lines.push(...formatOffender(offender, '  '));
        if (check.offenders.length > OFFENDERS_SHOWN) lines.push(`  ... and ${check.offenders.length - OFFENDERS_SHOWN} more`);
        return lines.join('\n');
      },
    };
  };
}

/** Pass to `expect.extend`. Each takes what `runScenario` returns. */
export const mailflowMatchers = {
  /** no-lost-mail passes: every accepted copy is in a mailbox or was removed on purpose. */
  toHaveNoLostMail: checkMatcher(NO_LOST_MAIL, 'no lost mail', 'lost mail'),
  /** no-duplicate-activity passes: one activity per Message-ID and direction (S8). */
  toHaveNoDuplicates: checkMatcher(NO_DUPLICATE_ACTIVITY, 'no duplicate activities', 'duplicate activities'),
  /**
   * no-untracked-mail passes: every eligible message was tracked. Untracked mail the scenario declares
   * (`expect.untracked`) still fails this matcher; the run's own `verdict` is what accepts a declared loss.
   */
  toHaveNoUntrackedMail: checkMatcher(NO_UNTRACKED_MAIL, 'no untracked mail', 'untracked mail'),
};

interface MailflowMatchers<R = unknown> {
  toHaveNoLostMail(): R;
  toHaveNoDuplicates(): R;
  toHaveNoUntrackedMail(): R;
}

declare module 'vitest' {
  interface Assertion<T> extends MailflowMatchers<T> {}
  interface AsymmetricMatchersContaining extends MailflowMatchers {}
}
