// The CRM server: its web service (CheckIncomingEmail, DeliverIncomingEmail, CheckPromoteEmail, DeliverPromoteEmail)
// over the durable CRM database, the email that people and workflows create on schedule, and the server's own SMTP
// outbound (smtp-outbound.ts). Every CRM fact goes to the ledger here, so all paths are recorded alike.
import type { SmtpTransport } from '../mail/smtp-reply.js';
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import { recipientsOf, type MailMessage } from '../mail/mail-message.js';
import { MESSAGE_ID_REUSED } from '../mail/reused-message-id.js';
import { checkIncomingEmail, deliverIncomingEmail, type CrmOrg, type DeliverResult, type IncomingEmail } from './check-incoming.js';
import type { CrmOrgConfig } from './crm-config.js';
import {
  CRM_REQUEST, type BackgroundSendCall, type CheckIncomingAnswer, type CrmCall, type CrmError, type DeliverAnswer,
  type EmailProcessor, type EmailToSend, type PromoteCall, type SendEmailResultCall,
} from './crm-api.js';
import { OutboundStatus } from './outbound-status.js';
import { ACT_REQUEST, saveActRecord, type ActSave } from './act-records.js';
import { activityByMessageId, newCrmDatabase, type CrmDatabase } from './crm-database.js';
import { createOutgoingEmail, nextToken } from './outgoing-email.js';
import { checkPromoteEmail, deliverPromoteEmail } from './promote.js';
import { REASON } from './reason-codes.js';
import { smtpOutbound } from './smtp-outbound.js';
import { STATUS, STATUS_NAMES, type ActivityDirection } from './email-activity.js';

export interface CrmServerDurable {
  readonly db: CrmDatabase;
  /** An injected API failure: every call answers this HTTP error until cleared. */
  apiFault: CrmError | null;
  /** R14: "Process Email Using"; selecting server-side sync stops the router for this organisation. */
  processEmailUsing: EmailProcessor;
  /** S7: a plug-in fails when an incoming activity is created for these receiving mailboxes ('*': all). */
  readonly failingCreation: Set<string>;
}

export function newCrmServerDurable(): CrmServerDurable {
  return { db: newCrmDatabase(), apiFault: null, processEmailUsing: 'email-router', failingCreation: new Set() };
}

