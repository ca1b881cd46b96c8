// Each duration is at most MAX_DURATION_MS (time-bounds.ts), but a scenario also adds them up: the run ends at the
// horizon plus the drain, and a cutover's batch k runs at its switch plus k batch intervals. Those sums must stay
// inside the bound too, or a scenario that validates would take the engine past its limit (exit 3).
import type { ConsistencyProblem } from './check-consistency.js';
import { cutoverMailboxesAtMost } from './cutover-mailboxes.js';
import { formatDurationMs } from './duration.js';
import { MAX_DURATION_MS, MAX_DURATION_SAID } from './time-bounds.js';
import type { Scenario } from './schema.js';

export function checkTimeBounds(scenario: Scenario): ConsistencyProblem[] {
  const problems: ConsistencyProblem[] = [];
  const endMs = scenario.horizon + scenario.drain;
  if (endMs > MAX_DURATION_MS) {
    // Said at the longer of the two: a drain left at its default (3d) is not written in the file to point at.
    problems.push({
      path: [scenario.drain > scenario.horizon ? 'drain' : 'horizon'],
      message: `the run would end at ${formatDurationMs(endMs)} (the horizon, ${formatDurationMs(scenario.horizon)}, plus the drain, ${formatDurationMs(scenario.drain)}): a run lasts at most ${MAX_DURATION_SAID}`,
    });
  }
  const cutover = scenario.sss?.cutover;
  if (cutover === undefined) return problems;
  const batches = Math.ceil(cutoverMailboxesAtMost(scenario).size / cutover.batchSize);
  const lastMs = cutover.at + Math.max(0, batches - 1) * cutover.batchInterval;
  if (lastMs > MAX_DURATION_MS) {
    problems.push({
      path: ['sss', 'cutover', 'batchInterval'],
      message: `up to ${batches} batches this far apart from the switch at ${formatDurationMs(cutover.at)} would end at ${formatDurationMs(lastMs)}, past ${MAX_DURATION_SAID}, the latest a scenario's time may reach`,
    });
  }
  return problems;
}
