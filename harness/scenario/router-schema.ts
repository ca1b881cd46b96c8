// The `router:` section of a scenario: the E-mail Router's instances (Active/Passive, R13), profiles and deployments
// (R3, R12), forward mailboxes (R10), the EmailAgent.xml settings with their documented defaults (R6), and optionally
// a user's own Microsoft.Crm.Tools.EmailAgent.xml and SystemState.xml to start from (read before the run).
import { z } from 'zod';
import { DEFAULT_PROVIDER_OVERRIDES, DEFAULT_ROUTER_TIMINGS, DEFAULT_SYSTEM_CONFIGURATION } from '../../fakes/router/router-config.js';
import { durationMs, positiveDurationMs } from './duration.js';

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore');
const address = z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address').transform((a) => a.toLowerCase());
const sys = DEFAULT_SYSTEM_CONFIGURATION;
const over = DEFAULT_PROVIDER_OVERRIDES;
const timing = DEFAULT_ROUTER_TIMINGS;

const settings = z.strictObject({
  maxThreads: z.number().int().positive().default(sys.maxThreads),
  maxThreadExecution: positiveDurationMs.default(sys.maxThreadExecutionMs),
  schedulingPeriod: positiveDurationMs.default(sys.schedulingPeriodMs),
  configRefreshPeriod: positiveDurationMs.default(sys.configRefreshPeriodMs),
  /** How often the router re-reads users and the organisation's settings from CRM; 0: never. */
  configUpdatePeriod: durationMs.default(sys.configUpdatePeriodMs),
  logLevel: z.number().int().min(0).max(3).default(sys.logLevel),
  cacheCapacity: z.number().int().positive().default(over.cacheCapacity),
  pendingStatusDelay: durationMs.default(over.pendingStatusDelayMs),
  sendingStatusDelay: positiveDurationMs.default(over.sendingStatusDelayMs),
  maximumDeliveryAttempts: z.number().int().positive().default(over.maximumDeliveryAttempts),
  ewsRetrieveMessageCount: z.number().int().positive().default(over.ewsRetrieveMessageCount),
  batchSize: z.number().int().positive().default(over.batchSize),
  requestBatchSize: z.number().int().positive().default(over.requestBatchSize),
  /** [I] Between the end of a mailbox's cycle and the start of its next. */
  mailboxPollInterval: positiveDurationMs.default(timing.mailboxPollIntervalMs),
  /** [I] One web-service round trip to CRM (the gap between check and deliver). */
  crmCall: durationMs.default(timing.crmCallMs),
  /** [I] How often the outgoing side looks for Pending Send email. */
  outgoingPollInterval: positiveDurationMs.default(timing.outgoingPollIntervalMs),
});

const SETTINGS_DEFAULTS = {
  maxThreads: sys.maxThreads, maxThreadExecution: sys.maxThreadExecutionMs, schedulingPeriod: sys.schedulingPeriodMs,
  configRefreshPeriod: sys.configRefreshPeriodMs, configUpdatePeriod: sys.configUpdatePeriodMs, logLevel: sys.logLevel,
  cacheCapacity: over.cacheCapacity, pendingStatusDelay: over.pendingStatusDelayMs, sendingStatusDelay: over.sendingStatusDelayMs,
  maximumDeliveryAttempts: over.maximumDeliveryAttempts, ewsRetrieveMessageCount: over.ewsRetrieveMessageCount,
  batchSize: over.batchSize, requestBatchSize: over.requestBatchSize, mailboxPollInterval: timing.mailboxPollIntervalMs,
  crmCall: timing.crmCallMs, outgoingPollInterval: timing.outgoingPollIntervalMs,
};

export const routerSchema = z.strictObject({
  /** One running instance by default; add `passive: true` nodes for an Active/Passive cluster (R13). */
  instances: z.array(z.strictObject({ name, passive: z.boolean().default(false) })).min(1).default([{ name: 'router', passive: false }]),
  incomingProfiles: z.array(z.strictObject({
    name, protocol: z.enum(['exchange', 'pop3']).default('exchange'), server: name,
  })).default([]),
  outgoingProfiles: z.array(z.strictObject({
    name, protocol: z.enum(['smtp', 'exchange-online']).default('smtp'), server: name,
  })).default([]),
  /** One per CRM organisation the router serves (R12). */
  deployments: z.array(z.strictObject({
    crm: name.optional(),
    incomingProfile: name,
    outgoingProfile: name,
    forwardMailbox: z.strictObject({
      address,
      /** R10: "Delete messages in forward mailbox after processing". */
      deleteAfterProcessing: z.boolean().default(true),
    }).optional(),
  })).default([]),
  settings: settings.default(SETTINGS_DEFAULTS),
  /**
   * The state file as the run starts (R8): each monitored mailbox's ThresholdDate (an offset from the scenario's
   * start, negative for before it; null for 0001-01-01), or a corrupt file (the service will not start). `stateFile`
   * fills this in from a real file.
   */
  state: z.strictObject({
    file: z.enum(['present', 'corrupt']).default('present'),
    providers: z.array(z.strictObject({
      mailbox: address,
      threshold: z.union([z.null(), z.number().int(), durationMs]),
      lastError: z.string().optional(),
    })).default([]),
  }).optional(),
  /** A Microsoft.Crm.Tools.EmailAgent.xml to start from (docs/router-files.md), relative to the scenario file. */
  configFile: z.string().min(1).optional(),
  /** A Microsoft.Crm.Tools.EmailAgent.SystemState.xml to start from. */
  stateFile: z.string().min(1).optional(),
});

export type RouterSection = z.output<typeof routerSchema>;
