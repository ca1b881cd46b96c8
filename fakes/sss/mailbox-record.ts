// The CRM mailbox record server-side sync keeps per user, queue or forward mailbox (S1, S3, S4, S6): Test & Enable
// statuses, whether it is enabled, the watermark of the last processed received time, and the transient errors met.
// Durable: it lives in CRM's database.

export type TestStatus = 'not-run' | 'success' | 'failure';

export interface MailboxRecord {
  readonly address: string;
  incoming: TestStatus;
  outgoing: TestStatus;
  /** S3: appointments, contacts and tasks; not run where the user has no ACT sync. */
  act: TestStatus;
  enabled: boolean;
  /** Why it was disabled (S4), for untracked mail's reason. */
  disabledReason: string | null;
  /**
   * When it was disabled (the first of disablings in a row, when its mail started waiting), and what disabled it for
   * `disabledReason` (the latest reason): a failed Test & Enable (S3), or sync's errors (S4: a permanent one, or
   * transient ones past the retries). Null while enabled or never disabled. For the run's summary of disabled
   * mailboxes, and to tell mail filed while the mailbox was still enabled (S6) from mail it never got to.
   */
  disabledAtMs: number | null;
  disabledBy: 'test-and-enable' | 'errors' | null;
  /**
   * The times it was disabled that a later successful Test & Enable ended, oldest first; null until one has. Only for
   * the run's summary: a mailbox disabled for hours and then enabled leaves nothing else to say its mail waited.
   */
  pastDisablings: PastDisabling[] | null;
  /** When Test & Enable last succeeded. */
  enabledAtMs: number | null;
  /**
   * When Test & Enable first succeeded in the run: without a Process Email From, mail from then on is processed (a
   * later Test & Enable pulls back to it). Minus infinity for a mailbox enabled before the run: no bound. [I]
   */
  firstEnabledAtMs: number | null;
  /** S6: the received time of the last processed item; only later items of the root Inbox are processed. */
  watermarkMs: number | null;
  /** [I] Items processed in the very instant of the watermark (the record keeps a date; the model needs ids). */
  doneAtWatermark: number[];
  /** S4: transient errors in a row. */
  transientErrors: number;
  /** S16: items the person tracked outside the root Inbox that sync has processed (store ids). */
  markedDone: number[];
  /** S13: "sync with this org only" (the Test & Enable option): take the mailbox back from another organisation. */
  syncWithThisOrgOnly: boolean;
  /** S13: the organisation found holding the mailbox when it stopped here, for untracked mail's reason. */
  otherOrganisation: string | null;
}

/** A time the mailbox was disabled (S3, S4), from the disabling to the Test & Enable that ended it. */
export interface PastDisabling {
  readonly by: 'test-and-enable' | 'errors';
  readonly why: string;
  readonly fromMs: number;
  readonly toMs: number;
}

export function newMailboxRecord(address: string): MailboxRecord {
  return {
    address, incoming: 'not-run', outgoing: 'not-run', act: 'not-run', enabled: false, disabledReason: null, disabledAtMs: null, disabledBy: null, pastDisablings: null, enabledAtMs: null, firstEnabledAtMs: null,
    watermarkMs: null, doneAtWatermark: [], transientErrors: 0, markedDone: [], syncWithThisOrgOnly: false, otherOrganisation: null,
  };
}

/**
 * S2a, S6: will the next cycle read this root-Inbox item? After the watermark, and after Process Email From; without
 * one, after the mailbox was first enabled. [I]
 */
export function isDue(record: MailboxRecord, processEmailFromMs: number | null, item: { storeId: number; receivedAtMs: number }): boolean {
  const fromMs = processEmailFromMs ?? record.firstEnabledAtMs;
  if (fromMs !== null && item.receivedAtMs < fromMs) return false;
  if (record.watermarkMs === null || item.receivedAtMs > record.watermarkMs) return true;
  return item.receivedAtMs === record.watermarkMs && !record.doneAtWatermark.includes(item.storeId);
}

/**
 * S2a, S6: the earliest received time a root-Inbox item can have and still be due (`isDue`): the later of Process
 * Email From (or, without one, first enabled) and the watermark, which is inclusive (items of that very instant may
 * not all be done). Null when no item is too old.
 */
export function earliestDueMs(record: MailboxRecord, processEmailFromMs: number | null): number | null {
  const fromMs = processEmailFromMs ?? record.firstEnabledAtMs ?? Number.NEGATIVE_INFINITY;
  const earliest = Math.max(fromMs, record.watermarkMs ?? Number.NEGATIVE_INFINITY);
  return Number.isFinite(earliest) ? earliest : null;
}

/**
 * The bound a cycle's Inbox read passes as `receivedAfterMs` (exclusive), so Exchange need not hand back the items
 * behind the watermark that every cycle would drop again: one millisecond before the earliest due instant, which
 * keeps that instant itself. Anything it lets through is still judged by `isDue`. Null: read everything.
 */
export function inboxReadBound(record: MailboxRecord, processEmailFromMs: number | null): number | null {
  const earliest = earliestDueMs(record, processEmailFromMs);
  return earliest === null ? null : earliest - 1;
}

/** The item is done: the watermark moves to its received time (S6). */
export function markDone(record: MailboxRecord, item: { storeId: number; receivedAtMs: number }): void {
  if (record.watermarkMs === null || item.receivedAtMs > record.watermarkMs) {
    record.watermarkMs = item.receivedAtMs;
    record.doneAtWatermark = [item.storeId];
  } else if (item.receivedAtMs === record.watermarkMs) {
    record.doneAtWatermark.push(item.storeId);
  }
}
