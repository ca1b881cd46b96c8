// The plan language (`kind: plan`): an organisation on the E-mail Router, how its people treat their mail, and a
// cutover to server-side sync in batches (S14), which `mailflow plan` turns into a scenario, runs and grades. Like
// scenarios, plan files are validated by zod, with errors naming file, line, column and field path.
import { MAX_SEED } from '../scenario/seed-bound.js';
import { z } from 'zod';
import { durationMs, instantMs, positiveDurationMs } from '../scenario/duration.js';
import { GRADES } from './grade.js';
import { MIN_RATE_PER_HOUR, minRateSaid } from '../scenario/time-bounds.js';
import { faultSchema } from '../scenario/schema.js';
import { CUTOVER_ORDERS } from '../world/cutover-order.js';

const name = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
const habit = z.strictObject({
  probability: z.number().min(0).max(1).describe('Chance per received message.'),
  meanDelay: durationMs.describe('Mean delay after the message arrives (exponential).'),
});

const siteSchema = z.strictObject({
  name: name.meta({ description: 'The site; its users are `<site><n>@<domain>`, its queues `<site>-queue<n>@<domain>`.', examples: ['hq'] }),
  users: z.number().int().nonnegative().max(100_000).describe('User mailboxes at the site.'),
  queues: z.number().int().nonnegative().max(10_000).default(0).describe('Queue mailboxes at the site (always read directly by the router, R4).'),
  access: z.enum(['forward-mailbox', 'email-router']).default('forward-mailbox')
    .describe('How the router reads the users\' mail today (R4): through the forward mailbox (an inbox rule each, R1) or their own Inbox.'),
  filter: z.enum(['all', 'responses', 'leads-contacts-accounts', 'email-enabled']).default('all').describe('The users\' and queues\' incoming filter (S9).'),
  databases: z.number().int().positive().max(100).default(1).describe('Mailbox databases at the site, users dealt round-robin.'),
});

/**
 * The most users and queues a plan may have, over all its sites: as many as one site may have users. Each becomes a
 * mailbox and a CRM record of the scenario the plan compiles to (200,001 at the cap, with the forward mailbox: within
 * a scenario's own cap, population.ts), and the checks list every address: 300 sites of 110,000 made `validate` crash
 * with 'Map maximum size exceeded', 100 of them ran `plan` out of memory after 4 minutes. recommended.yaml has 306,
 * naive-24h.yaml 5,000.
 */
export const MAX_PLAN_POPULATION = 100_000;

/** Said at the site (its users, or its queues) that takes the total past the cap; the schema knows the counts already. */
function refuseOverCap(sites: ReadonlyArray<{ readonly users: number; readonly queues: number }>, ctx: z.RefinementCtx): void {
  const fields = sites.flatMap((site, i) => [{ path: [i, 'users'], n: site.users }, { path: [i, 'queues'], n: site.queues }]);
  const total = fields.reduce((sum, field) => sum + field.n, 0);
  if (total <= MAX_PLAN_POPULATION) return;
  let running = 0;
  const past = fields.find((field) => (running += field.n) > MAX_PLAN_POPULATION);
  ctx.addIssue({
    code: 'custom', path: past?.path ?? [],
    message: `the sites' users and queues come to ${total.toLocaleString('en-US')}, over the ${MAX_PLAN_POPULATION.toLocaleString('en-US')} a plan may have (scenarios/plans/naive-24h.yaml has 5,000): plan fewer sites or smaller ones`,
  });
}

