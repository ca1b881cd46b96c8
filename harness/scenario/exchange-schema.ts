// The `exchange:`, `internet:` and `traffic:` sections of a scenario: the organisation's topology and settings
// (X1-X5), the outside senders with their retry profiles, and the mail they send.
import { z } from 'zod';
import { DEFAULT_EXCHANGE_SETTINGS } from '../../fakes/exchange/exchange-config.js';
import { durationMs, positiveDurationMs } from './duration.js';
import { sizeBytes } from './size.js';

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore');
const address = z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address').transform((a) => a.toLowerCase());
const defaults = DEFAULT_EXCHANGE_SETTINGS;

export const exchangeSchema = z.strictObject({
  acceptedDomains: z.array(z.string().min(1).transform((d) => d.toLowerCase())).min(1),
  servers: z.array(z.strictObject({
    name,
    site: name.default('default'),
    /** A clustered server. Only Active/Passive is supported (the seeds); Active/Active is refused. */
    cluster: z.strictObject({
      mode: z.enum(['active-passive', 'active-active']),
      failoverDowntime: durationMs.default(2 * 60_000),
    }).optional(),
  })).min(1),
  databases: z.array(z.strictObject({ name, server: name })).min(1),
  mailboxes: z.array(z.strictObject({
    address, kind: z.enum(['user', 'queue', 'forward']).default('user'), database: name,
  })).min(1),
  /** Inbox rules, deployed to all user mailboxes or to the ones listed (the wizard's global deployment option). */
  rules: z.array(z.strictObject({
    action: z.enum(['forward-as-attachment', 'redirect', 'forward']).default('forward-as-attachment'),
    to: address,
    users: z.union([z.literal('all'), z.array(address).min(1)]).default('all'),
  })).default([]),
  /** Servers outside senders connect to, in order; default: every server. */
  mx: z.array(name).min(1).optional(),
  settings: z.strictObject({
    assignMessageId: z.boolean().default(defaults.assignMessageId),
    maxMessageSize: sizeBytes.default(defaults.maxMessageSizeBytes),
    transientRetryInterval: positiveDurationMs.default(defaults.transientRetryIntervalMs),
    intraSiteLatency: durationMs.default(defaults.intraSiteLatencyMs),
    interSiteLatency: durationMs.default(defaults.interSiteLatencyMs),
    safetyNetHold: durationMs.default(defaults.safetyNetHoldMs),
    /** Mail stuck in a server's own queue this long is returned with an NDR. */
    messageExpiration: positiveDurationMs.default(defaults.messageExpirationMs),
    /** Sending limits per mailbox: `exchange-online` (30 messages/minute, 10,000 recipients/day, 500/message). */
    sendingLimits: z.enum(['none', 'exchange-online']).default('none'),
    /** Share of Internet mail the junk filter puts in Junk. */
    junkProbability: z.number().min(0).max(1).default(defaults.junkProbability),
  }).default({
    junkProbability: defaults.junkProbability,
    sendingLimits: 'none',
    safetyNetHold: defaults.safetyNetHoldMs,
    messageExpiration: defaults.messageExpirationMs,
    assignMessageId: defaults.assignMessageId, maxMessageSize: defaults.maxMessageSizeBytes,
    transientRetryInterval: defaults.transientRetryIntervalMs, intraSiteLatency: defaults.intraSiteLatencyMs,
    interSiteLatency: defaults.interSiteLatencyMs,
  }),
});

export const internetSchema = z.strictObject({
  senders: z.array(z.strictObject({
    name,
    domain: z.string().min(1).transform((d) => d.toLowerCase()),
    profile: z.enum(['exchange', 'rfc5321']).default('exchange'),
    /** Share of mail received from the organisation (CRM mail among it) that this sender answers. */
    replyRatio: z.number().min(0).max(1).default(0),
    replyDelay: durationMs.default(2 * 3_600_000),
  })).min(1),
});

export const trafficSchema = z.strictObject({
  messages: z.array(z.strictObject({
    at: durationMs,
    from: address,
    to: z.array(address).min(1),
    cc: z.array(address).default([]),
    subject: z.string().default('(no subject)'),
    /** The text of the message; only its length matters to the model (size defaults to it plus 2 KB of headers). */
    body: z.string().optional(),
    size: sizeBytes.optional(),
    /** The Message-ID header; `null` sends the message without one. Default: one the sender makes up. */
    messageId: z.string().nullable().optional(),
    inReplyTo: z.string().optional(),
    references: z.array(z.string()).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    /** Sent from Outlook with "Track in CRM" (C1): a token in the subject and an outgoing activity. Users only. */
    track: z.boolean().default(false),
    /** A broken MIME structure no software can parse: the router fails on it every cycle (R10). */
    malformed: z.boolean().default(false),
  })).default([]),
  /** Real messages replayed from .eml files (parsed with mailparser), paths relative to the scenario file. */
  eml: z.array(z.strictObject({
    at: durationMs,
    file: z.string().min(1),
    /** Envelope recipients; default: the message's To and Cc. */
    to: z.array(address).min(1).optional(),
  })).default([]),
  generators: z.array(z.strictObject({
    name,
    /** The outside sender that sends this traffic (its `internet.senders` name). */
    sender: name,
    ratePerHour: z.number().positive(),
    count: z.number().int().positive().optional(),
    /** No messages after this instant (default: the horizon). */
    until: durationMs.optional(),
    /** Recipients drawn from these, or every user mailbox. */
    to: z.union([z.literal('all-users'), z.array(address).min(1)]).default('all-users'),
    fanOut: z.number().int().positive().default(1),
    size: sizeBytes.default(20_000),
    /** 24 relative weights, one per UTC hour (a working day, say); `ratePerHour` stays the daily average. */
    dailyCurve: z.array(z.number().nonnegative()).length(24).refine((c) => c.some((w) => w > 0), 'needs at least one hour above 0').optional(),
  })).default([]),
});

export type ExchangeSection = z.output<typeof exchangeSchema>;
export type InternetSection = z.output<typeof internetSchema>;
export type TrafficSection = z.output<typeof trafficSchema>;

const habit = z.strictObject({
  probability: z.number().min(0).max(1).default(0),
  meanDelay: durationMs.default(3_600_000),
});

/** How the organisation's people treat received mail (S6 makes filing matter). Probabilities per received message. */
export const usersSchema = z.strictObject({
  read: habit.default({ probability: 0, meanDelay: 3_600_000 }),
  file: habit.extend({ folder: z.string().min(1).default('Filed') }).default({ probability: 0, meanDelay: 3_600_000, folder: 'Filed' }),
  delete: habit.default({ probability: 0, meanDelay: 3_600_000 }),
  reply: habit.default({ probability: 0, meanDelay: 3_600_000 }),
  /** Click "Track in CRM" in Outlook on a received message (C1); users who run Outlook with the CRM client only. */
  track: habit.default({ probability: 0, meanDelay: 3_600_000 }),
  /** While their mailbox server cannot be reached, people try again this often (Outlook's Outbox). [I] */
  retryInterval: positiveDurationMs.default(5 * 60_000),
});

export type UsersSection = z.output<typeof usersSchema>;
