// What a plan's run shows, per Test & Enable batch and in all: tracked by the router or by server-side sync,
// untracked by reason (S2a, S6, S4), duplicates prevented and real, the backlog each batch's first cycles pulled, and
// latency. A message belongs to the batch of the first user or queue mailbox it was eligible in.
import type { Ledger } from '../../sim/ledger/ledger.js';
import { duplicateActivities, duplicateDeliveries, isUntracked, untrackedReasonOf, type Counts } from '../../sim/ledger/counts.js';
import { REASON_DUPLICATE, type MessageLife } from '../../sim/ledger/records.js';
import { nearestRank } from '../../sim/check/percentile.js';
import type { CompiledPlan } from './compile-plan.js';

export interface BatchFigures {
  readonly batch: number;
  readonly enabledAtMs: number;
  readonly mailboxes: number;
  readonly failedTestAndEnable: number;
  /**
   * Its mailboxes sync had disabled when the run ended (S3, S4): the failed ones not retried, and any that a fault
   * (an Exchange outage past the retries) disabled after they were enabled. Their mail waits until they are retested.
   */
  readonly disabledAtEnd: number;
  readonly trackedByRouter: number;
  readonly trackedBySss: number;
  /** Mail server-side sync pulled that had arrived before the batch was enabled. */
  readonly backlog: number;
  readonly untracked: number;
  readonly untrackedByReason: Record<string, number>;
  /** Copies CRM answered Duplicate (S8), and activities or deliveries beyond the first (real duplicates). */
  readonly duplicatesPrevented: number;
  readonly duplicates: number;
  readonly latencyP50Ms: number | null;
  readonly latencyP95Ms: number | null;
}

export interface PlanCounts {
  /** Received messages with an incoming activity (a message tracked twice counts once; duplicates say the rest). */
  readonly tracked: number;
  readonly trackedByRouter: number;
  readonly trackedBySss: number;
  readonly untracked: number;
  readonly untrackedByReason: Record<string, number>;
  readonly duplicates: number;
  readonly duplicatesPrevented: number;
  readonly lost: number;
}

interface BatchTally {
  trackedByRouter: number;
  trackedBySss: number;
  backlog: number;
  untracked: number;
  untrackedByReason: Record<string, number>;
  duplicatesPrevented: number;
  duplicates: number;
  latencies: number[];
}

function newTally(): BatchTally {
  return { trackedByRouter: 0, trackedBySss: 0, backlog: 0, untracked: 0, untrackedByReason: {}, duplicatesPrevented: 0, duplicates: 0, latencies: [] };
}

/**
 * `compiled`: a plan's batches and drawn failures, or a scenario's cutover as the world built it (mailflow run).
 * `untrackedByMailbox`: the batches' untracked mail by the mailbox it belongs to (the first it was eligible in) and
 * reason, for the advice on which mailboxes lose it.
 */
export function planFigures(
  ledger: Ledger, counts: Counts, compiled: Pick<CompiledPlan, 'batches' | 'failing'>, disabledAtEnd: ReadonlySet<string>,
): { batches: BatchFigures[]; counts: PlanCounts; untrackedByMailbox: ReadonlyMap<string, Readonly<Record<string, number>>> } {
  const batchOf = new Map<string, number>();
  compiled.batches.forEach((batch, k) => { for (const mailbox of batch.mailboxes) batchOf.set(mailbox, k); });
  const tallies: BatchTally[] = compiled.batches.map(newTally);
  const untrackedByMailbox = new Map<string, Record<string, number>>();
  let tracked = 0;
  let trackedByRouter = 0;
  let trackedBySss = 0;
  for (const life of ledger.messages()) {
    const mailbox = batchMailboxOf(life, batchOf);
    const k = mailbox === null ? null : batchOf.get(mailbox) ?? null;
    const tally = k === null ? undefined : tallies[k];
    if (tally !== undefined) {
      tally.duplicatesPrevented += life.evaluations.filter((e) => e.reasonCode === REASON_DUPLICATE).length;
      tally.duplicates += duplicateActivities(life) + duplicateDeliveries(life);
    }
    const first = life.activities.find((a) => a.direction === 'incoming');
    if (first !== undefined) {
      tracked++;
      if (first.createdBy === 'router') trackedByRouter++;
      if (first.createdBy === 'sss') trackedBySss++;
      if (tally !== undefined) {
        if (first.createdBy === 'router') tally.trackedByRouter++;
        if (first.createdBy === 'sss') {
          tally.trackedBySss++;
          const enabledAtMs = compiled.batches[k ?? 0]?.atMs ?? 0;
          if (life.firstAcceptedAtMs !== null && life.firstAcceptedAtMs < enabledAtMs) tally.backlog++;
        }
        if (life.firstAcceptedAtMs !== null) tally.latencies.push(first.atMs - life.firstAcceptedAtMs);
      }
    } else if (tally !== undefined && ledger.inFlightAt(life.messageId) === undefined && isUntracked(life)) {
      const reason = untrackedReasonOf(life);
      tally.untracked++;
      tally.untrackedByReason[reason] = (tally.untrackedByReason[reason] ?? 0) + 1;
      if (mailbox !== null) {
        const byReason = untrackedByMailbox.get(mailbox) ?? {};
        byReason[reason] = (byReason[reason] ?? 0) + 1;
        untrackedByMailbox.set(mailbox, byReason);
      }
    }
  }
  const batches = compiled.batches.map((batch, k): BatchFigures => {
    const tally = tallies[k] ?? newTally();
    const sorted = tally.latencies.sort((a, b) => a - b);
    return {
      batch: k + 1, enabledAtMs: batch.atMs, mailboxes: batch.mailboxes.length,
      failedTestAndEnable: batch.mailboxes.filter((m) => compiled.failing.has(m)).length,
      disabledAtEnd: batch.mailboxes.filter((m) => disabledAtEnd.has(m)).length,
      trackedByRouter: tally.trackedByRouter, trackedBySss: tally.trackedBySss, backlog: tally.backlog,
      untracked: tally.untracked, untrackedByReason: tally.untrackedByReason,
      duplicatesPrevented: tally.duplicatesPrevented, duplicates: tally.duplicates,
      latencyP50Ms: nearestRank(sorted, 50) ?? null, latencyP95Ms: nearestRank(sorted, 95) ?? null,
    };
  });
  return {
    batches,
    untrackedByMailbox,
    counts: {
      tracked, trackedByRouter, trackedBySss, untracked: counts.untracked, untrackedByReason: counts.untrackedByReason,
      duplicates: counts.duplicates, duplicatesPrevented: counts.duplicatesPrevented, lost: counts.lost,
    },
  };
}

/** The mailbox whose batch a message belongs to: the first user or queue mailbox of a batch it was eligible in. */
function batchMailboxOf(life: MessageLife, batchOf: ReadonlyMap<string, number>): string | null {
  for (const placement of life.placements) {
    if (placement.mailboxKind === 'forward' || !placement.eligible) continue;
    if (batchOf.has(placement.mailbox)) return placement.mailbox;
  }
  return null;
}
