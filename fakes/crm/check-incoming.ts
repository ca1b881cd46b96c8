// CheckIncomingEmail and DeliverIncomingEmail (S8-S12) as pure functions over the CRM database. The documented order:
// the duplicate check by Message-ID and direction, the sender, the recipients' filters (before correlation decides
// anything else), then correlation (In-Reply-To, token, conversation index, smart matching). Callers check, then
// deliver, in two requests; whatever happens between them is the caller's race (R13).
import type { MailMessage } from '../mail/mail-message.js';
import type { CrmMailbox, CrmSettings } from './crm-config.js';
import type { CrmDirectory, Party } from './crm-directory.js';
import { activityByMessageId, addActivity, newActivityId, type CrmDatabase } from './crm-database.js';
import { NO_CORRELATION, conversationIndexOf, correlate, type Correlation } from './correlation.js';
import { CORRELATION, STATUS, STATE_OF_STATUS, smallMs, type EmailActivity } from './email-activity.js';
import { filterAccepts } from './incoming-filter.js';
import { REASON, type ReasonCode } from './reason-codes.js';
import { subjectHash } from './smart-matching.js';
import { findToken } from './tracking-token.js';

export interface CrmOrg {
  readonly directory: CrmDirectory;
  readonly settings: CrmSettings;
}

/** One message as a caller hands it to CRM: the original (for a forwarded copy, the attachment) and where it was read. */
export interface IncomingEmail {
  readonly message: MailMessage;
  /** The mailbox the caller processed (a user's, a queue's, or the forward mailbox). */
  readonly receivingMailbox: string;
  readonly caller: string;
}

export interface CheckResult {
  readonly shouldDeliver: boolean;
  readonly reasonCode: ReasonCode;
  /** The user or queue that accepts it (S12), when it is accepted. */
  readonly acceptingEntity: string | null;
  readonly correlation: Correlation;
}

export function isDuplicateIncoming(db: CrmDatabase, message: MailMessage): boolean {
  return activityByMessageId(db, 'incoming', message.messageId) !== undefined;
}

/** CheckIncomingEmail: should this message become an incoming email activity, and why (or why not)? */
export function checkIncomingEmail(org: CrmOrg, db: CrmDatabase, email: IncomingEmail, nowMs: number): CheckResult {
  // S8: Message-ID and direction; a message without a Message-ID cannot be recognised (field report 11).
  if (!org.settings.skipDuplicateCheck && isDuplicateIncoming(db, email.message)) return refused(REASON.duplicate, NO_CORRELATION);
  return judge(org, email, correlate(db, org.settings, email.message, nowMs));
}

/**
 * Would CRM accept this message, the duplicate check aside? The ledger's eligibility test asks this at delivery
 * (design.md: eligible copies are those the accepting entity's filter takes).
 */
export function wouldAccept(org: CrmOrg, db: CrmDatabase, email: IncomingEmail, nowMs: number): boolean {
  return judge(org, email, correlate(db, org.settings, email.message, nowMs)).shouldDeliver;
}

/** A sender CRM can resolve at all: one `@`, no white space. */
const VALID_SENDER = /^[^@\s]+@[^@\s]+$/;

function isValidSender(from: string): boolean {
  // No memo here: models keep no module-level state (design.md), so runs in one process cannot influence each other.
  return VALID_SENDER.test(from);
}

/** Everything after the duplicate check: sender, recipients, filters, correlation. */
function judge(org: CrmOrg, email: IncomingEmail, correlation: Correlation): CheckResult {
  const { message } = email;
  if (!isValidSender(message.from)) return refused(REASON.invalidSender, correlation);
  const sender = org.directory.party(message.from);
  const correlated = correlation.match !== null;
  const candidates = scanCandidates(org, email, sender, correlated);
  if (!candidates.any) return refused(REASON.noRecipientMatch, correlation);
  // S12: mail from one CRM user to another is one activity, the sender's, unless the two-activities setting is on.
  if (sender?.kind === 'user' && !org.settings.trackInternalAsTwoActivities) return refused(REASON.internalEmailReject, correlation);
  const { accepting } = candidates;
  if (accepting === undefined) {
    // [I] The SDK gives NoCorrelationMatch for an unmatched token; when no recipient processes email at all (every
    // filter None) no named reason fits, and CRM answers Unknown.
    const nobodyListens = correlation.token === null && candidates.allFilterNone;
    return refused(nobodyListens ? REASON.unknown : REASON.noCorrelationMatch, correlation);
  }
  const reasonCode = correlated ? REASON.correlationMatch : accepting.filter === 'all' ? REASON.acceptAll : REASON.senderMatch;
  return { shouldDeliver: true, reasonCode, acceptingEntity: accepting.address, correlation };
}

/** What `judge` needs of the users and queues that could accept a message, gathered in one pass. */
interface Candidates {
  /** Any user or queue of the message at all. */
  any: boolean;
  /** Every one found so far has the filter None. */
  allFilterNone: boolean;
  /** S12: the first candidate whose filter takes the message. */
  accepting: CrmMailbox | undefined;
}

