// The status moves of CRM email on its way out (O1, R6, R7), whoever sends it (the CRM server's own SMTP outbound,
// the E-mail Router, Outlook and server-side sync through BackgroundSendEmail): each move is recorded in the ledger;
// Sent and Failed leave the outbound list; a failed attempt goes back to Pending Send until the maximum attempts, then
// Failed (counted bounced). Every sender takes its email through `ready`, so O2's approval gate lives there.
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailMessage } from '../mail/mail-message.js';
import type { CrmOrg } from './check-incoming.js';
import type { CrmDatabase } from './crm-database.js';
import { STATUS, STATUS_NAMES, setStatus, type EmailActivity, type StatusCode } from './email-activity.js';
import { senderApproved } from './sender-approval.js';

export class OutboundStatus {
  constructor(private readonly db: CrmDatabase, private readonly org: CrmOrg, private readonly ledger: Ledger, private readonly nowMs: () => number) {}

  enter(activity: EmailActivity, message: MailMessage, status: StatusCode): void {
    setStatus(activity, status, this.nowMs());
    this.ledger.outboundStatus(message.key, STATUS_NAMES[status], activity.deliveryAttempts);
    if (status === STATUS.sent || status === STATUS.failed) this.db.outbound.delete(activity.activityId);
  }

  /** A send begins: Sending, one more delivery attempt. */
  sending(activity: EmailActivity, message: MailMessage): void {
    activity.deliveryAttempts++;
    this.enter(activity, message, STATUS.sending);
  }

  /** An attempt failed: back to Pending Send, or Failed when it was permanent or the last allowed. */
  attemptFailed(activity: EmailActivity, message: MailMessage, why: string, permanent: boolean, maxAttempts: number): void {
    if (permanent || activity.deliveryAttempts >= maxAttempts) {
      this.enter(activity, message, STATUS.failed);
      this.ledger.bounced(message.key, `Failed after ${activity.deliveryAttempts} attempts: ${why}`);
      return;
    }
    this.enter(activity, message, STATUS.pendingSend);
  }

  /**
   * Emails of these owners ready to send, oldest first, at most `perOwner` each: Pending Send for `pendingForMs`
   * (after a failed attempt, too), or stuck Sending for `sendingForMs` (the sender died mid-send, R6/R7). Never the
   * email of an unapproved owner where approval is required (O2, S3): whoever asks, it stays Pending Send.
   */
  ready(owners: ReadonlySet<string>, perOwner: number, pendingForMs: number, sendingForMs: number): Array<[EmailActivity, MailMessage]> {
    const now = this.nowMs();
    const taken = new Map<string, number>();
    const ready: Array<[EmailActivity, MailMessage]> = [];
    for (const [id, message] of this.db.outbound) {
      const activity = this.db.activities.get(id);
      if (activity === undefined || !owners.has(activity.owner) || (taken.get(activity.owner) ?? 0) >= perOwner) continue;
      if (!senderApproved(this.org, activity.owner)) continue;
      const waited = now - activity.statusSinceMs;
      const due = activity.statuscode === STATUS.pendingSend ? waited >= pendingForMs : activity.statuscode === STATUS.sending && waited >= sendingForMs;
      if (!due) continue;
      taken.set(activity.owner, (taken.get(activity.owner) ?? 0) + 1);
      ready.push([activity, message]);
    }
    return ready;
  }
}
