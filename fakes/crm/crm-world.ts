// Spawns a CRM organisation next to an Exchange world: the CRM server and an Outlook client per user who runs one.
// Gives the Exchange world its eligibility test (would CRM accept this copy, S9) and reports what is still in flight:
// email in Pending Send or Sending, tracking an Outlook client has not finished, Inbox mail it has not looked at.
import type { SmtpTransport } from '../mail/smtp-reply.js';
import type { Engine } from '../../sim/core/engine.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailboxKind } from '../../sim/ledger/records.js';
import type { MailMessage } from '../mail/mail-message.js';
import { newOutlookDurable, outlookActorName, outlookClient, type OutlookDurable } from '../outlook/outlook-client.js';
import { wouldAccept, type CrmOrg } from './check-incoming.js';
import type { CrmOrgConfig } from './crm-config.js';
import { crmDirectory } from './crm-directory.js';
import { defineCrmFaults } from './crm-faults.js';
import { crmServer, newCrmServerDurable, type CrmServerDurable } from './crm-server.js';
import type { CrmDatabase } from './crm-database.js';
import { STATUS_NAMES } from './email-activity.js';
import type { EmailProcessor } from './crm-api.js';

export interface OutlookSettings {
  readonly pollIntervalMs: number;
  readonly checkDeliverGapMs: number;
}

export interface CrmWorldSpec {
  readonly config: CrmOrgConfig;
  readonly outlook: OutlookSettings;
  readonly horizonMs: number;
  /** The Exchange server holding a mailbox, which its Outlook talks to. */
  homeServerOf(mailbox: string): string;
  /** Inbox items of a mailbox newer than a store id (for what an Outlook client has not seen yet). */
  inboxAfter(mailbox: string, storeId: number): readonly string[];
  /** Wire mode: CRM's SMTP outbound leaves through a real SMTP client (`wire.outboundSmtp`). */
  readonly outboundTransport?: SmtpTransport;
}

export interface CrmWorld {
  readonly org: CrmOrg;
  /** R14: which component processes the organisation's email now. */
  processEmailUsing(): EmailProcessor;
  eligible(message: MailMessage, mailbox: string, kind: MailboxKind): boolean;
  inFlight(firstOnly?: boolean): Map<string, string>;
}

/** Users who run Outlook with the CRM client, by address -> its actor's name. */
export function outlookUsers(config: CrmOrgConfig): Map<string, string> {
  return new Map(config.mailboxes.filter((m) => m.kind === 'user' && m.outlook).map((m) => [m.address, outlookActorName(m.address)]));
}

export function crmOrgOf(config: CrmOrgConfig): CrmOrg {
  return { directory: crmDirectory(config), settings: config.settings };
}

/** The ledger's eligibility test (design.md): would some path process this copy, and CRM accept it (S3, S9)? */
export function isEligible(org: CrmOrg, db: CrmDatabase, message: MailMessage, mailbox: string, kind: MailboxKind, nowMs: number): boolean {
  if (kind === 'forward') return false;
  const owner = org.directory.mailbox(mailbox);
  // Only a mailbox some path processes: incoming access set, and approved where approval is required (S3).
  if (owner === undefined || owner.incoming === 'none') return false;
  if (org.settings.requireApproval && !owner.approved) return false;
  return wouldAccept(org, db, { message, receivingMailbox: mailbox, caller: 'eligibility' }, nowMs);
}

export function spawnCrmWorld(engine: Engine, ledger: Ledger, spec: CrmWorldSpec): CrmWorld {
  const { config } = spec;
  const org = crmOrgOf(config);
  defineCrmFaults(engine, ledger);
  const server = engine.spawn<CrmServerDurable>(config.server, crmServer(config, org, ledger, spec.horizonMs, spec.outboundTransport), newCrmServerDurable());
  const clients = [...outlookUsers(config)].map(([address, name]) => {
    const mailbox = org.directory.mailbox(address);
    const evaluatesIncoming = mailbox?.incoming === 'outlook' && (mailbox.approved || !config.settings.requireApproval);
    return engine.spawn<OutlookDurable>(name, outlookClient({
      mailbox: address, homeServer: spec.homeServerOf(address), crmServer: config.server, evaluatesIncoming,
      // Outgoing access Outlook: the client asks CRM for its user's email every round; CRM hands out none of an
      // unapproved user's (O2, OutboundStatus.ready), so it stays Pending Send.
      sending: mailbox?.outgoing === 'outlook' ? {
        mailbox: address, homeServer: spec.homeServerOf(address), crmServer: config.server, perRound: 5,
        sendingStatusDelayMs: config.settings.outbound.sendingStatusDelayMs, maxAttempts: config.settings.outbound.maxDeliveryAttempts,
      } : null,
      pollIntervalMs: spec.outlook.pollIntervalMs, checkDeliverGapMs: spec.outlook.checkDeliverGapMs,
      token: config.settings.token, userNumber: mailbox?.userNumber ?? 0,
    }), newOutlookDurable());
  });
  return {
    org,
    processEmailUsing: () => server.durable.processEmailUsing,
    eligible: (message, mailbox, kind) => isEligible(org, server.durable.db, message, mailbox, kind, engine.nowMs),
    inFlight(firstOnly = false) {
      const where = new Map<string, string>();
      const { db } = server.durable;
      for (const [id, message] of db.outbound) {
        const status = db.activities.get(id)?.statuscode;
        where.set(message.key, `${config.server} ${status === undefined ? 'outbound' : STATUS_NAMES[status]}`);
        if (firstOnly) return where;
      }
      for (const client of clients) {
        for (const work of client.durable.work.values()) {
          where.set(work.message.key, `${client.name} tracking queue`);
          if (firstOnly) return where;
        }
        const mailbox = client.name.slice('outlook:'.length);
        if (org.directory.mailbox(mailbox)?.incoming !== 'outlook') continue;
        for (const key of spec.inboxAfter(mailbox, client.durable.lastSeenStoreId)) {
          if (!where.has(key)) where.set(key, `${mailbox} Inbox, not yet seen by Outlook`);
          if (firstOnly) return where;
        }
      }
      return where;
    },
  };
}