/**
 * S12: the message's users and queues in header order, then the receiving mailbox's owner (a Bcc recipient); only
 * approved ones where approval is required. A mailbox named twice counts as often: neither the first that accepts
 * nor "every filter None" changes, so no list of them is kept; and once one accepts, the rest cannot change the
 * verdict, so the scan stops there.
 */
function scanCandidates(org: CrmOrg, email: IncomingEmail, sender: Party | undefined, correlated: boolean): Candidates {
  const scan: Candidates = { any: false, allFilterNone: true, accepting: undefined };
  for (const address of email.message.to) if (consider(org, scan, address, sender, correlated)) return scan;
  for (const address of email.message.cc) if (consider(org, scan, address, sender, correlated)) return scan;
  consider(org, scan, email.receivingMailbox, sender, correlated);
  return scan;
}

/** Adds one address to the scan; true once a candidate accepts. */
function consider(org: CrmOrg, scan: Candidates, address: string, sender: Party | undefined, correlated: boolean): boolean {
  const mailbox = org.directory.mailbox(address);
  if (mailbox === undefined || (org.settings.requireApproval && !mailbox.approved)) return false;
  scan.any = true;
  if (mailbox.filter !== 'none') scan.allFilterNone = false;
  if (filterAccepts(mailbox.filter, sender, correlated)) scan.accepting = mailbox;
  return scan.accepting !== undefined;
}

function refused(reasonCode: ReasonCode, correlation: Correlation): CheckResult {
  return { shouldDeliver: false, reasonCode, acceptingEntity: null, correlation };
}

export type DeliverResult =
  | { readonly delivered: true; readonly activity: EmailActivity }
  | { readonly delivered: false; readonly reasonCode: ReasonCode };

/**
 * DeliverIncomingEmail: creates the activity. It judges the message again (the organisation may have changed since
 * the check) but, unless `deliverRechecksDuplicate` is on, does not repeat the duplicate check: two callers whose
 * check and deliver interleave both create an activity (R13). [I] Both that and a non-unique messageiddupcheck (S8)
 * are inferences, the source of every modelled duplicate activity of mail with a Message-ID (docs/crm.md).
 */
export function deliverIncomingEmail(org: CrmOrg, db: CrmDatabase, email: IncomingEmail, nowMs: number): DeliverResult {
  if (org.settings.deliverRechecksDuplicate && !org.settings.skipDuplicateCheck && isDuplicateIncoming(db, email.message)) {
    return { delivered: false, reasonCode: REASON.duplicate };
  }
  const verdict = judge(org, email, correlate(db, org.settings, email.message, nowMs));
  if (!verdict.shouldDeliver || verdict.acceptingEntity === null) return { delivered: false, reasonCode: verdict.reasonCode };
  const activity = newEmailActivity(db, org.settings, email.message, {
    direction: 'incoming', status: STATUS.received, correlation: verdict.correlation, regardingId: null,
    owner: verdict.acceptingEntity, receivingMailbox: email.receivingMailbox, acceptingEntity: verdict.acceptingEntity,
    createdBy: email.caller, nowMs,
  });
  return { delivered: true, activity };
}

export interface NewActivity {
  readonly direction: EmailActivity['direction'];
  readonly status: EmailActivity['statuscode'];
  readonly correlation: Correlation | null;
  /** An explicit regarding (set by the user); otherwise the correlated email's. */
  readonly regardingId: string | null;
  readonly owner: string;
  readonly receivingMailbox: string | null;
  readonly acceptingEntity: string | null;
  readonly createdBy: string;
  readonly nowMs: number;
}

/** Creates and stores an email activity for a message (S10: parentactivityid only for In-Reply-To and conversation index). */
export function newEmailActivity(db: CrmDatabase, settings: CrmSettings, message: MailMessage, spec: NewActivity): EmailActivity {
  const method = spec.correlation?.method ?? CORRELATION.skipped;
  const match = spec.correlation?.match ?? null;
  const hasParent = method === CORRELATION.inReplyTo || method === CORRELATION.conversationIndex;
  const activity: EmailActivity = {
    activityId: newActivityId(db), direction: spec.direction, statecode: STATE_OF_STATUS[spec.status], statuscode: spec.status,
    messageId: message.messageId, ledgerKey: message.key, subject: message.subject, from: message.from.toLowerCase(), to: message.to, cc: message.cc,
    trackingToken: findToken(settings.token, message.subject), conversationIndex: conversationIndexOf(message),
    correlationMethod: method, parentActivityId: hasParent && match !== null ? match.activityId : null,
    regardingId: spec.regardingId ?? match?.regardingId ?? null, owner: spec.owner,
    receivingMailbox: spec.receivingMailbox, acceptingEntity: spec.acceptingEntity, deliveryAttempts: 0,
    createdAtMs: smallMs(spec.nowMs), createdBy: spec.createdBy, statusSinceMs: smallMs(spec.nowMs),
  };
  // S11: the subject index serves smart matching alone; with it off (the default) no subject is hashed.
  addActivity(db, activity, settings.smartMatching.enabled ? subjectHash(message.subject, settings.smartMatching.maxSubjectWords) : null);
  return activity;
}
