// The checkers a run applies, in design.md's order, which reports keep. Each is a pure function of the ledger, run
// as a pass that sees each message once (check-pass.ts); `runChecks` runs them all in one pass. `latency` also takes
// the thresholds the scenario sets.
import type { Ledger } from '../ledger/ledger.js';
import { countsPass, type Counts } from '../ledger/counts.js';
import type { CheckResult } from './check-result.js';
import { visitLives, type CheckPass } from './check-pass.js';
import { LATENCY, latencyPass, type LatencyThresholds } from './latency.js';
import { LIVENESS, livenessPass } from './liveness.js';
import { NO_DUPLICATE_ACTIVITY, noDuplicateActivityPass } from './no-duplicate-activity.js';
import { NO_LOST_MAIL, noLostMailPass } from './no-lost-mail.js';
import { NO_SILENT_DROP, noSilentDropPass } from './no-silent-drop.js';
import { NO_UNTRACKED_MAIL, noUntrackedMailPass } from './no-untracked-mail.js';
import { OUTBOUND_EXACTLY_ONCE, outboundExactlyOncePass } from './outbound-exactly-once.js';

/** What a scenario's `expect:` block tells the checkers (the rest of it judges their results), and when it starts. */
export interface CheckSettings {
  readonly latency?: LatencyThresholds | undefined;
  /**
   * The instant virtual time 0 stands for (the scenario's `start`, epoch ms): offenders name a ThresholdDate (R8) as
   * a clock time, as the load-time warnings do. Without it they say only how long after the start.
   */
  readonly startEpochMs?: number | undefined;
}

/** Starts a checker's pass over `ledger`. */
export type Checker = (ledger: Ledger, settings: CheckSettings) => CheckPass;

export const CHECKERS: ReadonlyArray<{ readonly name: string; readonly check: Checker }> = [
  { name: NO_LOST_MAIL, check: noLostMailPass },
  { name: NO_UNTRACKED_MAIL, check: (_ledger, settings) => noUntrackedMailPass(settings.startEpochMs) },
  { name: NO_DUPLICATE_ACTIVITY, check: noDuplicateActivityPass },
  { name: OUTBOUND_EXACTLY_ONCE, check: outboundExactlyOncePass },
  { name: NO_SILENT_DROP, check: noSilentDropPass },
  { name: LIVENESS, check: livenessPass },
  { name: LATENCY, check: (ledger, settings) => latencyPass(ledger, settings.latency) },
];

export const CHECK_NAMES: readonly string[] = CHECKERS.map((c) => c.name);

export function runChecks(ledger: Ledger, settings: CheckSettings = {}): CheckResult[] {
  return countAndCheck(ledger, settings).checks;
}

/** The counts and every check, in one pass over the ledger's messages. */
export function countAndCheck(ledger: Ledger, settings: CheckSettings = {}): { counts: Counts; checks: CheckResult[] } {
  const counts = countsPass(ledger);
  const passes = CHECKERS.map((c) => c.check(ledger, settings));
  visitLives(ledger, [counts, ...passes]);
  return { counts: counts.result(), checks: passes.map((p) => p.result()) };
}
