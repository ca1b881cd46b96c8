// The `sss:` section of a scenario: server-side synchronization for an organisation (S1-S6, S16): email server
// profiles with Process Email From, which mailboxes each serves, which are enabled as the run starts, and a cutover
// plan from the E-mail Router (R14, S14): the switch, Process Email From, Test & Enable in batches, queues first,
// forward rules removed or kept.
import { z } from 'zod';
import { DEFAULT_SSS_SETTINGS } from '../../fakes/sss/sss-config.js';
import { durationMs, instantMs as instant, positiveDurationMs } from './duration.js';
import { ACT_ENTITIES, type ActEntity } from '../../fakes/exchange/act-items.js';

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore');
const address = z.string().regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'an email address').transform((a) => a.toLowerCase());
const d = DEFAULT_SSS_SETTINGS;

/** S15: one synchronization filter: an entity, optionally only open records, optionally only recent ones. */
const syncFilter = z.strictObject({
  entity: z.enum(ACT_ENTITIES as [ActEntity, ...ActEntity[]]),
  /** Only records whose date (an appointment's end, a task's due date, a contact's last change) is this recent. */
  within: durationMs.optional(),
  state: z.enum(['open', 'any']).default('any'),
});

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
  /** S15: appointments, contacts and tasks; omitted, not synchronized. */
  act: z.strictObject({
    /** Every user's filters unless `users` gives theirs: a union per entity; an entity without a filter is not synced. */
    filters: z.array(syncFilter).default([{ entity: 'appointment', state: 'any' }, { entity: 'contact', state: 'any' }, { entity: 'task', state: 'any' }]),
    /** The users with ACT sync (default: every user with a mailbox record), optionally with their own filters. */
    users: z.array(z.strictObject({ address, filters: z.array(syncFilter).optional() })).optional(),
    /** DistinctPhysicalAndLogicalDeletesForExchangeSync: a record dropping out of the filters stays in Exchange. */
    distinctDeletes: z.boolean().default(false),
    /** S5: ACT cycles every 5-12 minutes, 5-15 when incoming email is enabled too (it is for every mailbox here). */
    cycleMin: positiveDurationMs.default(5 * 60_000),
    cycleMax: positiveDurationMs.default(15 * 60_000),
  }).refine((a) => a.cycleMin <= a.cycleMax, { message: 'cycleMin must not exceed cycleMax', path: ['cycleMin'] }).optional(),
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
