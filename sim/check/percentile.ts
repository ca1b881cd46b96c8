// Percentiles by nearest rank: always a value that occurred, so a latency summary names real messages' waits.

/** The p-th percentile (0 < p <= 100) of values sorted ascending; undefined when there are none. */
export function nearestRank(sortedAscending: ArrayLike<number>, p: number): number | undefined {
  if (sortedAscending.length === 0) return undefined;
  const rank = Math.max(1, Math.ceil((p / 100) * sortedAscending.length));
  return sortedAscending[rank - 1];
}
