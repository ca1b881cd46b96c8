// latency: how long received mail waits between the organisation accepting it and some path tracking it, as p50, p95
// and max, against the thresholds the scenario sets in `expect.latency`. The router's cycle (R11), server-side sync's
// 5-minute cadence (S5), outages and backlogs set it; without thresholds there is nothing to judge: `unknown`.
import type { Ledger } from '../ledger/ledger.js';
import { trackingLatencyMs } from '../ledger/latency.js';
import type { MessageLife } from '../ledger/records.js';
import { formatDurationMs } from '../core/format-duration.js';
import type { CheckResult, Offender } from './check-result.js';
import { counted } from './counted.js';
import { nearestRank } from './percentile.js';
import { runPass, type CheckPass } from './check-pass.js';

export const LATENCY = 'latency';

/** Upper bounds in milliseconds, each optional; a run passes when every one set holds. */
export interface LatencyThresholds {
  readonly p50?: number | undefined;
  readonly p95?: number | undefined;
  readonly max?: number | undefined;
}

/** What `measurements` holds in the check's result and `--json` (a type, so it is a plain record of numbers). */
export type LatencyMeasurements = {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
};

const STATISTICS = [['p50', 'p50Ms'], ['p95', 'p95Ms'], ['max', 'maxMs']] as const;

/**
 * Only the waits are kept (a number each); the few messages that broke a bound are found again by a second pass over
 * the ledger, so a million-message run holds no life here.
 */
export function latencyPass(ledger: Ledger, thresholds?: LatencyThresholds): CheckPass {
  const waits: number[] = [];
  return {
    visit(life) {
      const ms = trackingLatencyMs(life);
      if (ms !== null) waits.push(ms);
    },
    result: () => judgeLatency(ledger, waits, thresholds),
  };
}

export function checkLatency(ledger: Ledger, thresholds?: LatencyThresholds): CheckResult {
  return runPass(ledger, latencyPass(ledger, thresholds));
}

function judgeLatency(ledger: Ledger, waits: readonly number[], thresholds: LatencyThresholds | undefined): CheckResult {
  const sorted = Float64Array.from(waits).sort();
  const measured = measure(sorted);
  if (measured === null) {
    return { name: LATENCY, verdict: 'unknown', summary: 'no received mail was tracked, nothing to measure', offenders: [] };
  }
  const stats = `p50 ${show(measured.p50Ms)}, p95 ${show(measured.p95Ms)}, max ${show(measured.maxMs)} over ${counted(measured.samples, 'message')}`;
  const limits = STATISTICS.flatMap(([name, field]) => {
    const limitMs = thresholds?.[name];
    return limitMs === undefined ? [] : [{ name, limitMs, actualMs: measured[field] }];
  });
  const measurements = measured;
  if (limits.length === 0) {
    return { name: LATENCY, verdict: 'unknown', summary: `${stats}; no thresholds set (expect.latency)`, offenders: [], measurements };
  }
  const exceeded = limits.filter((l) => l.actualMs > l.limitMs);
  if (exceeded.length === 0) {
    const within = limits.map((l) => `${l.name} <= ${formatDurationMs(l.limitMs)}`).join(', ');
    return { name: LATENCY, verdict: 'pass', summary: `${stats}, within ${within}`, offenders: [], measurements };
  }
  // The messages slower than the tightest bound that failed are the ones that broke it; slowest first.
  const boundMs = Math.min(...exceeded.map((l) => l.limitMs));
  const slow: Array<{ life: MessageLife; ms: number }> = [];
  for (const life of ledger.messages()) {
    const ms = trackingLatencyMs(life);
    if (ms !== null && ms > boundMs) slow.push({ life, ms });
  }
  // Slowest first; equal waits keep first-seen order (the sort is stable).
  const offenders: Offender[] = slow.sort((a, b) => b.ms - a.ms).map((w) => ({
    messageId: w.life.messageId, detail: `tracked ${show(w.ms)} after it was accepted`, path: w.life.path,
  }));
  const over = exceeded.map((l) => `${l.name} ${show(l.actualMs)} > ${formatDurationMs(l.limitMs)}`).join(', ');
  return { name: LATENCY, verdict: 'fail', summary: `${over} (${stats})`, offenders, measurements };
}

function measure(sorted: Float64Array): LatencyMeasurements | null {
  const p50Ms = nearestRank(sorted, 50);
  const p95Ms = nearestRank(sorted, 95);
  const maxMs = sorted.at(-1);
  if (p50Ms === undefined || p95Ms === undefined || maxMs === undefined) return null;
  return { samples: sorted.length, p50Ms, p95Ms, maxMs };
}

/** Whole seconds from a second up: milliseconds there are noise to a reader (measurements keep them). */
function show(ms: number): string {
  return formatDurationMs(ms >= 1_000 ? Math.round(ms / 1_000) * 1_000 : ms);
}
