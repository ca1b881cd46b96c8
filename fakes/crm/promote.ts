// C1: the Outlook client's "Track in CRM": CheckPromoteEmail (is a message with this Message-ID and direction already
// in CRM? S8) then DeliverPromoteEmail, which creates the activity. Manual tracking bypasses the filter (S9); a
// regarding chosen by the user skips correlation (correlationmethod 1).
import type { MailMessage } from '../mail/mail-message.js';
import { activityByMessageId, type CrmDatabase } from './crm-database.js';
import { newEmailActivity, type CrmOrg, type DeliverResult } from './check-incoming.js';
import { correlate } from './correlation.js';
import { STATUS, type ActivityDirection } from './email-activity.js';
import { REASON } from './reason-codes.js';

export interface PromoteRequest {
  readonly message: MailMessage;
  readonly direction: ActivityDirection;
  /** The mailbox whose item is promoted: its owner owns the activity. */
  readonly mailbox: string;
  readonly regardingId: string | null;
  readonly caller: string;
}

/** CheckPromoteEmail: false when an activity with this Message-ID and direction exists (uniqueness key, S8). */
export function checkPromoteEmail(db: CrmDatabase, request: Pick<PromoteRequest, 'message' | 'direction'>): boolean {
  return activityByMessageId(db, request.direction, request.message.messageId) === undefined;
}

/** DeliverPromoteEmail; like DeliverIncomingEmail it repeats the duplicate check only when the setting asks [I]. */
export function deliverPromoteEmail(org: CrmOrg, db: CrmDatabase, request: PromoteRequest, nowMs: number): DeliverResult {
  if (org.settings.deliverRechecksDuplicate && !org.settings.skipDuplicateCheck && !checkPromoteEmail(db, request)) {
    return { delivered: false, reasonCode: REASON.duplicate };
  }
  const correlation = request.regardingId === null ? correlate(db, org.settings, request.message, nowMs) : null;
  const outgoing = request.direction === 'outgoing';
  const activity = newEmailActivity(db, org.settings, request.message, {
    direction: request.direction, status: outgoing ? STATUS.sent : STATUS.received, correlation,
    regardingId: request.regardingId, owner: request.mailbox, receivingMailbox: outgoing ? null : request.mailbox,
    acceptingEntity: outgoing ? null : request.mailbox, createdBy: request.caller, nowMs,
  });
  return { delivered: true, activity };
}
