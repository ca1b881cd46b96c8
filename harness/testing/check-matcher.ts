// A matcher that asks one checker of a run: it passes when the checker passes, whatever the scenario expects of it
// (the run's `verdict` is where a declared loss or a known-bad setup is accepted; toPass() asks that).
import { formatOffender } from '../run/format-offender.js';
import type { Offender } from '../../sim/check/check-result.js';
import { checkOf, refuseUnknown, runName } from './received-run.js';

/** Offending messages printed in a failure message per finding; the rest are counted. */
export const OFFENDERS_SHOWN = 3;

export interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** The first few offenders as the CLI prints them, with the count of the rest. */
export function offenderLines(offenders: readonly Offender[], shown = OFFENDERS_SHOWN): string[] {
  const lines = offenders.slice(0, shown).flatMap((offender) => formatOffender(offender, '  '));
  if (offenders.length > shown) lines.push(`  ... and ${offenders.length - shown} more`);
  return lines;
}

/**
 * @param what what the matcher asserts, as it reads after "to have" ("no lost mail")
 * @param opposite what `.not` asserts instead ("lost mail")
 */
export function checkMatcher(name: string, what: string, opposite: string) {
  return (received: unknown): MatcherResult => {
    const check = checkOf(received, name);
    refuseUnknown(received, check);
    const pass = check.verdict === 'pass';
    return {
      pass,
      message: () => {
        // Asked for when the assertion fails: with `.not`, that is when the check passed.
        if (pass) return `expected ${runName(received)} to have ${opposite}, but ${name} passed: ${check.summary}`;
        return [`expected ${runName(received)} to have ${what}; ${name} says ${check.verdict}: ${check.summary}`, ...offenderLines(check.offenders)].join('\n');
      },
    };
  };
}
