// Server-side synchronization as a scenario describes it (S1-S6, S16): email server profiles (Process Email From,
// polling, connections, Undeliverable folder, Sent Items) and the service's cadence and error handling, every number
// a setting with the documented default.
import type { SyncFilter } from './sync-filters.js';

export interface EmailServerProfile {
  readonly name: string;
  /** The Exchange server EWS talks to (any server proxies to the mailbox's own). */
  readonly server: string;
  /**
   * S2a: an absolute instant (virtual ms; negative is before the scenario's start): mail received after it is
   * processed; a newly associated mailbox pulls back to it. Null: from the moment the mailbox is enabled. [I]
   */
  processEmailFromMs: number | null;
  /** S5: the next incoming cycle of a mailbox starts this long after the previous one ends (5 min). */
  readonly incomingCycleGapMs: number;
  /** S2: at most this many mailboxes of the profile are read at once (10). */
  readonly maxConcurrentConnections: number;
  /** S7: move items whose activity could not be created to an Undeliverable folder (off by default). */
  readonly moveFailedToUndeliverable: boolean;
  /** S16: from 9.1.0000.16819, email sent by server-side sync is saved in Sent Items (on by default). */
  readonly saveOutgoingToSentItems: boolean;
}

export interface SssSettings {
  /** S5: Pending Send is picked up every 5 minutes. */
  readonly outgoingPollIntervalMs: number;
  /** S4: a transient error is retried this many times, this far apart, then the mailbox is disabled. */
  readonly transientRetries: number;
  readonly transientRetryIntervalMs: number;
  /** S2a: how far back Process Email From may be set (ProcessEmailSinceMaximumDaysAllowed). [I] 30 days */
  readonly processEmailSinceMaximumMs: number;
  /** One web-service round trip (the gap between CheckIncomingEmail and DeliverIncomingEmail). [I] 200 ms */
  readonly crmCallMs: number;
}

export const DEFAULT_SSS_SETTINGS: SssSettings = {
  outgoingPollIntervalMs: 5 * 60_000, transientRetries: 10, transientRetryIntervalMs: 5 * 60_000,
  processEmailSinceMaximumMs: 30 * 86_400_000, crmCallMs: 200,
};

/** S15: appointments, contacts and tasks. */
export interface ActConfig {
  /** User mailbox -> its synchronization filters; a user not listed has no ACT sync. */
  readonly filters: ReadonlyMap<string, readonly SyncFilter[]>;
  /** DistinctPhysicalAndLogicalDeletesForExchangeSync: a record dropping out of the filters stays in Exchange. */
  readonly distinctDeletes: boolean;
  /** S5: the next ACT cycle of a mailbox starts between these after the previous one (5-12 min; 5-15 with incoming). */
  readonly cycleMinMs: number;
  readonly cycleMaxMs: number;
}

export interface SssConfig {
  /** The service's actor name. */
  readonly name: string;
  readonly crmServer: string;
  readonly profiles: readonly EmailServerProfile[];
  /** Mailbox address -> its profile's name (users and queues with server-side sync access, forward mailboxes). */
  readonly mailboxProfile: ReadonlyMap<string, string>;
  /** S1: "Delete Emails After Processing", allowed on forward and queue mailboxes only. */
  readonly deleteAfterProcessing: ReadonlySet<string>;
  readonly settings: SssSettings;
  readonly act: ActConfig | null;
}
