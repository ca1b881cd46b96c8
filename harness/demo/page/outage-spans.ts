// Which places a fault puts out of service, and for how long: a `down` (or `crash`) on a target until the verb that
// ends it (`up`, `restart`, `recoverServer`: FAULT_ENDS, as the report's timeline reads them), or the end of the run. The scrubber draws these as bands and the player greys out the places
// they hit; both read the same spans so the picture and the time scale agree.
import type { DemoData, DemoLane, DemoOperation, DemoPlace, LaneId } from '../demo-data.js';
import { FAULT_ENDS } from '../../report/fault-ends.js';

/**
 * The faults that put a place out of service, drawn as outages; the others (inbound stopped, a stage fault, a
 * database dismounted) leave the server up and are told in captions. Each lasts until a verb FAULT_ENDS gives it.
 */
const OUTAGES: ReadonlySet<string> = new Set(['down', 'crash']);

export interface OutageSpan {
  readonly lane: LaneId | 'both';
  readonly verb: string;
  readonly target: string;
  readonly fromMs: number;
  /** Exclusive: the instant the target is back (the run's end when it never comes back). */
  readonly toMs: number;
}

/** Does an operation's target name this place: its server, its id, the name after its id's prefix, or its label? */
export function targetHits(target: string, place: DemoPlace): boolean {
  if (place.server === target || place.id === target || place.label === target) return true;
  const colon = place.id.indexOf(':');
  return colon >= 0 && place.id.slice(colon + 1) === target;
}

function appliesTo(op: { lane: LaneId | 'both' }, lane: LaneId): boolean {
  return op.lane === 'both' || op.lane === lane;
}

export function outageSpans(data: DemoData): OutageSpan[] {
  const spans: OutageSpan[] = [];
  const ops = [...data.operations].sort((a, b) => a.atMs - b.atMs);
  ops.forEach((op, i) => {
    const closers = FAULT_ENDS[op.verb];
    if (!OUTAGES.has(op.verb) || closers === undefined || op.target === null) return;
    const end = ops.slice(i + 1).find((o: DemoOperation) => closers.includes(o.verb) && o.target === op.target && (o.lane === op.lane || o.lane === 'both'));
    spans.push({ lane: op.lane, verb: op.verb, target: op.target, fromMs: op.atMs, toMs: end?.atMs ?? data.endMs });
  });
  return spans;
}

/** For one lane: each span that touches it, with the ids of the places it puts out of service. */
export function laneOutages(lane: DemoLane, spans: readonly OutageSpan[]): Array<{ fromMs: number; toMs: number; places: string[] }> {
  return spans
    .filter((s) => appliesTo(s, lane.id))
    .map((s) => ({ fromMs: s.fromMs, toMs: s.toMs, places: lane.places.filter((p) => targetHits(s.target, p)).map((p) => p.id) }))
    .filter((s) => s.places.length > 0);
}
