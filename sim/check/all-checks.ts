// The checkers a run applies, in the order reports list them. Later issues add the rest of design.md's list here.
import type { Ledger } from '../ledger/ledger.js';
import type { CheckResult } from './check-result.js';
import { NO_DUPLICATE_ACTIVITY, checkNoDuplicateActivity } from './no-duplicate-activity.js';
import { NO_LOST_MAIL, checkNoLostMail } from './no-lost-mail.js';

export const CHECKERS: ReadonlyArray<{ readonly name: string; readonly check: (ledger: Ledger) => CheckResult }> = [
  { name: NO_LOST_MAIL, check: checkNoLostMail },
  { name: NO_DUPLICATE_ACTIVITY, check: checkNoDuplicateActivity },
];

export const CHECK_NAMES: readonly string[] = CHECKERS.map((c) => c.name);

export function runChecks(ledger: Ledger): CheckResult[] {
  return CHECKERS.map((c) => c.check(ledger));
}
