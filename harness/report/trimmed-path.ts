// A message's path as the report prints it: a sender that retries for two days leaves hundreds of steps, so long
// paths keep their first and last steps and say how many were left out between.
import type { PathStep } from '../../sim/ledger/records.js';

export interface TrimmedPath {
  readonly steps: readonly PathStep[];
  /** Steps left out after `steps[leftOutAfter - 1]` (0 when the path is whole). */
  readonly leftOut: number;
  readonly leftOutAfter: number;
}

/** Steps kept at each end of a long path. */
export const PATH_END_STEPS = 25;

export function trimPath(path: readonly PathStep[], endSteps = PATH_END_STEPS): TrimmedPath {
  if (path.length <= 2 * endSteps) return { steps: [...path], leftOut: 0, leftOutAfter: 0 };
  return {
    steps: [...path.slice(0, endSteps), ...path.slice(path.length - endSteps)],
    leftOut: path.length - 2 * endSteps,
    leftOutAfter: endSteps,
  };
}
