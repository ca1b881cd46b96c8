// Before a long run (`mailflow run`, each of `mailflow plan`'s runs), whether this Node's heap can hold it. A run
// keeps every message's record until it is checked: a run of a few million messages outgrows Node's default heap
// (which depends on the machine's memory) and dies, minutes in, of V8's out-of-memory abort with no word of why. The
// scenario's own cap (traffic-volume.ts) is the same on every machine; the heap is this one's, so it is checked
// here, in the CLI, before the run, with what to do about it.
import { getHeapStatistics } from 'node:v8';
import { trafficShares } from '../scenario/traffic-volume.js';
import type { Scenario } from '../scenario/schema.js';
import { InputError } from '../scenario/input-error.js';

/**
 * Heap per simulated copy. scenarios/scale.yaml's 1,000,000 messages run to the end in an 800 MB heap (and not in
 * 700 MB); the toy world's copies cost less. So the figure leans low: a run refused would not have fitted, one
 * taken may still come close. The check is the CLI's, not the library's: it reads this machine.
 */
export const HEAP_BYTES_PER_COPY = 800;

const GB = 1024 ** 3;

/** Throws an InputError (exit 2) when the estimate does not fit the heap; says how to raise it. */
export function checkHeapFits(scenario: Scenario, file: string, heapLimitBytes = getHeapStatistics().heap_size_limit): void {
  const copies = trafficShares(scenario).reduce((n, s) => n + s.messages, 0);
  const needed = copies * HEAP_BYTES_PER_COPY;
  if (needed <= heapLimitBytes) return;
  const raiseToMb = Math.ceil((needed * 1.25) / (1024 * 1024) / 1024) * 1024;
  throw new InputError([{
    file, line: 0, column: 0, path: '',
    message: `about ${Math.round(copies).toLocaleString('en-US')} messages need about ${(needed / GB).toFixed(1)} GB of heap, and this Node allows ${(heapLimitBytes / GB).toFixed(1)} GB: `
      + `run it with NODE_OPTIONS=--max-old-space-size=${raiseToMb} (megabytes; the machine needs that much memory free), or simulate less`,
  }]);
}
