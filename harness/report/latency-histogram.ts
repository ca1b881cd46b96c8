// Latency from acceptance to activity (MessageFacts.latencyMs) as histogram bins of a round width, with the
// p50, p95 and maximum computed as the `latency` check computes them, so the figure and the check agree.
import { nearestRank } from '../../sim/check/percentile.js';
import { niceDurationStepMs } from './time-ticks.js';

export interface LatencyBin {
  /** The bin holds latencies in [fromMs, toMs). */
  readonly fromMs: number;
  readonly toMs: number;
  readonly count: number;
}

export interface LatencyHistogram {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly bins: readonly LatencyBin[];
}

/** At most this many bars: enough to show a shape, few enough to label. */
export const MAX_LATENCY_BINS = 30;

export function latencyHistogram(latenciesMs: readonly number[]): LatencyHistogram | null {
  if (latenciesMs.length === 0) return null;
  // An activity cannot precede acceptance; were a model to say so, the bar at 0 shows it rather than no bar at all.
  const sorted = latenciesMs.map((ms) => Math.max(0, ms)).sort((a, b) => a - b);
  const maxMs = sorted[sorted.length - 1] as number;
  // Width so that the maximum falls inside the last bin ([from, to) bins).
  const widthMs = niceDurationStepMs(maxMs + 1, MAX_LATENCY_BINS);
  const counts = new Array<number>(Math.floor(maxMs / widthMs) + 1).fill(0);
  for (const ms of sorted) counts[Math.floor(ms / widthMs)]! += 1;
  return {
    samples: sorted.length,
    p50Ms: nearestRank(sorted, 50) as number,
    p95Ms: nearestRank(sorted, 95) as number,
    maxMs,
    bins: counts.map((count, i) => ({ fromMs: i * widthMs, toMs: (i + 1) * widthMs, count })),
  };
}
