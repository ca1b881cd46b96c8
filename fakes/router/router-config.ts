// The E-mail Router a scenario (or a user's Microsoft.Crm.Tools.EmailAgent.xml) describes: the service's settings
// (R6, with the documented defaults), its incoming and outgoing profiles, and its deployments, one per CRM
// organisation it serves, each with its forward mailbox (R3, R10, R12).

/** R6 <SystemConfiguration>, in ms. */
export interface SystemConfiguration {
  readonly maxThreads: number;
  readonly maxThreadExecutionMs: number;
  readonly schedulingPeriodMs: number;
  readonly configRefreshPeriodMs: number;
  /** How often the router re-reads its users, queues and the organisation's settings from CRM; 0: never. */
  readonly configUpdatePeriodMs: number;
  readonly logLevel: number;
}

/** R6 <ProviderOverrides>, in ms where a duration. */
export interface ProviderOverrides {
  readonly cacheCapacity: number;
  /** R7 [I]: an email is taken for sending once it has been Pending Send this long. */
  readonly pendingStatusDelayMs: number;
  /** R7 [I]: an email Sending this long is taken again (its sender died). */
  readonly sendingStatusDelayMs: number;
  readonly maximumDeliveryAttempts: number;
  /** Items one EWS retrieval returns. */
  readonly ewsRetrieveMessageCount: number;
  /** R7: emails per user in one outgoing pass (and users per pass: RequestBatchSize). */
  readonly batchSize: number;
  readonly requestBatchSize: number;
}

export const DEFAULT_SYSTEM_CONFIGURATION: SystemConfiguration = {
  maxThreads: 50, maxThreadExecutionMs: 600_000, schedulingPeriodMs: 1_000, configRefreshPeriodMs: 5_000,
  configUpdatePeriodMs: 300_000, logLevel: 1,
};

export const DEFAULT_PROVIDER_OVERRIDES: ProviderOverrides = {
  cacheCapacity: 1024, pendingStatusDelayMs: 300_000, sendingStatusDelayMs: 1_800_000, maximumDeliveryAttempts: 10,
  ewsRetrieveMessageCount: 10, batchSize: 5, requestBatchSize: 5,
};

export type IncomingProtocol = 'exchange' | 'pop3';
export type OutgoingProtocol = 'smtp' | 'exchange-online';

export interface IncomingProfile {
  readonly name: string;
  readonly protocol: IncomingProtocol;
  /** The Exchange server (or POP3 host) the profile reads from. */
  readonly server: string;
}

export interface OutgoingProfile {
  readonly name: string;
  readonly protocol: OutgoingProtocol;
  readonly server: string;
}

export interface Deployment {
  /** The CRM server (organisation) this deployment serves. */
  readonly crmServer: string;
  readonly incomingProfile: string;
  readonly outgoingProfile: string;
  readonly forwardMailbox: { readonly address: string; readonly deleteAfterProcessing: boolean } | null;
  /**
   * The users and queues with Email Router access this deployment serves (Configuration Manager lists them per
   * deployment); null: all of the organisation's. Routers per site each serve the users near them. [I]
   */
  readonly users?: readonly string[] | null;
}

/** The organisation's mailboxes a deployment serves. */
export function servedBy<T extends { readonly address: string }>(deployment: Deployment, mailboxes: readonly T[]): readonly T[] {
  const users = deployment.users ?? null;
  return users === null ? mailboxes : mailboxes.filter((m) => users.includes(m.address));
}

export interface RouterTimings {
  /** How long after one cycle of a mailbox ends the next starts. [I] 1 min (MSIT saw one logon per 79 s, R11) */
  readonly mailboxPollIntervalMs: number;
  /** One web-service round trip to CRM: the gap between CheckIncomingEmail and DeliverIncomingEmail. [I] 200 ms */
  readonly crmCallMs: number;
  /** How often the outgoing side looks for Pending Send email. [I] 1 min */
  readonly outgoingPollIntervalMs: number;
}

export const DEFAULT_ROUTER_TIMINGS: RouterTimings = { mailboxPollIntervalMs: 60_000, crmCallMs: 200, outgoingPollIntervalMs: 60_000 };

/**
 * When the router lets go of an item relative to creating its activity. The product creates the activity first, then
 * deletes the item (R10) and moves the ThresholdDate (R8), so a crash in between means reading it again, which CRM's
 * duplicate check absorbs. `delete-first` and `threshold-first` are defects a scenario's `injectBug` switches on: a
 * crash between letting go and creating loses the message.
 */
export type FinishOrder = 'create-first' | 'delete-first' | 'threshold-first';

export interface RouterConfig {
  readonly system: SystemConfiguration;
  readonly finishOrder: FinishOrder;
  readonly overrides: ProviderOverrides;
  readonly timings: RouterTimings;
  readonly incomingProfiles: readonly IncomingProfile[];
  readonly outgoingProfiles: readonly OutgoingProfile[];
  readonly deployments: readonly Deployment[];
}
