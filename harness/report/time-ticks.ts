// Axis ticks a person reads at a glance: virtual time at round steps (0, 30m, 1h, 1h 30m) and counts at 1-2-5 steps.
import { formatDurationMs } from '../scenario/duration.js';

const S = 1_000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
/** Round durations, smallest first. */
export const NICE_DURATIONS_MS: readonly number[] = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S, M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M,
  H, 2 * H, 3 * H, 6 * H, 12 * H, D, 2 * D, 7 * D, 14 * D, 28 * D,
];

/** The smallest round duration that cuts `spanMs` into at most `maxSteps` steps. */
export function niceDurationStepMs(spanMs: number, maxSteps: number): number {
  for (const step of NICE_DURATIONS_MS) if (spanMs / step <= maxSteps) return step;
  const last = NICE_DURATIONS_MS.at(-1) as number;
  return last * Math.ceil(spanMs / last / maxSteps);
}

/** Tick instants from 0 to `endMs` at a round step. */
export function timeTicksMs(endMs: number, maxTicks: number): number[] {
  const step = niceDurationStepMs(Math.max(endMs, 1), Math.max(maxTicks - 1, 1));
  const ticks: number[] = [];
  for (let t = 0; t <= endMs; t += step) ticks.push(t);
  return ticks;
}

/** A virtual-time label: `0`, `90s`, `1h 30m`. */
export function timeLabel(ms: number): string {
  return ms === 0 ? '0' : formatDurationMs(ms);
}

/** A duration for reading, not sorting: whole seconds from a second up (the path keeps the milliseconds). */
export function readableDuration(ms: number): string {
  return timeLabel(ms >= 1_000 ? Math.round(ms / 1_000) * 1_000 : ms);
}

/** Count ticks from 0 up to at least `max`, at a 1-2-5 step. */
export function countTicks(max: number, maxTicks: number): number[] {
  const top = Math.max(max, 1);
  let step = 1;
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((m) => m * magnitude).find((s) => Math.ceil(top / s) <= maxTicks - 1);
    if (found !== undefined) {
      step = found;
      break;
    }
  }
  const ticks: number[] = [];
  for (let v = 0; v < top + step; v += step) ticks.push(v);
  return ticks;
}
