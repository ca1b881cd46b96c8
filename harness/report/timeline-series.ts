// The timeline's three series over virtual time, sampled at evenly spaced instants: accepted (messages the
// transport acknowledged, cumulative), tracked (activities created, cumulative; its last value is counts.tracked)
// and backlog (messages that entered the flow and have not settled, see MessageFacts.settledAtMs). Counted as the
// messages go by, into one slot per instant, so a million messages leave a few hundred numbers, not their times.

export interface TimelinePoint {
  readonly atMs: number;
  readonly accepted: number;
  readonly tracked: number;
  readonly backlog: number;
}

/** Instants per series: enough for a smooth line on a page, few enough to keep the file small. */
export const TIMELINE_SAMPLES = 400;

type Series = 'accepted' | 'tracked' | 'entered' | 'settled';

/** Counts events by the first sampled instant at or after them; each point then sums the slots up to its own. */
export class TimelineCounter {
  private readonly instantsMs: Float64Array;
  private readonly slots: Record<Series, Float64Array>;

  constructor(endMs: number, samples = TIMELINE_SAMPLES) {
    const steps = endMs <= 0 ? 0 : samples;
    // Integer instants so the same run gives the same bytes on any machine.
    this.instantsMs = Float64Array.from({ length: steps + 1 }, (_, k) => (steps === 0 ? 0 : Math.round((endMs * k) / steps)));
    const slots = () => new Float64Array(steps + 1);
    this.slots = { accepted: slots(), tracked: slots(), entered: slots(), settled: slots() };
  }

  /** One event of `series` at `atMs`: in every point from the first instant not before it (none when after the end). */
  add(series: Series, atMs: number): void {
    const instants = this.instantsMs;
    let lo = 0;
    let hi = instants.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((instants[mid] as number) < atMs) lo = mid + 1;
      else hi = mid;
    }
    if (lo < instants.length) (this.slots[series][lo] as number)++;
  }

  points(): TimelinePoint[] {
    const sums = { accepted: 0, tracked: 0, entered: 0, settled: 0 };
    return Array.from(this.instantsMs, (atMs, k) => {
      for (const series of Object.keys(sums) as Series[]) sums[series] += this.slots[series][k] as number;
      return { atMs, accepted: sums.accepted, tracked: sums.tracked, backlog: sums.entered - sums.settled };
    });
  }
}

export interface SeriesInput {
  readonly acceptedAtMs: readonly number[];
  readonly activityAtMs: readonly number[];
  readonly enteredAtMs: readonly number[];
  /** When messages settled; those that never did are not in it, and stay in the backlog to the end. */
  readonly settledAtMs: readonly number[];
}

/** The series from lists of instants (the report counts as it reads the ledger instead). */
export function timelineSeries(input: SeriesInput, endMs: number, samples = TIMELINE_SAMPLES): TimelinePoint[] {
  const counter = new TimelineCounter(endMs, samples);
  for (const t of input.acceptedAtMs) counter.add('accepted', t);
  for (const t of input.activityAtMs) counter.add('tracked', t);
  for (const t of input.enteredAtMs) counter.add('entered', t);
  for (const t of input.settledAtMs) counter.add('settled', t);
  return counter.points();
}
