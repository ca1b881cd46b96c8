// What the report needs to know about one message, read from its ledger life: when it entered the flow, when it
// settled (left the backlog), its latency from acceptance to activity, and its outcome in one word.
import {
  duplicateActivities, duplicateDeliveries, isUntracked, lostRecipients, recreatedActivities, untrackedReasonOf,
} from '../../sim/ledger/counts.js';
import { trackingLatencyMs } from '../../sim/ledger/latency.js';
import type { MessageLife } from '../../sim/ledger/records.js';

export interface MessageFacts {
  readonly enteredAtMs: number;
  /**
   * When the message stopped waiting on the mail flow: its first incoming activity if a copy was eligible for
   * tracking, its NDR, Sent or Failed for CRM email, else its acceptance or hand-over to the Internet. Null when it
   * never did (untracked, or still in flight at the end).
   */
  readonly settledAtMs: number | null;
  /** First acceptance to first incoming activity, as the `latency` check measures it (null when there is none). */
  readonly latencyMs: number | null;
  readonly firstActivityAtMs: number | null;
}

export function messageFacts(life: MessageLife): MessageFacts {
  const enteredAtMs = life.submittedAtMs ?? life.firstAcceptedAtMs ?? life.path[0]?.atMs ?? 0;
  const settled = settledAt(life);
  return {
    enteredAtMs,
    settledAtMs: settled === null ? null : Math.max(settled, enteredAtMs),
    latencyMs: trackingLatencyMs(life),
    firstActivityAtMs: earliest(life.activities.map((a) => a.atMs)),
  };
}

function settledAt(life: MessageLife): number | null {
  if (life.outbound !== null) {
    return life.path.find((s) => s.step === 'outbound' && /^(Sent|Failed)\b/.test(s.detail))?.atMs ?? null;
  }
  const eligible = life.placements.filter((p) => p.eligible);
  if (eligible.length > 0) {
    const tracked = earliest(life.activities.filter((a) => a.direction === 'incoming').map((a) => a.atMs));
    if (tracked !== null) return tracked;
    if (life.bouncedAtMs !== null) return life.bouncedAtMs;
    // Every eligible copy gone (deleted by a person, rolled back) before anything tracked it: nothing left to wait on.
    const removals = eligible.map((p) => p.removal?.atMs ?? null);
    return removals.every((t) => t !== null) ? Math.max(...(removals as number[])) : null;
  }
  const sentOut = life.path.find((s) => s.step === 'sent-out')?.atMs ?? null;
  return earliest([life.firstAcceptedAtMs, life.bouncedAtMs, sentOut].filter((t): t is number => t !== null));
}

function earliest(times: readonly number[]): number | null {
  let min: number | null = null;
  for (const t of times) if (min === null || t < min) min = t;
  return min;
}

/**
 * The message's outcome in a few words, worst first: lost, duplicate, pending, bounced, untracked (with the
 * reason), tracked, delivered, accepted, submitted. `inFlightAt` is where the ledger says it still is, if anywhere.
 */
export function outcomeOf(life: MessageLife, inFlightAt: string | undefined): string {
  if (inFlightAt === undefined && lostRecipients(life).length > 0) return 'lost';
  if (duplicateActivities(life) + duplicateDeliveries(life) > 0) return 'duplicate';
  if (inFlightAt !== undefined) return `pending: ${inFlightAt}`;
  if (life.bouncedAtMs !== null) return 'bounced';
  if (isUntracked(life)) return `untracked: ${untrackedReasonOf(life)}`;
  // What an incident's users report as a duplicate, though no two activities exist at once (the incident review).
  if (life.activities.length > 0) return recreatedActivities(life) > 0 ? 'tracked: made again after a delete in CRM (R8)' : 'tracked';
  if (life.placements.length > 0 || life.path.some((s) => s.step === 'sent-out')) return 'delivered';
  if (life.firstAcceptedAtMs !== null) return 'accepted';
  return 'submitted';
}
