// The `sss:` section of a scenario: server-side synchronization for an organisation (S1-S6, S16): email server
// profiles with Process Email From, which mailboxes each serves, which are enabled as the run starts, and a cutover
// plan from the E-mail Router (R14, S14): the switch, Process Email From, Test & Enable in batches in an order (queues
// first, or also the users nobody reads until their batch: harness/world/cutover-order.ts), forward rules removed or kept.
import { z } from 'zod';
import { DEFAULT_SSS_SETTINGS } from '../../fakes/sss/sss-config.js';
import { durationMs, instantMs as instant, positiveDurationMs, timeAfterStartMs } from './duration.js';
import { ACT_ENTITIES, type ActEntity } from '../../fakes/exchange/act-items.js';
import { emailAddress } from './email-address.js';
import { CUTOVER_ORDERS, type CutoverOrder } from '../world/cutover-order.js';

const name = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, dot, dash or underscore').meta({ title: 'name' });
const address = emailAddress;
const d = DEFAULT_SSS_SETTINGS;

/** S15: one synchronization filter: an entity, optionally only open records, optionally only recent ones. */
const syncFilter = z.strictObject({
  entity: z.enum(ACT_ENTITIES as [ActEntity, ...ActEntity[]]).describe('The entity the filter selects.'),
  within: durationMs.optional().meta({ description: 'Only records whose date (an appointment\'s end, a task\'s due date, a contact\'s last change) is this recent (S14: no older than two weeks).', examples: ['14d'] }),
  state: z.enum(['open', 'any']).default('any').describe('Only open records, or any.'),
});