export function crmServer(config: CrmOrgConfig, org: CrmOrg, ledger: Ledger, horizonMs: number, outboundTransport?: SmtpTransport) {
  return (ctx: ActorContext, disk: CrmServerDurable): Actor => {
    const { db } = disk;
    const outbound = smtpOutbound(ctx, config, org, db, ledger, outboundTransport);
    const status = new OutboundStatus(db, org, ledger, () => ctx.nowMs());

    const scheduleNextEmail = (): void => {
      const next = config.emails[db.nextScheduledEmail];
      if (next !== undefined && next.atMs <= horizonMs) ctx.setTimer(Math.max(0, next.atMs - ctx.nowMs()), 'create-email');
    };

    const createScheduledEmail = (): void => {
      const spec = config.emails[db.nextScheduledEmail++];
      if (spec === undefined) return;
      const { activity, message } = createOutgoingEmail(org, db, spec, config.domain, ctx.nowMs());
      ledger.submitted(message.key, message.from, recipientsOf(message));
      ledger.activityCreated(message.key, activity.activityId, 'outgoing', activity.createdBy, { organisation: config.server });
      ledger.outboundStatus(message.key, STATUS_NAMES[STATUS.draft], 0);
      ledger.outboundStatus(message.key, STATUS_NAMES[activity.statuscode], 0);
      scheduleNextEmail();
    };

    /**
     * A Duplicate answer (S8) for a message whose Message-ID an earlier, different message holds: this one will never
     * be tracked, and the ledger says why (fakes/mail/reused-message-id.ts). Said once per message.
     */
    const noteDuplicate = (message: MailMessage, direction: ActivityDirection): void => {
      // Only received mail counts as untracked (design.md); a sent item's duplicate is no loss of incoming mail.
      if (direction !== 'incoming') return;
      const first = activityByMessageId(db, direction, message.messageId);
      if (first === undefined || first.ledgerKey === message.key) return;
      if (ledger.get(message.key)?.untrackedReason === MESSAGE_ID_REUSED) return;
      ledger.untracked(message.key, MESSAGE_ID_REUSED);
    };

    const recordDelivery = (email: IncomingEmail, result: DeliverResult, direction: ActivityDirection = 'incoming'): DeliverAnswer => {
      if (!result.delivered) {
        ledger.evaluated(email.message.key, email.caller, result.reasonCode);
        if (result.reasonCode === REASON.duplicate) noteDuplicate(email.message, direction);
        return result;
      }
      const { activity } = result;
      ledger.activityCreated(email.message.key, activity.activityId, activity.direction, email.caller, {
        receivingMailbox: activity.receivingMailbox, acceptingEntity: activity.acceptingEntity, organisation: config.server,
      });
      return { delivered: true, activityId: activity.activityId };
    };

    const handle = (tag: string, data: unknown): unknown => {
      const now = ctx.nowMs();
      switch (tag) {
        case CRM_REQUEST.checkIncoming: {
          const email = data as IncomingEmail;
          const result = checkIncomingEmail(org, db, email, now);
          ledger.evaluated(email.message.key, email.caller, result.reasonCode, {
            correlationMethod: result.correlation.method, acceptingEntity: result.acceptingEntity,
            correlatedWith: result.correlation.match === null ? null : { activityId: result.correlation.match.activityId, messageId: result.correlation.match.ledgerKey },
          });
          if (result.reasonCode === REASON.duplicate) noteDuplicate(email.message, 'incoming');
          return { shouldDeliver: result.shouldDeliver, reasonCode: result.reasonCode } satisfies CheckIncomingAnswer;
        }
        case CRM_REQUEST.deliverIncoming: {
          const email = data as IncomingEmail;
          return recordDelivery(email, deliverIncomingEmail(org, db, email, now));
        }
        case CRM_REQUEST.checkPromote: {
          const call = data as PromoteCall;
          const ok = org.settings.skipDuplicateCheck || checkPromoteEmail(db, call);
          // design.md counts a refused CheckPromoteEmail among duplicates prevented.
          if (!ok) {
            ledger.evaluated(call.message.key, call.caller, REASON.duplicate);
            noteDuplicate(call.message, call.direction);
          }
          return ok;
        }
        case CRM_REQUEST.deliverPromote: {
          const call = data as PromoteCall;
          return recordDelivery({ message: call.message, receivingMailbox: call.mailbox, caller: call.caller }, deliverPromoteEmail(org, db, call, now), call.direction);
        }
        case CRM_REQUEST.backgroundSendEmail: {
          // R7: the router's pass (Outlook's and server-side sync's too) takes some owners' ready email and marks it
          // Sending; an unapproved owner's stays Pending Send (O2, in OutboundStatus.ready).
          const call = data as BackgroundSendCall;
          // Nothing waiting to go: no set of every owner (server-side sync names each enabled mailbox, every 5 minutes).
          if (db.outbound.size === 0) return [];
          const taken = status.ready(new Set(call.owners), call.perOwner, call.pendingForMs, call.sendingForMs);
          for (const [activity, message] of taken) status.sending(activity, message);
          return taken.map(([activity, message]): EmailToSend => ({ activityId: activity.activityId, message }));
        }
        case CRM_REQUEST.sendEmailResult: {
          const call = data as SendEmailResultCall;
          const activity = db.activities.get(call.activityId);
          const message = db.outbound.get(call.activityId);
          if (activity === undefined || message === undefined || activity.statuscode !== STATUS.sending) return false;
          if (call.result === 'sent') status.enter(activity, message, STATUS.sent);
          else status.attemptFailed(activity, message, call.detail, call.result === 'failed', call.maxAttempts);
          return true;
        }
        case ACT_REQUEST.retrieve: {
          const owner = (data as { owner: string }).owner;
          return db.actRecords.ownedBy(owner);
        }
        case ACT_REQUEST.save:
          return saveActRecord(db.actRecords, data as ActSave, () => `act-${db.nextActivityNumber++}`, now);
        case ACT_REQUEST.delete:
          return db.actRecords.delete((data as { id: string }).id);
        case CRM_REQUEST.retrieveEmailSettings:
          return disk.processEmailUsing;
        case CRM_REQUEST.nextToken: {
          const { user, offline } = data as { user: string; offline: boolean };
          return nextToken(org, db, user, offline);
        }
        default:
          throw new Error(`CRM server: unknown request ${tag}`);
      }
    };

    return {
      onStart() {
        scheduleNextEmail();
        outbound.start();
      },
      onStop() {
        outbound.stop();
      },
      onTimer(tag, data) {
        if (tag === 'create-email') return createScheduledEmail();
        outbound.onTimer(tag, data);
      },
      onRequest(_from, tag, data): CrmCall<unknown> {
        if (disk.apiFault !== null) return { ok: false, error: disk.apiFault };
        if (tag === CRM_REQUEST.deliverIncoming) {
          const mailbox = (data as IncomingEmail).receivingMailbox;
          if (disk.failingCreation.has('*') || disk.failingCreation.has(mailbox)) {
            // S7, field report 2: the activity cannot be created (a plug-in aborts: IsvAborted).
            return { ok: false, error: { status: 500, message: 'IsvAborted: a plug-in failed while the email activity was created' } };
          }
        }
        // R14 [I]: once the organisation processes email with server-side sync, it turns the router away.
        if (disk.processEmailUsing === 'server-side-sync' && tag !== CRM_REQUEST.retrieveEmailSettings
          && (data as { caller?: unknown } | null)?.caller === 'router') {
          return { ok: false, error: { status: 403, message: 'The organization processes email with server-side synchronization' } };
        }
        return { ok: true, value: handle(tag, data) };
      },
    };
  };
}
