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
  /** Before the latencies start: messages that waited in their senders' queues before acceptance (X1), and how long. */
  readonly queued: QueuedBeforeAcceptance;
}

/**
 * The latency check starts at acceptance, so an outage's messages, queued at their senders and accepted in a burst
 * after it, show small latencies (lesson 2: a 90-minute outage, "max 59s"): what waited before, and how long from
 * submission to the first incoming activity at most.
 */
export interface QueuedBeforeAcceptance {
  readonly messages: number;
  readonly longestMs: number;
  /** Submission to first incoming activity, the longest over all messages that have both. */
  readonly submissionToActivityMaxMs: number;
}

export function scanLedger(ledger: Ledger, endMs: number, named: ReadonlyMap<string, unknown>): LedgerScan {
  const timeline = new TimelineCounter(endMs);
  const latenciesMs: number[] = [];
  const indexOf = new Map<string, number>();
  let total = 0;
  let queuedMessages = 0;
  let queuedLongestMs = 0;
  let submissionToActivityMaxMs = 0;
  for (const life of ledger.messages()) {
    if (named.has(life.messageId)) indexOf.set(life.messageId, total);
    total++;
    const facts = messageFacts(life);
    if (life.firstAcceptedAtMs !== null) timeline.add('accepted', life.firstAcceptedAtMs);
    for (const activity of life.activities) timeline.add('tracked', activity.atMs);
    timeline.add('entered', facts.enteredAtMs);
    if (facts.settledAtMs !== null) timeline.add('settled', facts.settledAtMs);
    if (facts.latencyMs !== null) latenciesMs.push(facts.latencyMs);
    if (life.submittedAtMs !== null && life.firstAcceptedAtMs !== null && life.firstAcceptedAtMs > life.submittedAtMs) {
      queuedMessages++;
      queuedLongestMs = Math.max(queuedLongestMs, life.firstAcceptedAtMs - life.submittedAtMs);
    }
    if (life.submittedAtMs !== null && facts.latencyMs !== null && life.firstAcceptedAtMs !== null) {
      submissionToActivityMaxMs = Math.max(submissionToActivityMaxMs, life.firstAcceptedAtMs + facts.latencyMs - life.submittedAtMs);
    }
  }
  return { total, timeline: timeline.points(), latenciesMs, indexOf, queued: { messages: queuedMessages, longestMs: queuedLongestMs, submissionToActivityMaxMs } };
}