export const sssSchema = z.strictObject({
  name: name.default('sss').describe('The service\'s actor name, as faults target it.'),
  crm: name.optional().meta({ description: 'The organisation it serves, by its `server` name (needed when `crm:` lists several).', examples: ['crm'] }),
  profiles: z.array(z.strictObject({
    name: name.meta({ description: 'The profile\'s name, as mailboxes and `setProcessEmailFrom` refer to it.', examples: ['exchange'] }),
    server: name.describe('The Exchange server it connects to, by its name in any case, as host names are (`mailflow migrate` writes it lower-cased).'),
    processEmailFrom: instant.optional().describe('S2a: an absolute instant; omitted, mail is processed from when each mailbox was first Test & Enabled in the run (mailboxes enabled as the run starts: no bound).'),
    incomingCycleGap: positiveDurationMs.default(5 * 60_000).describe('Between the end of a mailbox\'s incoming cycle and the start of its next (S5).'),
    maxConcurrentConnections: z.number().int().positive().default(10).describe('Mailboxes of the profile read at once (S2).'),
    moveFailedToUndeliverable: z.boolean().default(false).describe('Move items whose activity CRM could not create to the Undeliverable folder (S2, S7).'),
    saveOutgoingToSentItems: z.boolean().default(true).describe('S16: sent email saved in Sent Items (9.1.0000.16819 and later).'),
  })).min(1).describe('Email server profiles (S2): one for incoming and outgoing.'),
  mailboxes: z.array(z.strictObject({
    address: address.describe('The mailbox.'),
    profile: name.optional().meta({ description: 'Its profile; default: the first.', examples: ['exchange'] }),
    deleteAfterProcessing: z.boolean().default(false).describe('S1: only forward and queue mailboxes may delete processed mail.'),
  })).default([]).describe('Mailbox records (S1): by default every user and queue with "Server-Side Synchronization or Email Router" access, and the router\'s forward mailboxes, on the first profile.'),
  enabled: z.union([z.literal('all'), z.array(address)]).default([]).describe('Mailboxes already tested and enabled as the run starts (S3), or `all`: each one sync keeps a record for (a user or queue on Email Router or Forward Mailbox access, a router\'s forward mailbox, or one of `mailboxes`).'),
  settings: z.strictObject({
    outgoingPollInterval: positiveDurationMs.default(d.outgoingPollIntervalMs).describe('How often Pending Send email is picked up (S5).'),
    transientRetries: z.number().int().nonnegative().default(d.transientRetries).describe('Retries of a transient error, transientRetryInterval apart: the next error in a row after them (the 11th with 10) disables the mailbox (S4).'),
    transientRetryInterval: positiveDurationMs.default(d.transientRetryIntervalMs).describe('Between retries after a transient error (S4).'),
    processEmailSinceMaximum: durationMs.default(d.processEmailSinceMaximumMs).describe('How far before now Process Email From may be set (S2a: ProcessEmailSinceMaximumDaysAllowed).'),
    crmCall: durationMs.default(d.crmCallMs).describe('One call inside CRM (the gap between check and deliver). [I]'),
  }).describe('Deployment settings, with the documented defaults.').default({
    outgoingPollInterval: d.outgoingPollIntervalMs, transientRetries: d.transientRetries, transientRetryInterval: d.transientRetryIntervalMs,
    processEmailSinceMaximum: d.processEmailSinceMaximumMs, crmCall: d.crmCallMs,
  }),
  act: z.strictObject({
    filters: z.array(syncFilter).default([{ entity: 'appointment', state: 'any' }, { entity: 'contact', state: 'any' }, { entity: 'task', state: 'any' }])
      .describe('Every user\'s filters unless `users` gives theirs: a union per entity; an entity without a filter is not synced (S15).'),
    users: z.array(z.strictObject({
      address: address.describe('The user.'),
      filters: z.array(syncFilter).optional().describe('Their own filters instead of `act.filters`.'),
    })).optional().describe('The users with ACT sync (default: every user with a mailbox record), optionally with their own filters.'),
    distinctDeletes: z.boolean().default(false).describe('DistinctPhysicalAndLogicalDeletesForExchangeSync: a record dropping out of the filters stays in Exchange (S15).'),
    cycleMin: positiveDurationMs.default(5 * 60_000).describe('The shortest gap between ACT cycles (S5: 5-12 minutes, 5-15 with incoming email, as here).'),
    cycleMax: positiveDurationMs.default(15 * 60_000).describe('The longest gap between ACT cycles (S5).'),
  }).refine((a) => a.cycleMin <= a.cycleMax, { message: 'cycleMin must not exceed cycleMax', path: ['cycleMin'] }).optional()
    .describe('S15: appointments, contacts and tasks; omitted, not synchronized.'),
  cutover: z.strictObject({
    at: timeAfterStartMs.meta({ description: 'When "Process Email Using" is switched to server-side sync (R14).', examples: ['4h'] }),
    processEmailFrom: z.union([instant, z.strictObject({ before: durationMs.describe('How long before the switch.') })]).default({ before: 86_400_000 })
      .describe('S2a: `{ before: 24h }`, 24 hours before the switch (the migration tool\'s, S14), or an instant in the run\'s time. Mind the difference: `processEmailFrom: 24h` is an instant, 24 hours after the start, so with a switch at 4h the mail between the switch and it is never tracked (`before-process-email-from`; the shipped cutover-late-process-email-from does it on purpose). An instant before the start is negative: `-1d`.'),
    batchSize: z.number().int().positive().default(200).describe('Mailboxes per Test & Enable batch (S14: 200).'),
    batchInterval: durationMs.default(5 * 3_600_000).describe('Between batches; the first is at the switch (S14: every 5 hours). Write a unit: a bare number is milliseconds. `0` enables every batch at the switch; otherwise at least a minute.'),
    order: z.enum(CUTOVER_ORDERS).optional().meta({ examples: ['unread-first'] })
      .describe('Which mailboxes the batches take first, as a plan\'s `order`: `queues-first` (the default, S14), the queues and forward mailboxes, then the users in scenario order; `unread-first`, the queues and forward mailboxes, then the users on Email Router access, whose Inbox nobody reads between the switch and their batch (R14, S6), then the other users; `as-listed`, every record in scenario order.'),
    queuesFirst: z.boolean().optional().describe('The older way to write `order`: `true` is `queues-first`, `false` is `as-listed`. Given with `order`, the two must agree (`true` goes with `unread-first` too).'),
    failing: z.array(address).default([]).describe('Mailboxes whose Test & Enable fails (the service account has no access to them, S4): each one the cutover tests (a user or queue on Email Router or Forward Mailbox access, a router\'s forward mailbox, or one of `mailboxes`).'),
    forwardRules: z.enum(['keep', 'remove-per-batch', 'remove-at-end']).default('remove-per-batch').describe('The router\'s inbox rules: kept, removed from each mailbox as its batch is enabled, or all at the last batch.'),
  }).superRefine(({ order, queuesFirst }, ctx) => {
    const problem = orderProblem(order, queuesFirst);
    if (problem !== null) ctx.addIssue({ code: 'custom', path: ['order'], message: problem });
  }).transform(({ queuesFirst, ...cutover }) => ({ ...cutover, order: cutover.order ?? (queuesFirst === false ? 'as-listed' : 'queues-first') as CutoverOrder }))
    .optional().describe('A cutover from the router, turned into operations at the given times (R14, S14).'),
});

export type SssSection = z.output<typeof sssSchema>;

/**
 * `queuesFirst` and `order` together, when they say different things: `queuesFirst: true` is every order that puts
 * the queues first (`queues-first`, `unread-first`), `false` is `as-listed`. Null when they agree or one is missing.
 */
function orderProblem(order: CutoverOrder | undefined, queuesFirst: boolean | undefined): string | null {
  if (order === undefined || queuesFirst === undefined || queuesFirst === (order !== 'as-listed')) return null;
  return queuesFirst
    ? '`order: as-listed` takes the records in scenario order, and `queuesFirst: true` puts the queues first: keep `order` alone (`queuesFirst` is the older way to write it)'
    : `\`order: ${order}\` puts the queues and forward mailboxes first (S14), and \`queuesFirst: false\` does not: keep \`order\` alone (\`queuesFirst\` is the older way to write it; \`false\` is \`order: as-listed\`)`;
}
