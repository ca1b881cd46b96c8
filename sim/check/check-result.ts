// What every checker returns: a verdict and the explanation data reports render (never model logic).
import type { PathStep } from '../ledger/records.js';

export type Verdict = 'pass' | 'fail' | 'unknown';

/** A message a checker points at, with the path it took so a reader sees why. */
export interface Offender {
  readonly messageId: string;
  readonly detail: string;
  readonly path: readonly PathStep[];
  /** `no-untracked-mail`'s `before-threshold-date` only: the router's ThresholdDate that had passed the message (R8). */
  readonly thresholdDate?: OffenderThresholdDate;
}

/** A mailbox's ThresholdDate, as the run's time (`atMs`) and as the clock instant it stands for. */
export interface OffenderThresholdDate {
  readonly mailbox: string;
  readonly atMs: number;
  /** `2026-01-05T09:00:00Z`; null when the checker was not told the run's start (CheckSettings.startEpochMs). */
  readonly utc: string | null;
}

export interface CheckResult {
  readonly name: string;
  readonly verdict: Verdict;
  /** One sentence a person reads first. */
  readonly summary: string;
  /**
   * Every message the check names. Listed so that any beginning is a fair sample, across the check's reasons and over
   * the run (offender-order.ts), since readers show the first few; `latency` lists the slowest first.
   */
  readonly offenders: readonly Offender[];
  /** Numbers a check measured, for reports and `--json` (latency's `p50Ms`, `p95Ms`, `maxMs`, `samples`). */
  readonly measurements?: Readonly<Record<string, number>>;
}
