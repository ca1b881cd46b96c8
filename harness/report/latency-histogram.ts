// Latency from acceptance to activity (MessageFacts.latencyMs) as histogram bins, with the p50, p95 and maximum
// computed as the `latency` check computes them, so the figure and the check agree. Latencies have long tails (most
// mail in minutes, some after an outage in hours), so bins follow a ladder of round durations that grows roughly
// tenfold every three steps: the tail stays visible next to the bulk, and each bin reads as a range ("2m to 5m").
import { nearestRank } from '../../sim/check/percentile.js';

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
  /** Consecutive bins from the one holding the fastest message to the one holding the slowest. */
  readonly bins: readonly LatencyBin[];
}

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
/** Bin edges: round durations, each bin about 2 to 3 times as wide as the one before. */
export const LATENCY_EDGES_MS: readonly number[] = [
  0, 100, 250, 500, S, 2 * S, 5 * S, 10 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M,
  H, 2 * H, 4 * H, 8 * H, 12 * H, D, 2 * D, 3 * D, 7 * D, 14 * D, 28 * D,
];

/** The edge after `edges`' last, doubling past the ladder's top. */
function edgeAt(k: number): number {
  const last = LATENCY_EDGES_MS.length - 1;
  return k <= last ? (LATENCY_EDGES_MS[k] as number) : (LATENCY_EDGES_MS[last] as number) * 2 ** (k - last);
}

function binOf(ms: number): number {
  let k = 0;
  while (edgeAt(k + 1) <= ms) k++;
  return k;
}

export function latencyHistogram(latenciesMs: readonly number[]): LatencyHistogram | null {
  if (latenciesMs.length === 0) return null;
  // An activity cannot precede acceptance; were a model to say so, the first bar shows it rather than no bar at all.
  const sorted = latenciesMs.map((ms) => Math.max(0, ms)).sort((a, b) => a - b);
  const first = binOf(sorted[0] as number);
  const maxMs = sorted[sorted.length - 1] as number;
  const counts = new Array<number>(binOf(maxMs) - first + 1).fill(0);
  for (const ms of sorted) counts[binOf(ms) - first]! += 1;
  return {
    samples: sorted.length,
    p50Ms: nearestRank(sorted, 50) as number,
    p95Ms: nearestRank(sorted, 95) as number,
    maxMs,
    bins: counts.map((count, i) => ({ fromMs: edgeAt(first + i), toMs: edgeAt(first + i + 1), count })),
  };
}
