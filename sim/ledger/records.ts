// The shapes the ledger keeps for each message's life, keyed by Message-ID. Models append facts; checkers and
// counts read them, so checkers never need model logic (design.md, "The ledger and the checkers").
import type { UntrackedReason } from './untracked-reasons.js';

export type MailboxKind = 'user' | 'queue' | 'forward';
export type Direction = 'incoming' | 'outgoing';
export type SmtpStage = 'connect' | 'ehlo' | 'mail' | 'rcpt' | 'data' | 'end-of-data';

/**
 * Why a copy left a mailbox. Users' own actions are legitimate, and so is `processed`: a queue or forward mailbox set
 * to delete mail after processing (R10, S1) removes it by design once it is tracked, which design.md's `lost` does not
 * mean. `rolled-back` (a restore without log replay, X3) is not legitimate, and makes the copy lost.
 */
export type RemovalCause = 'user-delete' | 'processed' | 'rolled-back';
export const LEGITIMATE_REMOVALS: ReadonlySet<RemovalCause> = new Set<RemovalCause>(['user-delete', 'processed']);

/** One copy of a message in one mailbox. `folder` follows user moves; `removal` is set when it left the store. */
export interface Placement {
  readonly mailbox: string;
  readonly mailboxKind: MailboxKind;
  readonly folder: string;
  readonly deliveredAtMs: number;
  /** Would the accepting entity's filter accept this copy (S9)? Decided by the model at delivery. */
  readonly eligible: boolean;
  readonly removal: { readonly atMs: number; readonly cause: RemovalCause } | null;
}

/** An email activity created in CRM for this message. */
export interface ActivityRecord {
  readonly activityId: string;
  readonly direction: Direction;
  readonly atMs: number;
  /** Which path created it: 'router', 'sss', 'outlook', 'toy-consumer', ... */
  readonly createdBy: string;
  /** S12: the mailbox it was read from and the user or queue that accepted it (null where not applicable). */
  readonly receivingMailbox: string | null;
  readonly acceptingEntity: string | null;
  /** Set when a person deleted the activity in CRM. */
  readonly deletedAtMs: number | null;
  /** The CRM organisation that holds it (one router can serve several, R12); null where there is only one. */
  readonly organisation: string | null;
}

/** CheckIncomingEmail / CheckPromoteEmail outcome (S8). Reason codes: -1 Unknown .. 7 InvalidSender. */
export interface Evaluation {
  readonly atMs: number;
  readonly reasonCode: number;
  readonly caller: string;
  /** S10's correlationmethod and S12's accepting entity, when CRM reported them. */
  readonly correlationMethod: number | null;
  readonly acceptingEntity: string | null;
  /** The earlier email CRM linked it to (S10), if any. */
  readonly correlatedWith: { readonly activityId: string; readonly messageId: string } | null;
}

/** A CRM email on its way out (O1): its status name, the attempts so far. */
export interface OutboundRecord {
  readonly status: string;
  readonly attempts: number;
}

/** R8: the router's ThresholdDate for a mailbox that had passed a message it never read. */
export interface PassedThreshold {
  readonly mailbox: string;
  /** The ThresholdDate, in virtual time (ms after the start). */
  readonly atMs: number;
}

/** One line of the path a message took, as reports print it. */
export interface PathStep {
  readonly atMs: number;
  readonly step: string;
  readonly detail: string;
}

/**
 * What the ledger knows about one message. The ledger keeps only its path steps (path-log.ts); everything here is
 * read from them (life.ts), so hold a MessageLife while you read it rather than keeping many.
 */
export interface MessageLife {
  readonly messageId: string;
  readonly submittedAtMs: number | null;
  /** Internal mailboxes the organisation's transport accepted the message for (250 after DATA), each once. */
  readonly acceptedMailboxes: readonly string[];
  readonly firstAcceptedAtMs: number | null;
  readonly placements: readonly Placement[];
  readonly activities: readonly ActivityRecord[];
  readonly evaluations: readonly Evaluation[];
  readonly bouncedAtMs: number | null;
  /**
   * Internal recipients an NDR was returned for after acceptance (queue expiry), each once: not lost, the sender
   * was told.
   */
  readonly bouncedMailboxes: readonly string[];
  /** Copies that reached each recipient: mailbox placements (redeliveries too, restores not) and hand-overs to the
   * Internet. More than one for a CRM email is a duplicate delivery (a 250 lost after DATA, a resend). */
  readonly deliveries: ReadonlyMap<string, number>;
  /** Set when CRM created this message as outgoing email (Pending Send and on); null for everything else. */
  readonly outbound: OutboundRecord | null;
  /** Set by a model that knows why an eligible message was never tracked (S2a, S6, ...). */
  readonly untrackedReason: UntrackedReason | null;
  /** With untrackedReason `before-threshold-date`: the ThresholdDate that had passed it (R8); otherwise null. */
  readonly passedThreshold: PassedThreshold | null;
  /** A person asked to track it (C4): it must reach CRM whatever the filter says (S9). */
  readonly trackRequested: boolean;
  /** The mailboxes whose owners tracked it by hand (empty unless trackRequested). */
  readonly trackedByHandIn: readonly string[];
  /** A new array on each read, with each step's text. */
  readonly path: readonly PathStep[];
  /** Submitted by an SMTP client outside the model (`mailflow serve`), not by a modelled sender. */
  readonly fromWireClient: boolean;
  /**
   * The first message of its resend chain, when a wire client sent this one again with a new Message-ID after that
   * one's 250 was lost (the same From, recipients, Subject and body); null otherwise.
   */
  readonly resendOf: string | null;
  /** The messages that were such resends of this one, in order (empty for nearly every message). */
  readonly resentAs: readonly string[];
}

/** CheckIncomingEmail reasons CRM refuses by design (counted as `tossed`): Unknown, NoCorrelationMatch,
 * NoRecipientMatch, InternalEmailReject, InvalidSender (S8). */
export const TOSSED_REASON_CODES: ReadonlySet<number> = new Set([-1, 1, 3, 4, 7]);
export const REASON_DUPLICATE = 0;
