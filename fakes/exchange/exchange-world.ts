// Spawns an Exchange organisation and the outside senders that mail it, registers the Exchange fault verbs, and
// reports what is still in flight (sender queues, transport queues) at the end of a run.
import type { Engine } from '../../sim/core/engine.js';
import type { Ledger } from '../../sim/ledger/ledger.js';
import type { MailboxKind } from '../../sim/ledger/records.js';
import { mailboxDirectory, type ExchangeConfig } from './exchange-config.js';
import { defineExchangeFaults } from './exchange-faults.js';
import { exchangeServer, newExchangeServerDurable, type ExchangeOrg, type ExchangeServerDurable } from './exchange-server.js';
import { HomeLookup } from './home-lookup.js';
import { newOutsideSenderDurable, outsideSender, type OutsideSenderDurable } from '../internet/outside-sender.js';
import type { SmtpTransport } from '../mail/smtp-reply.js';
import type { RetryProfile } from '../internet/retry-profile.js';
import { PEOPLE_ACTOR, newPeopleDurable, people, type PeopleConfig } from './people.js';
import type { SenderTraffic } from '../internet/traffic.js';
import type { MailMessage } from '../mail/mail-message.js';

export interface OutsideSenderSpec {
  readonly name: string;
  readonly domain: string;
  readonly profile: RetryProfile;
  readonly traffic: SenderTraffic;
  readonly replyRatio: number;
  readonly replyMeanDelayMs: number;
}

export interface ExchangeWorldSpec {
  readonly exchange: ExchangeConfig;
  readonly senders: readonly OutsideSenderSpec[];
  readonly horizonMs: number;
  /** Epoch ms of virtual time 0 (the scenario's `start`). */
  readonly startEpochMs: number;
  readonly eligible?: (message: MailMessage, mailbox: string, kind: MailboxKind) => boolean;
  /** The organisation's people; without them nobody files, deletes, replies or sends internal mail. */
  readonly people?: PeopleConfig;
  /** The actor playing a user's Outlook with the CRM client, if the user runs one. */
  readonly outlookOf?: (mailbox: string) => string | null;
  /**
   * The CRM server a user who runs no client tracks with through the mailbox itself (App for Outlook on server-side
   * sync, C4, S16), or null for a user who cannot.
   */
  readonly appForOutlookOf?: (mailbox: string) => string | null;
  /** Whether the App for Outlook works for the mailbox now (sync has it approved and enabled); default: always. */
  readonly appReady?: (mailbox: string) => boolean;
  /** Wire mode: how each outside sender reaches the MX (a real SMTP client); by default a request in virtual time. */
  readonly senderTransport?: (sender: string) => SmtpTransport;
}

export interface ExchangeWorld {
  readonly org: ExchangeOrg;
  server(name: string): ExchangeServerDurable;
  inFlight(firstOnly?: boolean): Map<string, string>;
}

export function spawnExchangeWorld(engine: Engine, ledger: Ledger, spec: ExchangeWorldSpec): ExchangeWorld {
  const directory = mailboxDirectory(spec.exchange);
  const org: ExchangeOrg = {
    config: spec.exchange, directory, ledger, eligible: spec.eligible ?? (() => false),
    people: spec.people === undefined ? null : PEOPLE_ACTOR,
    outsideSenders: new Map(spec.senders.map((s) => [s.domain, s.name])), rulesRemoved: new Set(), homes: new HomeLookup(directory),
  };
  defineExchangeFaults(engine, org);
  const servers = new Map(spec.exchange.servers.map((s) =>
    [s.name, engine.spawn(s.name, exchangeServer(org), newExchangeServerDurable(s.name, spec.exchange))]));
  const folks = spec.people === undefined ? null : engine.spawn(PEOPLE_ACTOR,
    people(ledger, spec.people, (mailbox) => directory.get(mailbox.toLowerCase())?.server ?? '', spec.outlookOf, spec.appForOutlookOf, spec.appReady), newPeopleDurable());
  const senders = spec.senders.map((s) => engine.spawn<OutsideSenderDurable>(s.name,
    outsideSender(ledger, {
      profile: s.profile, mx: spec.exchange.mx, traffic: s.traffic, horizonMs: spec.horizonMs,
      replyRatio: s.replyRatio, replyMeanDelayMs: s.replyMeanDelayMs, startEpochMs: spec.startEpochMs,
      orgDomains: spec.exchange.acceptedDomains,
      ...(spec.senderTransport === undefined ? {} : { transport: spec.senderTransport(s.name) }),
    }),
    newOutsideSenderDurable(s.traffic)));
  return {
    org,
    server(name) {
      const handle = servers.get(name);
      if (handle === undefined) throw new Error(`no Exchange server ${name}`);
      return handle.durable;
    },
    inFlight(firstOnly = false) {
      const where = new Map<string, string>();
      for (const sender of senders) {
        for (const key of sender.durable.queue.keys()) {
          where.set(key, `${sender.name} queue`);
          if (firstOnly) return where;
        }
      }
      for (const { action, submitted } of folks?.durable.pending.values() ?? []) {
        if ((action.kind === 'send' || action.kind === 'send-tracked') && submitted) {
          where.set(action.message.key, `${action.mailbox} Outbox`);
          if (firstOnly) return where;
        }
      }
      for (const [name, server] of servers) {
        for (const entry of server.durable.queue) {
          where.set(entry.message.attached?.key ?? entry.message.key, `${name} transport queue`);
          if (firstOnly) return where;
        }
      }
      return where;
    },
  };
}
