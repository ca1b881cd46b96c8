// The `sss:` section of a scenario: server-side synchronization for an organisation (S1-S6, S16): email server
// profiles with Process Email From, which mailboxes each serves, which are enabled as the run starts, and a cutover
// plan from the E-mail Router (R14, S14): the switch, Process Email From, Test & Enable in batches, queues first,
// forward rules removed or kept.
import { z } from 'zod';
import { DEFAULT_SSS_SETTINGS } from '../../fakes/sss/sss-config.js';
import { durationMs, positiveDurationMs } from './duration.js';

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore');
const address = z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address').transform((a) => a.toLowerCase());
/** An instant in virtual time; a negative number of ms is before the scenario's start. */
const instant = z.union([z.number().int(), durationMs]);
const d = DEFAULT_SSS_SETTINGS;

export const sssSchema = z.strictObject({
  /** The service's actor name. */
  name: name.default('sss'),
  /** The organisation it serves (needed when `crm:` lists several). */
  crm: name.optional(),
  profiles: z.array(z.strictObject({
    name,
    server: name,
    /** S2a: an absolute instant; omitted, mail is processed from when each mailbox is enabled. */
    processEmailFrom: instant.optional(),
    incomingCycleGap: positiveDurationMs.default(5 * 60_000),
    maxConcurrentConnections: z.number().int().positive().default(10),
    moveFailedToUndeliverable: z.boolean().default(false),
    /** S16: sent email saved in Sent Items (9.1.0000.16819 and later). */
    saveOutgoingToSentItems: z.boolean().default(true),
  })).min(1),
  /**
   * Mailbox records: by default every user and queue with "Server-Side Synchronization or Email Router" access, and
   * the router's forward mailboxes, on the first profile.
   */
  mailboxes: z.array(z.strictObject({
    address,
    profile: name.optional(),
    /** S1: only forward and queue mailboxes may delete processed mail. */
    deleteAfterProcessing: z.boolean().default(false),
  })).default([]),
  /** Mailboxes already tested and enabled as the run starts, or `all`. */
  enabled: z.union([z.literal('all'), z.array(address)]).default([]),
  settings: z.strictObject({
    outgoingPollInterval: positiveDurationMs.default(d.outgoingPollIntervalMs),
    transientRetries: z.number().int().nonnegative().default(d.transientRetries),
    transientRetryInterval: positiveDurationMs.default(d.transientRetryIntervalMs),
    processEmailSinceMaximum: durationMs.default(d.processEmailSinceMaximumMs),
    crmCall: durationMs.default(d.crmCallMs),
  }).default({
    outgoingPollInterval: d.outgoingPollIntervalMs, transientRetries: d.transientRetries, transientRetryInterval: d.transientRetryIntervalMs,
    processEmailSinceMaximum: d.processEmailSinceMaximumMs, crmCall: d.crmCallMs,
  }),
  /** A cutover from the router, turned into operations at the given times. */
  cutover: z.strictObject({
    /** When "Process Email Using" is switched to server-side sync (R14). */
    at: durationMs,
    /** S2a: an absolute instant, or `before: 24h` (before the switch; the migration tool's 24 hours, S14). */
    processEmailFrom: z.union([instant, z.strictObject({ before: durationMs })]).default({ before: 86_400_000 }),
    /** Test & Enable in batches: the first at the switch, then one every `batchInterval` (S14: 200 every 5 h). */
    batchSize: z.number().int().positive().default(200),
    batchInterval: durationMs.default(5 * 3_600_000),
    queuesFirst: z.boolean().default(true),
    /** Mailboxes whose Test & Enable fails (the service account has no access to them, S4). */
    failing: z.array(address).default([]),
    /** The router's inbox rules: kept, removed from each mailbox as its batch is enabled, or all at the end. */
    forwardRules: z.enum(['keep', 'remove-per-batch', 'remove-at-end']).default('remove-per-batch'),
  }).optional(),
});

export type SssSection = z.output<typeof sssSchema>;
