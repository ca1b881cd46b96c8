// What a matcher was given, checked before it judges: the matchers take what runScenario returns, and anything else
// (judgeCase's whole result, a promise of a run, a number) is an error that says what it got, never a failed match
// that `.not` would turn into a pass.
import type { RunOutcome } from '../run/run-scenario.js';
import type { JudgedCheck } from '../../sim/check/verdict.js';

/** What a matcher was given, for the error when it is not a run. */
export function describeReceived(received: unknown): string {
  if (received === null || typeof received !== 'object') return String(received);
  if ('outcome' in received) return 'an object with an `outcome` (judgeCase\'s result? pass its .outcome)';
  // runScenarioOnWire and a serve session's stop() return promises: the matcher wants what they resolve to.
  if (typeof (received as { then?: unknown }).then === 'function') return 'a promise (await it, or use expect(...).resolves)';
  const keys = Object.keys(received);
  return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', ...' : ''}`;
}

/** The run's check named `name`; throws when `received` is not a run that has it. */
export function checkOf(received: unknown, name: string): JudgedCheck {
  const check = (received as Partial<RunOutcome> | null)?.checks?.find((c) => c.name === name);
  if (check === undefined) throw new TypeError(`expected the outcome of runScenario() (with a ${name} check), got ${describeReceived(received)}`);
  return check;
}

/** The run's name for messages. */
export function runName(received: unknown): string {
  return (received as Partial<RunOutcome> | null)?.scenario ?? 'the run';
}

/**
 * Thrown, not a failed match, when a check cannot tell (mail still in flight): `.not` would otherwise pass on a run
 * that cannot tell, as if the opposite had been shown.
 */
export function refuseUnknown(received: unknown, check: JudgedCheck): void {
  if (check.verdict === 'unknown') throw new Error(`${check.name} cannot tell in ${runName(received)}: ${check.summary}`);
}
