// The timeline's three series over virtual time, sampled at evenly spaced instants: accepted (messages the
// transport acknowledged, cumulative), tracked (activities created, cumulative; its last value is counts.tracked)
// and backlog (messages that entered the flow and have not settled, see MessageFacts.settledAtMs).

export interface TimelinePoint {
  readonly atMs: number;
  readonly accepted: number;
  readonly tracked: number;
  readonly backlog: number;
}

/** Instants per series: enough for a smooth line on a page, few enough to keep the file small. */
export const TIMELINE_SAMPLES = 400;

export interface SeriesInput {
  readonly acceptedAtMs: readonly number[];
  readonly activityAtMs: readonly number[];
  readonly enteredAtMs: readonly number[];
  /** Null for messages that never settled: they stay in the backlog to the end. */
  readonly settledAtMs: ReadonlyArray<number | null>;
}

export function timelineSeries(input: SeriesInput, endMs: number, samples = TIMELINE_SAMPLES): TimelinePoint[] {
  const accepted = sorted(input.acceptedAtMs);
  const tracked = sorted(input.activityAtMs);
  const entered = sorted(input.enteredAtMs);
  const settled = sorted(input.settledAtMs.filter((t): t is number => t !== null));
  const cursors = { accepted: 0, tracked: 0, entered: 0, settled: 0 };
  const upTo = (times: Float64Array, key: keyof typeof cursors, t: number): number => {
    let i = cursors[key];
    while (i < times.length && (times[i] as number) <= t) i++;
    cursors[key] = i;
    return i;
  };
  const points: TimelinePoint[] = [];
  const steps = endMs <= 0 ? 0 : samples;
  for (let k = 0; k <= steps; k++) {
    // Integer instants so the same run gives the same bytes on any machine.
    const atMs = steps === 0 ? 0 : Math.round((endMs * k) / steps);
    points.push({
      atMs,
      accepted: upTo(accepted, 'accepted', atMs),
      tracked: upTo(tracked, 'tracked', atMs),
      backlog: upTo(entered, 'entered', atMs) - upTo(settled, 'settled', atMs),
    });
  }
  return points;
}

function sorted(times: readonly number[]): Float64Array {
  return Float64Array.from(times).sort();
}
