// The CRM server's own SMTP outbound (the seeds: web forms, workflows and web services send through any SMTP server;
// O3: never into Sent Items). Pending Send -> Sending -> Sent, or back to Pending Send after a failed attempt, and
// Failed after the maximum attempts (O1, R6). Sent is recorded a moment after the hand-over: a crash in between
// leaves the email Sending, and after SendingStatusDelay it is sent again, so the recipient gets it twice.
import type { ActorContext } from '../../sim/core/actor.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailMessage } from '../mail/mail-message.js';
import { formatReply, type SmtpOutcome } from '../mail/smtp-reply.js';
import type { SmtpSubmission } from '../exchange/exchange-server.js';
import type { CrmOrg } from './check-incoming.js';
import type { CrmOrgConfig } from './crm-config.js';
import type { CrmDatabase } from './crm-database.js';
import { STATUS, STATUS_NAMES, setStatus, type EmailActivity, type StatusCode } from './email-activity.js';

export interface SmtpOutbound {
  start(): void;
  onTimer(tag: string, data: unknown): void;
}

export function smtpOutbound(ctx: ActorContext, config: CrmOrgConfig, org: CrmOrg, db: CrmDatabase, ledger: Ledger): SmtpOutbound {
  const settings = config.settings.outbound;

  const enter = (activity: EmailActivity, message: MailMessage, status: StatusCode): void => {
    setStatus(activity, status, ctx.nowMs());
    ledger.outboundStatus(message.key, STATUS_NAMES[status], activity.deliveryAttempts);
    if (status === STATUS.sent || status === STATUS.failed) db.outbound.delete(activity.activityId);
  };

  /** O2: only approved senders whose outgoing access is this server's SMTP; the rest stay Pending Send. */
  const mine = (activity: EmailActivity): boolean => {
    const sender = org.directory.mailbox(activity.owner);
    return sender?.outgoing === 'smtp' && (sender.approved || !org.settings.requireApproval);
  };

  const handOver = (message: MailMessage): SmtpOutcome => {
    if (settings.smtpServer === null) return { kind: 'no-connection', why: 'unknown-actor' };
    const submission: SmtpSubmission = { message, authenticated: true };
    const reply = ctx.request(settings.smtpServer, 'smtp', submission);
    return reply.ok ? (reply.value as SmtpOutcome) : { kind: 'no-connection', why: reply.reason };
  };

  const send = (activity: EmailActivity, message: MailMessage): void => {
    activity.deliveryAttempts++;
    enter(activity, message, STATUS.sending);
    const outcome = handOver(message);
    if (outcome.kind === 'replied' && outcome.reply.code < 300) {
      if (outcome.rejectedRecipients.length > 0) {
        ledger.bounced(message.key, `NDR for ${outcome.rejectedRecipients.map((r) => r.address).join(', ')}`);
      }
      ctx.setTimer(settings.statusUpdateDelayMs, 'outbound-sent', activity.activityId);
      return;
    }
    const why = outcome.kind === 'replied' ? formatReply(outcome.reply)
      : outcome.kind === 'reply-lost' ? 'no reply after DATA (connection lost)' : `no connection (${outcome.why})`;
    ledger.smtpAttempt(message.key, outcome.kind === 'replied' ? outcome.stage : outcome.kind === 'reply-lost' ? 'end-of-data' : 'connect', why);
    const permanent = outcome.kind === 'replied' && outcome.reply.code >= 500;
    if (permanent || activity.deliveryAttempts >= settings.maxDeliveryAttempts) {
      enter(activity, message, STATUS.failed);
      ledger.bounced(message.key, `Failed after ${activity.deliveryAttempts} attempts: ${why}`);
      return;
    }
    enter(activity, message, STATUS.pendingSend);
  };

  const poll = (): void => {
    const now = ctx.nowMs();
    for (const [id, message] of [...db.outbound]) {
      const activity = db.activities.get(id);
      if (activity === undefined) continue;
      if (activity.statuscode === STATUS.sending) {
        // R6 SendingStatusDelay: nobody finished this send (the sender crashed); it goes back to Pending Send.
        if (now - activity.statusSinceMs < settings.sendingStatusDelayMs) continue;
        enter(activity, message, STATUS.pendingSend);
      }
      if (activity.statuscode !== STATUS.pendingSend || !mine(activity)) continue;
      // R6 PendingStatusDelay: after a failed attempt, wait before the next.
      if (activity.deliveryAttempts > 0 && now - activity.statusSinceMs < settings.retryIntervalMs) continue;
      send(activity, message);
    }
    ctx.setTimer(settings.pollIntervalMs, 'outbound-poll');
  };

  return {
    start() {
      ctx.setTimer(settings.pollIntervalMs, 'outbound-poll');
    },
    onTimer(tag, data) {
      if (tag === 'outbound-poll') return poll();
      const activity = db.activities.get(data as string);
      const message = db.outbound.get(data as string);
      if (activity?.statuscode === STATUS.sending && message !== undefined) enter(activity, message, STATUS.sent);
    },
  };
}
