// The email activity record as CRM keeps it (O1, S10, S12): state and status codes with the pairs CRM allows,
// direction, Message-ID, correlation, parties, delivery attempts, and which mailbox and entity it came in through.

/** O1: statecode. */
export const STATE = { open: 0, completed: 1, canceled: 2 } as const;
export type StateCode = (typeof STATE)[keyof typeof STATE];

/** O1: statuscode. */
export const STATUS = {
  draft: 1, completed: 2, sent: 3, received: 4, canceled: 5, pendingSend: 6, sending: 7, failed: 8,
} as const;
export type StatusCode = (typeof STATUS)[keyof typeof STATUS];

/** O1: the statecode each statuscode belongs to (Draft and Failed are Open; Canceled is Canceled; the rest Completed). */
export const STATE_OF_STATUS: Readonly<Record<StatusCode, StateCode>> = {
  1: STATE.open, 8: STATE.open, 2: STATE.completed, 3: STATE.completed, 4: STATE.completed, 6: STATE.completed,
  7: STATE.completed, 5: STATE.canceled,
};

export const STATUS_NAMES: Readonly<Record<StatusCode, string>> = {
  1: 'Draft', 2: 'Completed', 3: 'Sent', 4: 'Received', 5: 'Canceled', 6: 'Pending Send', 7: 'Sending', 8: 'Failed',
};

/** S10: correlationmethod. */
export const CORRELATION = {
  none: 0, skipped: 1, inReplyTo: 3, trackingToken: 4, conversationIndex: 5, smartMatching: 6,
} as const;
export type CorrelationMethod = (typeof CORRELATION)[keyof typeof CORRELATION];

export type ActivityDirection = 'incoming' | 'outgoing';

export interface EmailActivity {
  readonly activityId: string;
  readonly direction: ActivityDirection;
  statecode: StateCode;
  statuscode: StatusCode;
  /** O1 documents messageid for received email; [I] CRM also keeps the Message-ID of email sent, which In-Reply-To
   * correlation (S10) and CheckPromoteEmail's MessageId + DirectionCode key (S8) need (docs/crm.md, O1). Null for
   * mail that arrived without one. */
  readonly messageId: string | null;
  /** The ledger's key for the message (its Message-ID, or the key of a message that has none). */
  readonly ledgerKey: string;
  readonly subject: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  /** The tracking token in the subject (S11), if any. */
  readonly trackingToken: string | null;
  readonly conversationIndex: string | null;
  readonly correlationMethod: CorrelationMethod;
  /** S10: set only for InReplyTo and ConversationIndex correlation. */
  readonly parentActivityId: string | null;
  readonly regardingId: string | null;
  /** The user whose email this is: the sender for outgoing, the accepting user or queue for incoming. */
  readonly owner: string;
  /** S12: the mailbox the message was processed from, and the user or queue that accepted it; they can differ. */
  readonly receivingMailbox: string | null;
  readonly acceptingEntity: string | null;
  deliveryAttempts: number;
  readonly createdAtMs: number;
  /** Which path created it ('outlook', 'crm-web', ...): the ledger's `createdBy`. */
  readonly createdBy: string;
  /** When it entered its current status (Sending times out after `sendingStatusDelayMs`). */
  statusSinceMs: number;
}

/** O1: directioncode, true for outgoing. */
export function directionCode(activity: Pick<EmailActivity, 'direction'>): boolean {
  return activity.direction === 'outgoing';
}

export function setStatus(activity: EmailActivity, status: StatusCode, nowMs: number): void {
  activity.statuscode = status;
  activity.statecode = STATE_OF_STATUS[status];
  activity.statusSinceMs = smallMs(nowMs);
}

/**
 * The same instant, as a small integer when it is one. The clock hands out times as boxed doubles; stored as such,
 * V8 gives every activity's time fields a 16-byte box each, while a small integer lives in the field itself. Every
 * activity time goes through here, so the fields never hold anything else (a run past 24 days, or a fractional
 * time, just keeps the box).
 */
export function smallMs(ms: number): number {
  const small = ms | 0;
  return small === ms ? small : ms;
}
