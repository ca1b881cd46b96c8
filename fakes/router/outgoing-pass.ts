// The router's outgoing side (R7): round-robin passes over the users whose outgoing access is the router, a few users
// at a time (RequestBatchSize, 5) and a few emails each (BatchSize, 5); CRM hands over email that has waited
// PendingStatusDelay in Pending Send (or SendingStatusDelay stuck in Sending) and marks it Sending; the router sends
// it through the deployment's outgoing profile and reports Sent, or a failed attempt (Failed after
// MaximumDeliveryAttempts). A heavy sender's email waits for later passes: backlog.
import type { ActorContext } from '../../sim/core/actor.js';
import { sendResultOf } from '../crm/smtp-outbound.js';
import { CRM_REQUEST, callCrm, type BackgroundSendCall, type EmailToSend } from '../crm/crm-api.js';
import type { SmtpSubmission } from '../exchange/exchange-server.js';
import type { SmtpOutcome } from '../mail/smtp-reply.js';
import type { ProviderOverrides } from './router-config.js';
import { ROUTER_CALLER } from './incoming-cycle.js';

export interface OutgoingSenders {
  readonly crmServer: string;
  readonly smtpServer: string;
  /** Users and queues whose outgoing access is the router, in a fixed order. */
  readonly owners: readonly string[];
}

/** One poll: every owner gets one turn, `requestBatchSize` owners per CRM call. Returns false if CRM did not answer. */
export function outgoingPoll(ctx: ActorContext, senders: OutgoingSenders, overrides: ProviderOverrides): boolean {
  for (let start = 0; start < senders.owners.length; start += overrides.requestBatchSize) {
    const call: BackgroundSendCall = {
      caller: ROUTER_CALLER, owners: senders.owners.slice(start, start + overrides.requestBatchSize), perOwner: overrides.batchSize,
      pendingForMs: overrides.pendingStatusDelayMs, sendingForMs: overrides.sendingStatusDelayMs,
    };
    const emails = callCrm<EmailToSend[]>(ctx, senders.crmServer, CRM_REQUEST.backgroundSendEmail, call);
    if (emails === null) return false;
    for (const email of emails) send(ctx, senders, overrides, email);
  }
  return true;
}

function send(ctx: ActorContext, senders: OutgoingSenders, overrides: ProviderOverrides, email: EmailToSend): void {
  const submission: SmtpSubmission = { message: email.message, authenticated: true };
  const reply = ctx.request(senders.smtpServer, 'smtp', submission);
  const outcome: SmtpOutcome = reply.ok ? (reply.value as SmtpOutcome) : { kind: 'no-connection', why: reply.reason };
  const result = sendResultOf(email.activityId, outcome, overrides.maximumDeliveryAttempts);
  // If CRM does not take the result, the email stays Sending and is taken again after SendingStatusDelay (R7).
  callCrm<boolean>(ctx, senders.crmServer, CRM_REQUEST.sendEmailResult, result);
}
