// Outgoing access "Outlook" (R4): while it runs and is online, a user's Outlook takes the user's CRM email from
// Pending Send (CRM marks it Sending), sends it as the user through Exchange (so, unlike the router and CRM's SMTP,
// it lands in Sent Items, O3) and reports the result; Failed after the maximum attempts.
import type { ActorContext } from '../../sim/core/actor.js';
import { CRM_REQUEST, callCrm, type BackgroundSendCall, type EmailToSend } from '../crm/crm-api.js';
import { sendResultOf } from '../crm/smtp-outbound.js';
import type { SmtpOutcome } from '../mail/smtp-reply.js';
import { reached, sendFromMailbox } from '../exchange/mailbox-protocol.js';

export interface OutlookSending {
  readonly mailbox: string;
  readonly homeServer: string;
  readonly crmServer: string;
  /** Emails taken per round. [I] 5, as the router's BatchSize */
  readonly perRound: number;
  /** An email left Sending this long (Outlook closed mid-send) is taken again. [I] 30 min, as R6 */
  readonly sendingStatusDelayMs: number;
  readonly maxAttempts: number;
}

/** One round of sending; false when CRM did not answer. */
export function sendPendingEmail(ctx: ActorContext, config: OutlookSending): boolean {
  const call: BackgroundSendCall = { caller: 'outlook', owners: [config.mailbox], perOwner: config.perRound, pendingForMs: 0, sendingForMs: config.sendingStatusDelayMs };
  const emails = callCrm<EmailToSend[]>(ctx, config.crmServer, CRM_REQUEST.backgroundSendEmail, call);
  if (emails === null) return false;
  for (const email of emails) {
    const reply = sendFromMailbox(ctx, config.homeServer, { kind: 'send', mailbox: config.mailbox, message: email.message });
    const outcome: SmtpOutcome = reached(reply) ? reply.value : { kind: 'no-connection', why: 'refused' };
    callCrm<boolean>(ctx, config.crmServer, CRM_REQUEST.sendEmailResult, sendResultOf(email.activityId, outcome, config.maxAttempts));
  }
  return true;
}
