// The checkers a run applies, in design.md's order, which reports keep. Each is a pure function of the ledger;
// `latency` also takes the thresholds the scenario sets.
import type { Ledger } from '../ledger/ledger.js';
import type { CheckResult } from './check-result.js';
import { LATENCY, checkLatency, type LatencyThresholds } from './latency.js';
import { LIVENESS, checkLiveness } from './liveness.js';
import { NO_DUPLICATE_ACTIVITY, checkNoDuplicateActivity } from './no-duplicate-activity.js';
import { NO_LOST_MAIL, checkNoLostMail } from './no-lost-mail.js';
import { NO_SILENT_DROP, checkNoSilentDrop } from './no-silent-drop.js';
import { NO_UNTRACKED_MAIL, checkNoUntrackedMail } from './no-untracked-mail.js';
import { OUTBOUND_EXACTLY_ONCE, checkOutboundExactlyOnce } from './outbound-exactly-once.js';

/** What a scenario's `expect:` block tells the checkers (the rest of it judges their results). */
export interface CheckSettings {
  readonly latency?: LatencyThresholds | undefined;
}

export type Checker = (ledger: Ledger, settings: CheckSettings) => CheckResult;

export const CHECKERS: ReadonlyArray<{ readonly name: string; readonly check: Checker }> = [
  { name: NO_LOST_MAIL, check: checkNoLostMail },
  { name: NO_UNTRACKED_MAIL, check: checkNoUntrackedMail },
  { name: NO_DUPLICATE_ACTIVITY, check: checkNoDuplicateActivity },
  { name: OUTBOUND_EXACTLY_ONCE, check: checkOutboundExactlyOnce },
  { name: NO_SILENT_DROP, check: checkNoSilentDrop },
  { name: LIVENESS, check: checkLiveness },
  { name: LATENCY, check: (ledger, settings) => checkLatency(ledger, settings.latency) },
];

export const CHECK_NAMES: readonly string[] = CHECKERS.map((c) => c.name);

export function runChecks(ledger: Ledger, settings: CheckSettings = {}): CheckResult[] {
  return CHECKERS.map((c) => c.check(ledger, settings));
}
