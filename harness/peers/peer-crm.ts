// The model CRM server (fakes/crm) for the peer drivers: the very actor virtual runs spawn, its web service called
// straight from the drivers instead of through the engine, on a clock that is the wall clock since the run began.
// So CheckIncomingEmail, DeliverIncomingEmail and the outbound status moves (S8-S12, O1) run unchanged, and record
// into the ledger as they do in virtual runs.
import type { Actor, ActorContext } from '../../sim/core/actor.js';
import { Rng } from '../../sim/core/rng.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailboxKind } from '../../sim/ledger/records.js';
import type { CrmOrg } from '../../fakes/crm/check-incoming.js';
import type { CrmCall } from '../../fakes/crm/crm-api.js';
import type { CrmOrgConfig } from '../../fakes/crm/crm-config.js';
import { crmServer, newCrmServerDurable, type CrmServerDurable } from '../../fakes/crm/crm-server.js';
import { crmOrgOf, isEligible } from '../../fakes/crm/crm-world.js';
import type { MailMessage } from '../../fakes/mail/mail-message.js';

export interface PeerCrm {
  readonly config: CrmOrgConfig;
  readonly org: CrmOrg;
  /** The CRM database and settings (durable: a driver's crash does not touch them). */
  readonly durable: CrmServerDurable;
  /** One web service call; null when CRM answered an error (callers retry later, as over the engine). */
  call<T>(caller: string, tag: string, data: unknown): T | null;
  /** Creates every email the configuration schedules, at once: each enters Pending Send (O1). */
  createScheduledEmails(): void;
  eligible(message: MailMessage, mailbox: string, kind: MailboxKind): boolean;
}

export function peerCrm(config: CrmOrgConfig, ledger: Ledger, nowMs: () => number, seed = 1): PeerCrm {
  const org = crmOrgOf(config);
  const durable = newCrmServerDurable();
  const ctx: ActorContext = {
    name: config.server, rng: new Rng(seed), nowMs,
    // The drivers decide when things happen: the server's own schedules (next scheduled email) are not run.
    setTimer: () => 0,
    cancelTimer: () => {},
    send: () => {
      throw new Error('the peer CRM sends no messages');
    },
    request: () => {
      throw new Error('the peer CRM makes no requests: its outbound leaves through the peer drivers');
    },
    note: () => {},
    exit: () => {
      throw new Error('the peer CRM server exited');
    },
  };
  // No onStart: that would start the server's engine-driven SMTP outbound, which crm-outbound.ts replaces.
  const actor: Actor = crmServer(config, org, ledger, Number.MAX_SAFE_INTEGER)(ctx, durable);
  return {
    config, org, durable,
    call<T>(caller: string, tag: string, data: unknown): T | null {
      const reply = actor.onRequest?.(caller, tag, data) as CrmCall<T>;
      return reply.ok ? reply.value : null;
    },
    createScheduledEmails() {
      while (durable.db.nextScheduledEmail < config.emails.length) actor.onTimer?.('create-email', null);
    },
    eligible: (message, mailbox, kind) => isEligible(org, durable.db, message, mailbox, kind, nowMs()),
  };
}
