// The CRM organisation a scenario describes, after validation: its email-enabled records (users, queues, contacts,
// accounts, leads, others), how each user and queue processes email, and the organisation settings that decide what
// CheckIncomingEmail accepts (S8-S12) and how CRM's own outbound mail leaves (O1-O3). Every number is a setting.

/** S9: which incoming mail a user or queue accepts. `responses` (to CRM email) is the default. */
export type IncomingFilter = 'all' | 'responses' | 'leads-contacts-accounts' | 'email-enabled' | 'none';

/**
 * Which component brings a user's or queue's incoming mail to CRM (R4): Outlook, the E-mail Router through the
 * forward mailbox (an inbox rule copies the mail there), or the router reading the user's own Inbox.
 * Server-side sync adds its own.
 */
export type IncomingAccess = 'none' | 'outlook' | 'forward-mailbox' | 'email-router';
/** Which component sends a user's CRM email: `smtp` is the CRM server's own SMTP outbound (the seeds, O3), the
 * E-mail Router, or the user's Outlook (R4; into Sent Items). */
export type OutgoingAccess = 'none' | 'smtp' | 'email-router' | 'outlook';

export interface CrmMailbox {
  readonly address: string;
  readonly kind: 'user' | 'queue';
  readonly filter: IncomingFilter;
  readonly incoming: IncomingAccess;
  readonly outgoing: OutgoingAccess;
  /** S3, O2: email of an unapproved mailbox is neither processed nor sent (it stays Pending Send). */
  readonly approved: boolean;
  /** Runs Outlook with the CRM client (always when incoming access is Outlook): tracks by hand, sends tracked mail. */
  readonly outlook: boolean;
  /** S11: the user's number in tracking tokens (users only; 1-based, in scenario order). */
  readonly userNumber: number;
}

export type RecordKind = 'contact' | 'account' | 'lead' | 'other';

/** An email-enabled record that is not a user or queue: a party CRM can resolve a sender to (S9). */
export interface CrmRecord {
  readonly id: string;
  readonly kind: RecordKind;
  readonly address: string;
}

export interface SmartMatchingSettings {
  /** S10: off by default. */
  readonly enabled: boolean;
  /** S11: subject words hashed after stripping `word:` prefixes. */
  readonly maxSubjectWords: number;
  /** S11: at least this many addresses shared with the earlier email. */
  readonly minMatchingRecipients: number;
  /** S11: under load only the last 90 days are searched. */
  readonly lookbackMs: number;
}

export interface TokenSettings {
  /** S11: "CRM" by default, 1-20 characters. */
  readonly prefix: string;
  /** S11: the deployment's base number, added to each user's number. */
  readonly baseNumber: number;
  /** S11: digits of base + user number (3 by default, 1-10). */
  readonly userDigits: number;
  /** S11: digits of the per-user counter (3 by default, 1-9); it wraps from all nines to zero. */
  readonly counterDigits: number;
}

export interface OutboundSettings {
  /** The SMTP server CRM's own outbound mail is handed to: an Exchange server, or an outside relay. */
  readonly smtpServer: string | null;
  /** How often the outbound process looks for Pending Send email. [I] 1 min */
  readonly pollIntervalMs: number;
  /** R6: a failed attempt is tried again after this long (PendingStatusDelay 5 min). */
  readonly retryIntervalMs: number;
  /** R6: attempts before an email ends Failed (MaximumDeliveryAttempts 10). */
  readonly maxDeliveryAttempts: number;
  /** R6: an email left Sending this long (the sender crashed) goes back to Pending Send (SendingStatusDelay 30 min). */
  readonly sendingStatusDelayMs: number;
  /** Between the SMTP hand-over and recording Sent: a crash here leaves the email Sending and it is sent again. [I] 1 s */
  readonly statusUpdateDelayMs: number;
}

export interface CrmSettings {
  readonly token: TokenSettings;
  /** S12: "Track emails sent between users as two activities" (off by default). */
  readonly trackInternalAsTwoActivities: boolean;
  readonly smartMatching: SmartMatchingSettings;
  /** DeliverIncomingEmail re-runs the duplicate check (off by default: two interleaved callers both create, R13). */
  readonly deliverRechecksDuplicate: boolean;
  /**
   * Skip the duplicate check by Message-ID and direction altogether (S8 not applied): every copy of a message becomes
   * an activity. Only a scenario's `injectBug: no-dedup` sets it, as a defect a fuzz campaign must find.
   */
  readonly skipDuplicateCheck: boolean;
  /** Users and queues must be approved before their email is processed (S3; on by default). */
  readonly requireApproval: boolean;
  readonly outbound: OutboundSettings;
}

export const DEFAULT_CRM_SETTINGS: CrmSettings = {
  token: { prefix: 'CRM', baseNumber: 0, userDigits: 3, counterDigits: 3 },
  trackInternalAsTwoActivities: false,
  smartMatching: { enabled: false, maxSubjectWords: 20, minMatchingRecipients: 2, lookbackMs: 90 * 86_400_000 },
  deliverRechecksDuplicate: false,
  skipDuplicateCheck: false,
  requireApproval: true,
  outbound: {
    smtpServer: null, pollIntervalMs: 60_000, retryIntervalMs: 5 * 60_000, maxDeliveryAttempts: 10, sendingStatusDelayMs: 30 * 60_000,
    statusUpdateDelayMs: 1_000,
  },
};

/** An email a workflow or a web user creates at a given instant and sends through the user's outgoing access. */
export interface CrmEmailSpec {
  readonly atMs: number;
  readonly from: string;
  readonly to: readonly string[];
  readonly cc: readonly string[];
  readonly subject: string;
  /** The record the email is regarding, by id. */
  readonly regarding: string | null;
  readonly sizeBytes: number;
}

export interface CrmOrgConfig {
  /** The CRM server's actor name. */
  readonly server: string;
  /** Domain of the Message-IDs CRM generates. */
  readonly domain: string;
  readonly mailboxes: readonly CrmMailbox[];
  readonly records: readonly CrmRecord[];
  readonly settings: CrmSettings;
  readonly emails: readonly CrmEmailSpec[];
}