export const planSchema = z.strictObject({
  kind: z.literal('plan').describe('Tells plan files from scenario files.'),
  name: name.meta({ description: 'The plan\'s name in summaries and comparisons.', examples: ['recommended'] }),
  description: z.string().optional().describe('What the plan is.'),
  seed: z.number().int().min(0).max(MAX_SEED).describe('The seed of every random choice; `--seed` and `--sweep` vary it.'),
  start: z.iso.datetime().describe('Virtual time 0, an ISO 8601 UTC instant; traffic starts here.'),
  // Lower case, as every address in a scenario is (email-address.ts): the plan's own lists of addresses (its drawn
  // failures, the batches) are compared with the compiled scenario's.
  domain: z.string().min(1).toLowerCase().default('contoso.example').describe('The organisation\'s mail domain (any case; addresses compare in lower case).'),
  sites: z.array(siteSchema).min(1).superRefine(refuseOverCap)
    .describe(`The population, by site (S14 batches follow this order, after the queues unless \`order: as-listed\`, and with the users on Email Router access first under \`order: unread-first\`); at most ${MAX_PLAN_POPULATION.toLocaleString('en-US')} users and queues in all.`),
  traffic: z.strictObject({
    // The compiled generators' rate is users x this / 24: at least the scenario's slowest rate with a single user.
    perMailboxPerDay: z.number().min(24 * MIN_RATE_PER_HOUR, { error: (issue) => `expected at least ${minRateSaid(' per mailbox', 'day')}, got ${String(issue.input)}` }).max(1_000)
      .describe(`Messages from outside per mailbox per day; at least ${minRateSaid(' per mailbox', 'day')}, at most 1,000.`),
    dailyCurve: z.array(z.number().nonnegative()).length(24).optional().describe('24 relative weights, one per UTC hour.'),
    replyRatio: z.number().min(0).max(1).default(0).describe('Share of mail from the organisation that outside senders answer.'),
  }).describe('The mail from outside: rates, daily curve, reply ratio.'),
  people: z.strictObject({
    file: habit.default({ probability: 0, meanDelay: 3_600_000 }).describe('File a received message out of the Inbox (S6: a late batch never sees it).'),
    delete: habit.default({ probability: 0, meanDelay: 3_600_000 }).describe('Delete a received message.'),
  }).default({ file: { probability: 0, meanDelay: 3_600_000 }, delete: { probability: 0, meanDelay: 3_600_000 } })
    .describe('How people treat received mail, and how soon.'),
  router: z.strictObject({
    crmCall: durationMs.default(200).describe('One CRM web-service round trip.'),
  }).default({ crmCall: 200 }).describe('The E-mail Router today: one install, one forward mailbox (`crm@<domain>`).'),
  cutover: z.strictObject({
    switchAt: durationMs.meta({ description: 'When "Process Email Using" becomes server-side sync (R14), after the start.', examples: ['1d'] }),
    processEmailFrom: z.union([instantMs, z.strictObject({ before: durationMs })]).default({ before: 86_400_000 })
      .describe('S2a: an instant (`-1d`: a day before the start), or `before: 24h` the switch (the migration tool\'s default, S14).'),
    batchSize: z.number().int().positive().default(200).describe('Mailboxes per Test & Enable batch (S14: 200).'),
    batchInterval: durationMs.default(5 * 3_600_000).describe('Between batches; the first is at the switch (S14: every 5 hours).'),
    order: z.enum(CUTOVER_ORDERS).default('queues-first')
      .describe('Queues and the forward mailbox first (S14), then users in site order; `unread-first`: queues and the forward mailbox, then the users on Email Router access, whose Inbox nobody reads between the switch and their batch (R14, S6), then those on the forward mailbox; or sites as listed.'),
    testAndEnable: z.strictObject({
      failureRate: z.number().min(0).max(1).default(0).describe('Share of mailboxes whose Test & Enable fails (no access for the service account, S4).'),
      retryAfter: durationMs.optional().describe('Failed mailboxes are fixed and tested again this long after their batch; default: never.'),
    }).default({ failureRate: 0 }).describe('Test & Enable failures and their retry.'),
    forwardRules: z.enum(['keep', 'remove-per-batch', 'remove-at-end']).default('remove-per-batch').describe('The router\'s inbox rules: kept, removed per batch, or all at the last batch.'),
    settle: positiveDurationMs.default(86_400_000).describe('Traffic goes on this long after the last batch, so late effects show.'),
  }).describe('The cutover plan.'),
  faults: z.array(faultSchema).default([]).describe('Faults during the cutover, as in scenarios (targets: `ex-<site>`, `crm`, `router`, `sss`, `customers`): an Exchange outage during a batch, a router crash, CRM down.'),
  expect: z.strictObject({
    grade: z.enum(GRADES).optional().describe('The plan must grade at least this (exit 1 otherwise).'),
  }).default({}).describe('What the plan must achieve.'),
});

export type Plan = z.output<typeof planSchema>;
export type PlanSite = Plan['sites'][number];
