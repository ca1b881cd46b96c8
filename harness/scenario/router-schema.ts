// The `router:` section of a scenario: the E-mail Router's instances (Active/Passive, R13), profiles and deployments
// (R3, R12), forward mailboxes (R10), the EmailAgent.xml settings with their documented defaults (R6), and optionally
// a user's own Microsoft.Crm.Tools.EmailAgent.xml and SystemState.xml to start from (read before the run).
import { z } from 'zod';
import { DEFAULT_PROVIDER_OVERRIDES, DEFAULT_ROUTER_TIMINGS, DEFAULT_SYSTEM_CONFIGURATION } from '../../fakes/router/router-config.js';
import { durationMs, positiveDurationMs } from './duration.js';
import { emailAddress } from './email-address.js';

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore').meta({ title: 'name' });
const address = emailAddress;
const sys = DEFAULT_SYSTEM_CONFIGURATION;
const over = DEFAULT_PROVIDER_OVERRIDES;
const timing = DEFAULT_ROUTER_TIMINGS;

const settings = z.strictObject({
  maxThreads: z.number().int().positive().default(sys.maxThreads).describe('Mailbox cycles running at once (R6 MaxThreads).'),
  maxThreadExecution: positiveDurationMs.default(sys.maxThreadExecutionMs).describe('A cycle running longer is cut off (R6 MaxThreadExecution).'),
  schedulingPeriod: positiveDurationMs.default(sys.schedulingPeriodMs).describe('How long a cycle waits for a free thread (R6 SchedulingPeriod).'),
  configRefreshPeriod: positiveDurationMs.default(sys.configRefreshPeriodMs).describe('R6 ConfigRefreshPeriod; kept so files round-trip (the configuration does not change during a run).'),
  configUpdatePeriod: durationMs.default(sys.configUpdatePeriodMs).describe('How often the router re-reads users and the organisation\'s settings from CRM; 0: never (R6 ConfigUpdatePeriod).'),
  logLevel: z.number().int().min(0).max(3).default(sys.logLevel).describe('R6 LogLevel (0 none to 3 message detail); kept so files round-trip.'),
  cacheCapacity: z.number().int().positive().default(over.cacheCapacity).describe('R6 CacheCapacity; kept so files round-trip.'),
  pendingStatusDelay: durationMs.default(over.pendingStatusDelayMs).describe('Email is handed to the router once it has been Pending Send this long (R6 PendingStatusDelay, R7).'),
  sendingStatusDelay: positiveDurationMs.default(over.sendingStatusDelayMs).describe('Email stuck in Sending this long is picked up again (R6 SendingStatusDelay, R7).'),
  maximumDeliveryAttempts: z.number().int().positive().default(over.maximumDeliveryAttempts).describe('Attempts before an email is Failed (R6 MaximumDeliveryAttempts, R7).'),
  ewsRetrieveMessageCount: z.number().int().positive().default(over.ewsRetrieveMessageCount).describe('R6 EWSRetrieveMessageCount, the page size of a mailbox read; only the number of calls depends on it.'),
  batchSize: z.number().int().positive().default(over.batchSize).describe('Emails per owner in one outgoing pass (R6 BatchSize, R7 round-robin).'),
  requestBatchSize: z.number().int().positive().default(over.requestBatchSize).describe('Users and queues per outgoing request (R6 RequestBatchSize, R7).'),
  mailboxPollInterval: positiveDurationMs.default(timing.mailboxPollIntervalMs).describe('Between the end of a mailbox\'s cycle and the start of its next (R11: MSIT saw one logon per 79 s per mailbox). [I]'),
  crmCall: durationMs.default(timing.crmCallMs).describe('One web-service round trip to CRM (the gap between check and deliver). [I]'),
  outgoingPollInterval: positiveDurationMs.default(timing.outgoingPollIntervalMs).describe('How often the outgoing side looks for Pending Send email. [I]'),
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
  instances: z.array(z.strictObject({
    name: name.meta({ description: 'The service\'s actor name, as faults target it.', examples: ['router'] }),
    passive: z.boolean().default(false).describe('A passive node of an Active/Passive cluster: installed but stopped until a failover (R13).'),
  })).min(1).default([{ name: 'router', passive: false }])
    .describe('One running instance by default; add `passive: true` nodes for an Active/Passive cluster. Several active instances are independent services (R13: duplicates).'),
  incomingProfiles: z.array(z.strictObject({
    name: name.meta({ description: 'The profile\'s name, as deployments refer to it.', examples: ['exchange-in'] }),
    protocol: z.enum(['exchange', 'pop3']).default('exchange').describe('How it reads mailboxes (R3); POP3 always deletes what it read.'),
    server: name.describe('The Exchange server it reads through, by its name in any case, as host names are.'),
  })).default([]).describe('Incoming profiles (R3).'),
  outgoingProfiles: z.array(z.strictObject({
    name: name.meta({ description: 'The profile\'s name, as deployments refer to it.', examples: ['smtp-out'] }),
    protocol: z.enum(['smtp', 'exchange-online']).default('smtp').describe('How it sends (R3).'),
    server: name.describe('The server it sends through (an Exchange server or an outside sender), by its name in any case, as host names are.'),
  })).default([]).describe('Outgoing profiles (R3).'),
  deployments: z.array(z.strictObject({
    crm: name.optional().meta({ description: 'The organisation\'s `server` name; needed when `crm:` lists several (R12).', examples: ['crm'] }),
    incomingProfile: name.meta({ description: 'The incoming profile it uses.', examples: ['exchange-in'] }),
    outgoingProfile: name.meta({ description: 'The outgoing profile it uses.', examples: ['smtp-out'] }),
    forwardMailbox: z.strictObject({
      address: address.meta({ description: 'The forward mailbox (an Exchange mailbox of kind `forward`).', examples: ['crm@contoso.example'] }),
      deleteAfterProcessing: z.boolean().default(true).describe('R10: "Delete messages in forward mailbox after processing".'),
    }).optional().describe('The deployment\'s forward mailbox (R2, R10); one deployment each.'),
    users: z.array(address).min(1).optional().meta({
      description: 'The users and queues with Email Router access this deployment serves (Configuration Manager lists them per deployment); default: all of the organisation\'s. With a router per site, each serves the users near it.',
      examples: [['yuki@contoso.example']],
    }),
  })).default([]).describe('One per CRM organisation the router serves (R3, R12).'),
  settings: settings.default(SETTINGS_DEFAULTS).describe('Microsoft.Crm.Tools.EmailAgent.xml settings with R6\'s defaults, and the model\'s own timings.'),
  state: z.strictObject({
    file: z.enum(['present', 'corrupt']).default('present').describe('A corrupt file stops the service at its start until it is deleted (KB954522).'),
    providers: z.array(z.strictObject({
      mailbox: address.meta({ description: 'The monitored mailbox.', examples: ['crm@contoso.example'] }),
      threshold: z.union([z.null(), z.number().int(), durationMs]).meta({ description: 'Its ThresholdDate: an offset from the start (negative for before it), or null for 0001-01-01 (R8).', examples: ['1h'] }),
      lastError: z.string().optional().meta({ description: 'The provider\'s last error, as the file keeps it.', examples: ['The remote server returned an error: (401) Unauthorized.'] }),
    })).default([]).describe('One entry per monitored mailbox.'),
  }).optional().describe('The state file as the run starts (R8): each monitored mailbox\'s ThresholdDate, or a corrupt file. `stateFile` fills this in from a real file.'),
  configFile: z.string().min(1).optional().meta({ description: 'A Microsoft.Crm.Tools.EmailAgent.xml to start from (docs/router-files.md), relative to the scenario file (its real place, through a symlink).', examples: ['EmailAgent.xml'] }),
  stateFile: z.string().min(1).optional().meta({ description: 'A Microsoft.Crm.Tools.EmailAgent.SystemState.xml to start from, relative to the scenario file (its real place, through a symlink).', examples: ['SystemState.xml'] }),
});

export type RouterSection = z.output<typeof routerSchema>;
