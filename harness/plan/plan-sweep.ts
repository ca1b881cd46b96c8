// `--sweep N`: the plan run with N seeds (run k's seed derives from the plan's seed and k, as a fuzz campaign's do),
// and each count as its median and 95th percentile over the runs, so an architect sees how much luck is in a number.
import { nearestRank } from '../../sim/check/percentile.js';
import { runSeed } from '../fuzz/fuzz-seed.js';
import { gradeOf, type Grade } from './grade.js';
import type { Plan } from './plan-schema.js';
import type { PlanResult } from './run-plan.js';

export interface Spread {
  readonly median: number;
  readonly p95: number;
}

export interface SweepResult {
  readonly plan: string;
  readonly seeds: number[];
  readonly mailboxes: number;
  readonly batches: number;
  readonly messages: Spread;
  readonly durationMs: Spread;
  readonly counts: Record<'tracked' | 'trackedByRouter' | 'trackedBySss' | 'untracked' | 'duplicates' | 'duplicatesPrevented' | 'lost', Spread>
    & { readonly untrackedByReason: Record<string, Spread> };
  /** The grade of the median counts; `grades` says how the runs themselves graded. */
  readonly grade: Grade;
  readonly grades: Partial<Record<Grade, number>>;
  readonly recommendations: string[];
  /** The run whose recommendations these are (the median by untracked mail): its own figures, which the advice quotes. */
  readonly medianRun: { readonly seed: number; readonly untracked: number; readonly durationMs: number };
}

/** Run k's seed derives from the base seed (the plan's, or `--seed`) and k. */
export function sweepSeeds(baseSeed: number, runs: number): number[] {
  return Array.from({ length: runs }, (_, k) => runSeed(baseSeed, k));
}

export function summariseSweep(plan: Plan, results: readonly PlanResult[]): SweepResult {
  const first = results[0];
  if (first === undefined) throw new Error('a sweep has at least one run');
  const spread = (of: (r: PlanResult) => number): Spread => {
    const sorted = results.map(of).sort((a, b) => a - b);
    return { median: nearestRank(sorted, 50) ?? 0, p95: nearestRank(sorted, 95) ?? 0 };
  };
  const reasons = [...new Set(results.flatMap((r) => Object.keys(r.counts.untrackedByReason)))].sort();
  const counts = {
    tracked: spread((r) => r.counts.tracked), trackedByRouter: spread((r) => r.counts.trackedByRouter),
    trackedBySss: spread((r) => r.counts.trackedBySss), untracked: spread((r) => r.counts.untracked),
    duplicates: spread((r) => r.counts.duplicates), duplicatesPrevented: spread((r) => r.counts.duplicatesPrevented),
    lost: spread((r) => r.counts.lost),
    untrackedByReason: Object.fromEntries(reasons.map((reason) => [reason, spread((r) => r.counts.untrackedByReason[reason] ?? 0)])),
  };
  const median = [...results].sort((a, b) => a.counts.untracked - b.counts.untracked)[Math.floor((results.length - 1) / 2)] ?? first;
  const grades: Partial<Record<Grade, number>> = {};
  for (const r of results) grades[r.grade] = (grades[r.grade] ?? 0) + 1;
  return {
    plan: plan.name, seeds: results.map((r) => r.seed), mailboxes: first.mailboxes, batches: first.batches,
    messages: spread((r) => r.messages), durationMs: spread((r) => r.durationMs), counts,
    grade: gradeOf({ lost: counts.lost.median, tracked: counts.tracked.median, untracked: counts.untracked.median, duplicates: counts.duplicates.median }),
    grades,
    // The median run's advice (by untracked mail): the one most like the typical outcome.
    recommendations: median.recommendations,
    medianRun: { seed: median.seed, untracked: median.counts.untracked, durationMs: median.durationMs },
  };
}
