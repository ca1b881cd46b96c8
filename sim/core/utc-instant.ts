// A time in the run as the clock instant it stands for (virtual time 0 is the scenario's `start`), in the words the
// load-time warnings use: "2026-01-05T09:00:00Z is 1h after the start". Here, below the harness, so that checkers
// (a ThresholdDate in an offender, R8) and the harness's warnings say instants alike.
import { formatDurationMs } from './format-duration.js';

/** An ISO instant in UTC as scenario files write one: no milliseconds when there are none. */
export function utcInstantText(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}

/** How far a time in the run is from the start: "1h after the start", "1h before the start", "the start". */
export function fromStartText(ms: number): string {
  if (ms === 0) return 'the start';
  return `${formatDurationMs(Math.abs(ms))} ${ms > 0 ? 'after' : 'before'} the start`;
}

/** A time in the run as its instant and how far that is from the start: "2026-01-05T09:00:00Z is 1h after the start". */
export function instantFromStartText(startEpochMs: number, ms: number): string {
  return `${utcInstantText(startEpochMs + ms)} is ${fromStartText(ms)}`;
}
