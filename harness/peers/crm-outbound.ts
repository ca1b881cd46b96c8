// CRM's own SMTP outbound (the seeds; O1-O3) through real software: email the model CRM holds in Pending Send is taken
// and marked Sending (with one more delivery attempt), handed to Postfix by nodemailer, and reported back: Sent on
// 250, else a failed attempt (Failed when permanent or the last allowed, R6). The model's own outbound
// (fakes/crm/smtp-outbound.ts) hands over through the engine's synchronous request, so this drives the same status
// moves through the web service calls the router's outgoing side uses (BackgroundSendEmail, SendEmailResult; R7).
import type { Transporter } from 'nodemailer';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { CRM_REQUEST, type BackgroundSendCall, type EmailToSend } from '../../fakes/crm/crm-api.js';
import { describeFailure, sendResultOf } from '../../fakes/crm/smtp-outbound.js';
import type { SmtpOutcome } from '../../fakes/mail/smtp-reply.js';
import type { PeerCrm } from './peer-crm.js';
import { acceptedOutcome, failedOutcome } from './smtp-outcome.js';

export const CRM_SMTP_CALLER = 'crm-smtp';

export interface OutboundReport {
  readonly taken: number;
  readonly sent: number;
  readonly failedAttempts: number;
}

/** One pass over the email ready to go; returns what it did. */
export async function sendPendingEmail(crm: PeerCrm, ledger: Ledger, transport: Transporter): Promise<OutboundReport> {
  const { settings, mailboxes } = crm.config;
  // Only senders whose outgoing access is the CRM server's own SMTP; CRM itself keeps an unapproved one's email Pending
  // Send (O2, OutboundStatus.ready).
  const owners = mailboxes.filter((m) => m.outgoing === 'smtp').map((m) => m.address);
  const call: BackgroundSendCall = {
    caller: CRM_SMTP_CALLER, owners, perOwner: Number.MAX_SAFE_INTEGER, pendingForMs: 0, sendingForMs: settings.outbound.sendingStatusDelayMs,
  };
  const emails = crm.call<EmailToSend[]>(CRM_SMTP_CALLER, CRM_REQUEST.backgroundSendEmail, call) ?? [];
  let sent = 0;
  for (const email of emails) {
    const outcome = await handOver(transport, email);
    if (outcome.kind === 'replied' && outcome.reply.code < 300) {
      sent++;
      const refused = new Set(outcome.rejectedRecipients.map((r) => r.address));
      const accepted = [...email.message.to, ...email.message.cc].map((a) => a.toLowerCase()).filter((a) => !refused.has(a));
      if (accepted.length > 0) ledger.accepted(email.message.key, accepted);
      if (refused.size > 0) ledger.bounced(email.message.key, `NDR for ${[...refused].join(', ')}`);
    } else {
      ledger.smtpAttempt(email.message.key, outcome.kind === 'replied' ? outcome.stage : 'connect', describeFailure(outcome));
    }
    crm.call(CRM_SMTP_CALLER, CRM_REQUEST.sendEmailResult, sendResultOf(email.activityId, outcome, settings.outbound.maxDeliveryAttempts));
  }
  return { taken: emails.length, sent, failedAttempts: emails.length - sent };
}

async function handOver(transport: Transporter, email: EmailToSend): Promise<SmtpOutcome> {
  const { message } = email;
  try {
    const info = await transport.sendMail({
      messageId: message.messageId ?? undefined, from: message.from, to: [...message.to], cc: [...message.cc], subject: message.subject,
      text: `${message.subject}\n`,
    });
    return acceptedOutcome(info);
  } catch (error) {
    return failedOutcome(error);
  }
}
