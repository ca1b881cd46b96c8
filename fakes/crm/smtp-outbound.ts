// The CRM server's own SMTP outbound (the seeds: web forms, workflows and web services send through any SMTP server;
// O3: never into Sent Items). Pending Send -> Sending -> Sent, or back to Pending Send after a failed attempt, and
// Failed after the maximum attempts (O1, R6). Sent is recorded a moment after the hand-over: a crash in between
// leaves the email Sending, and after SendingStatusDelay it is sent again, so the recipient gets it twice.
import type { ActorContext } from '../../sim/core/actor.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailMessage } from '../mail/mail-message.js';
import { formatReply, type SmtpOutcome, type SmtpTransport } from '../mail/smtp-reply.js';
import type { SmtpSubmission } from '../exchange/exchange-server.js';
import type { CrmOrg } from './check-incoming.js';
import type { CrmOrgConfig } from './crm-config.js';
import type { CrmDatabase } from './crm-database.js';
import { STATUS, type EmailActivity } from './email-activity.js';
import { OutboundStatus } from './outbound-status.js';
import type { SendEmailResultCall } from './crm-api.js';

export interface SmtpOutbound {
  start(): void;
  /** A graceful stop records Sent for what was handed over; only a crash leaves it Sending. */
  stop(): void;
  onTimer(tag: string, data: unknown): void;
}

/** `transport`: wire mode's real SMTP client to the server the scenario names (`wire.outboundSmtp`); by default the
 * modelled `smtpServer` is asked in virtual time. */
export function smtpOutbound(ctx: ActorContext, config: CrmOrgConfig, org: CrmOrg, db: CrmDatabase, ledger: Ledger, transport?: SmtpTransport): SmtpOutbound {
  const settings = config.settings.outbound;
  const status = new OutboundStatus(db, org, ledger, () => ctx.nowMs());
  /** Memory only: emails handed over whose Sent is not recorded yet. */
  const handedOver = new Set<string>();

  const recordSent = (id: string): void => {
    handedOver.delete(id);
    const activity = db.activities.get(id);
    const message = db.outbound.get(id);
    if (activity?.statuscode === STATUS.sending && message !== undefined) status.enter(activity, message, STATUS.sent);
  };

  /**
   * Only senders whose outgoing access is this server's SMTP; the rest wait for their own sender (and an unapproved
   * one's email for approval: O2, which `status.ready` applies to every path). The configuration holds for the run, so
   * the set is made once, not on every poll (10,000 mailboxes at scale).
   */
  const senders: ReadonlySet<string> = new Set(config.mailboxes.filter((m) => m.outgoing === 'smtp').map((m) => m.address));

  const handOver = (message: MailMessage): SmtpOutcome => {
    if (settings.smtpServer === null) return { kind: 'no-connection', why: 'unknown-actor' };
    const submission: SmtpSubmission = { message, authenticated: true };
    const reply = ctx.request(settings.smtpServer, 'smtp', submission);
    return reply.ok ? (reply.value as SmtpOutcome) : { kind: 'no-connection', why: reply.reason };
  };

  // Memory only: CRM emails whose hand-over is still on a real socket (wire mode). A slow server can keep one there
  // longer than SendingStatusDelay; resending it meanwhile would deliver it twice. A crash forgets them, as it
  // forgets the socket. Virtual hand-overs settle at once and never stay here.
  const onTheWire = new Set<string>();

  const send = (activity: EmailActivity, message: MailMessage): void => {
    status.sending(activity, message);
    if (transport === undefined) return settle(activity, message, handOver(message));
    onTheWire.add(activity.activityId);
    transport(message, (outcome) => {
      onTheWire.delete(activity.activityId);
      settle(activity, message, outcome);
    });
  };

  /** After the hand-over: Sent a moment later, or back to Pending Send (or Failed) with the reason (O1, R6). */
  const settle = (activity: EmailActivity, message: MailMessage, outcome: SmtpOutcome): void => {
    if (outcome.kind === 'replied' && outcome.reply.code < 300) {
      if (outcome.rejectedRecipients.length > 0) {
        ledger.bounced(message.key, `NDR for ${outcome.rejectedRecipients.map((r) => r.address).join(', ')}`);
      }
      handedOver.add(activity.activityId);
      ctx.setTimer(settings.statusUpdateDelayMs, 'outbound-sent', activity.activityId);
      return;
    }
    const why = describeFailure(outcome);
    ledger.smtpAttempt(message.key, outcome.kind === 'replied' ? outcome.stage : outcome.kind === 'reply-lost' ? 'end-of-data' : 'connect', why);
    status.attemptFailed(activity, message, why, outcome.kind === 'replied' && outcome.reply.code >= 500, settings.maxDeliveryAttempts);
  };

  const poll = (): void => {
    // R6: a failed attempt waits PendingStatusDelay (retryInterval); a first attempt goes at once; an email left
    // Sending for SendingStatusDelay (the sender crashed after the hand-over) is sent again.
    for (const [activity, message] of status.ready(senders, Infinity, 0, settings.sendingStatusDelayMs)) {
      if (activity.statuscode === STATUS.pendingSend && activity.deliveryAttempts > 0
        && ctx.nowMs() - activity.statusSinceMs < settings.retryIntervalMs) continue;
      if (onTheWire.has(activity.activityId)) continue;
      send(activity, message);
    }
    ctx.setTimer(settings.pollIntervalMs, 'outbound-poll');
  };

  return {
    start() {
      ctx.setTimer(settings.pollIntervalMs, 'outbound-poll');
    },
    stop() {
      for (const id of [...handedOver]) recordSent(id);
    },
    onTimer(tag, data) {
      if (tag === 'outbound-poll') return poll();
      recordSent(data as string);
    },
  };
}

/** The reason an SMTP hand-over did not end in a 250, as the ledger records it. */
export function describeFailure(outcome: SmtpOutcome): string {
  return outcome.kind === 'replied' ? formatReply(outcome.reply)
    : outcome.kind === 'reply-lost' ? 'no reply after DATA (connection lost)' : `no connection (${outcome.why})`;
}

/** What a sender (the router, Outlook, server-side sync) reports to CRM after one SMTP hand-over (O1, R7). */
export function sendResultOf(activityId: string, outcome: SmtpOutcome, maxAttempts: number): SendEmailResultCall {
  const sent = outcome.kind === 'replied' && outcome.reply.code < 300;
  return {
    activityId, maxAttempts, detail: sent ? '250' : describeFailure(outcome),
    result: sent ? 'sent' : outcome.kind === 'replied' && outcome.reply.code >= 500 ? 'failed' : 'failed-attempt',
  };
}
