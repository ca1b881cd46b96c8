// One pass over a run's messages for what the report draws from them all: the timeline, the latencies, and where
// each message a check names stands in first-seen order. Each message is read and let go: a report that held every
// message's view and facts at once took 0.8 GB more at a million messages (scenarios/scale.yaml, docs/report.md).
import type { Ledger } from '../../sim/ledger/ledger.js';
import { messageFacts } from './message-facts.js';
import { TimelineCounter, type TimelinePoint } from './timeline-series.js';

export interface LedgerScan {
  readonly total: number;
  readonly timeline: readonly TimelinePoint[];
  /** Acceptance to first incoming activity, for each message that has both. */
  readonly latenciesMs: readonly number[];
  /** The first-seen index of each message in `named`. */
  readonly indexOf: ReadonlyMap<string, number>;
}

export function scanLedger(ledger: Ledger, endMs: number, named: ReadonlyMap<string, unknown>): LedgerScan {
  const timeline = new TimelineCounter(endMs);
  const latenciesMs: number[] = [];
  const indexOf = new Map<string, number>();
  let total = 0;
  for (const life of ledger.messages()) {
    if (named.has(life.messageId)) indexOf.set(life.messageId, total);
    total++;
    const facts = messageFacts(life);
    if (life.firstAcceptedAtMs !== null) timeline.add('accepted', life.firstAcceptedAtMs);
    for (const activity of life.activities) timeline.add('tracked', activity.atMs);
    timeline.add('entered', facts.enteredAtMs);
    if (facts.settledAtMs !== null) timeline.add('settled', facts.settledAtMs);
    if (facts.latencyMs !== null) latenciesMs.push(facts.latencyMs);
  }
  return { total, timeline: timeline.points(), latenciesMs, indexOf };
}
