// The Exchange organisation a scenario describes, after validation: sites, servers, databases, mailboxes with their
// inbox rules, and transport settings. Every documented number is a setting with the documented default (X1).
import type { MailboxKind } from '../../sim/ledger/records.js';

/**
 * What an inbox rule that copies does with each message the mailbox receives. `forward-as-attachment` is what the
 * Rule Deployment Wizard deploys (R1): the copy carries the original message, Message-ID and all.
 */
export type RuleAction = 'forward-as-attachment' | 'redirect' | 'forward';

export interface CopyRule {
  readonly action: RuleAction;
  readonly to: string;
}

/**
 * A person's own rule that files mail as it arrives (`from`: an address, or `@domain`; null: all mail): the message is
 * delivered into `folder` and is never in the root Inbox, which is all server-side sync (S6) and the router's Email
 * Router access (R4) read.
 */
export interface MoveRule {
  readonly action: 'move';
  readonly folder: string;
  readonly from: string | null;
}

export type InboxRule = CopyRule | MoveRule;

export interface MailboxConfig {
  readonly address: string;
  readonly kind: MailboxKind;
  readonly database: string;
  readonly rules: readonly InboxRule[];
}

export interface ExchangeSettings {
  /** Transport stamps a Message-ID on mail that arrives without one, once, so every copy shares it. */
  readonly assignMessageId: boolean;
  /** Larger messages get 552 5.3.4 at end of data. [I] 36 MB, the receive connector default of Exchange 2013+. */
  readonly maxMessageSizeBytes: number;
  /** Internal queue retry while a next hop or database is unavailable (X1: transient failures, 5 min apart). */
  readonly transientRetryIntervalMs: number;
  /** Latency of a hop between servers in one site, and between sites. [I] */
  readonly intraSiteLatencyMs: number;
  readonly interSiteLatencyMs: number;
  /** Mail still undelivered in a server's own queue after this long is returned with an NDR (X1: 2 days). */
  readonly messageExpirationMs: number;
  /** Safety Net keeps delivered messages this long for resubmission (X2: 2 days). */
  readonly safetyNetHoldMs: number;
  /** Share of Internet mail the junk filter puts in Junk (S6: such mail is never synced). [I] default 0 */
  readonly junkProbability: number;
  /** Sending limits per mailbox for authenticated submissions; null: none (on-premises default). */
  readonly sendingLimits: SendingLimits | null;
}

/** Limits on what one mailbox may send. The Exchange Online profile: 30 messages/minute, 10,000 recipients/day,
 * 500 recipients/message (field report 8). */
export interface SendingLimits {
  readonly messagesPerMinute: number;
  readonly recipientsPerDay: number;
  readonly recipientsPerMessage: number;
}

export const EXCHANGE_ONLINE_LIMITS: SendingLimits = { messagesPerMinute: 30, recipientsPerDay: 10_000, recipientsPerMessage: 500 };

export const DEFAULT_EXCHANGE_SETTINGS: ExchangeSettings = {
  assignMessageId: true,
  maxMessageSizeBytes: 36 * 1024 * 1024,
  transientRetryIntervalMs: 5 * 60_000,
  intraSiteLatencyMs: 50,
  interSiteLatencyMs: 2_000,
  messageExpirationMs: 2 * 86_400_000,
  safetyNetHoldMs: 2 * 86_400_000,
  sendingLimits: null,
  junkProbability: 0,
};

export interface ExchangeConfig {
  /** Domains the organisation accepts mail for; anything else is relaying (550 5.7.1 without authentication). */
  readonly acceptedDomains: readonly string[];
  readonly servers: ReadonlyArray<{
    readonly name: string;
    readonly site: string;
    /** An Active/Passive cluster: a failover takes the service down for `failoverDowntimeMs`, then the passive node runs it. */
    readonly cluster?: { readonly failoverDowntimeMs: number };
  }>;
  readonly databases: ReadonlyArray<{ readonly name: string; readonly server: string }>;
  readonly mailboxes: readonly MailboxConfig[];
  /** Servers outside senders connect to, in preference order (the MX records). */
  readonly mx: readonly string[];
  readonly settings: ExchangeSettings;
}

/** Where a mailbox lives, for routing. */
export interface MailboxHome {
  readonly mailbox: MailboxConfig;
  readonly server: string;
  readonly site: string;
}

/** Address (lower case) -> home, built once per world. */
export function mailboxDirectory(config: ExchangeConfig): Map<string, MailboxHome> {
  const serverOfDatabase = new Map(config.databases.map((d) => [d.name, d.server]));
  const siteOfServer = new Map(config.servers.map((s) => [s.name, s.site]));
  const directory = new Map<string, MailboxHome>();
  for (const mailbox of config.mailboxes) {
    const server = serverOfDatabase.get(mailbox.database);
    if (server === undefined) throw new Error(`mailbox ${mailbox.address}: unknown database ${mailbox.database}`);
    directory.set(mailbox.address.toLowerCase(), { mailbox, server, site: siteOfServer.get(server) ?? '' });
  }
  return directory;
}
