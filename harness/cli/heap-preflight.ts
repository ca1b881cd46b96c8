// Before a long run (`mailflow run`, each of `mailflow plan`'s runs), whether this Node's heap can hold it. A run
// keeps every message's record until it is checked: a run of a few million messages outgrows Node's default heap
// (which depends on the machine's memory) and dies, minutes in, of V8's out-of-memory abort with no word of why. The
// scenario's own cap (traffic-volume.ts) is the same on every machine; the heap is this one's, so it is checked
// here, in the CLI, before the run, with what to do about it.
import { getHeapStatistics } from 'node:v8';
import { trafficShares } from '../scenario/traffic-volume.js';
import type { Scenario } from '../scenario/schema.js';
import { InputError } from '../scenario/input-error.js';
import { populationOf } from '../scenario/population.js';

/**
 * Heap per simulated copy, an estimate rather than a bound. scenarios/scale.yaml's 1,000,000 messages were measured
 * to run to the end in an 800 MB heap (and not in 700 MB) when it was set; measured again on 2026-12-07 for the
 * report's figure below, the run alone fitted 700 MB and not 687 MB, so it now leans high by some 60 MB at scale
 * (left as it is: a margin). Within a few per cent of the limit a run may be refused that would just have fitted;
 * well past it, a run taken would have died minutes in. The check is the CLI's, not the library's: it reads this
 * machine. That 800 held scale.yaml's 20,000 mailboxes and CRM users too, counted apart since (below): 784 a copy
 * leaves its estimate as it was.
 */
export const HEAP_BYTES_PER_COPY = 784;

/**
 * Heap per mailbox, CRM user or queue (population.ts), which a run holds whatever its traffic: a scenario of many
 * mailboxes and little mail died of V8's abort with an estimate of almost nothing. Measured on 2026-12-07 with
 * scale.yaml's traffic cut to 60 messages an hour: 10,000, 100,000 and 200,000 mailboxes, each a CRM user on
 * server-side sync, fitted 43, 173 and 321 MB (757 to 775 bytes an entry); mailboxes alone, 478 bytes each.
 */
export const HEAP_BYTES_PER_MAILBOX = 800;

/**
 * What `--report` adds a copy: the report reads every message once and keeps a number for each tracked one (its
 * latency, for the histogram's percentiles), plus the page. Measured as above, with the same run played as
 * `mailflow run` plays it (2026-12-07): scale.yaml with the report runs in a 718 MB heap and not in 712 MB, without
 * it in 700 MB and not in 687 MB, so the report adds 13 to 31 MB over its million copies; taken at the upper end.
 * (Before the report read the messages one at a time, it held them all at once: 600 to 800 bytes a copy.)
 */
export const REPORT_HEAP_BYTES_PER_COPY = 32;

const GB = 1024 ** 3;

export interface HeapOptions {
  /** `--report` was given: its cost counts too. */
  readonly report?: boolean;
  /** This Node's heap (default: what V8 says). */
  readonly heapLimitBytes?: number;
}

/** Throws an InputError (exit 2) when the estimate does not fit the heap; says how to raise it. */
export function checkHeapFits(scenario: Scenario, file: string, options: HeapOptions = {}): void {
  const { report = false, heapLimitBytes = getHeapStatistics().heap_size_limit } = options;
  const copies = trafficShares(scenario).reduce((n, s) => n + s.messages, 0);
  const mailboxes = populationOf(scenario);
  const needed = copies * (HEAP_BYTES_PER_COPY + (report ? REPORT_HEAP_BYTES_PER_COPY : 0)) + mailboxes * HEAP_BYTES_PER_MAILBOX;
  if (needed <= heapLimitBytes) return;
  const raiseToMb = Math.ceil((needed * 1.25) / (1024 * 1024) / 1024) * 1024;
  const withReport = report ? ' (with the report)' : '';
  throw new InputError([{
    file, line: 0, column: 0, path: '',
    message: `${mailboxes === 0 ? '' : `${mailboxes.toLocaleString('en-US')} mailboxes, CRM users and queues and `}about ${Math.round(copies).toLocaleString('en-US')} messages need about ${(needed / GB).toFixed(1)} GB of heap${withReport}, and this Node allows ${(heapLimitBytes / GB).toFixed(1)} GB: `
      + `run it with NODE_OPTIONS=--max-old-space-size=${raiseToMb} (megabytes; the machine needs that much memory free), or simulate less`,
  }]);
}
